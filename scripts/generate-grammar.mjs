#!/usr/bin/env node
// Writes syntaxes/mosquitto-conf.tmLanguage.json from the directive catalogue.
// Needs the compiled service (run `npx tsc -b` first).
// Usage: node scripts/generate-grammar.mjs [--check]   (--check: exit 1 when the file is out of date)
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const compiled = join(root, 'out/server/src/service/features/grammar.js');
if (!existsSync(compiled)) {
  console.error(`generate-grammar: ${compiled} is missing; run 'npx tsc -b' first.`);
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { buildGrammar } = require(compiled);
const { DIRECTIVES } = require(join(root, 'out/server/src/service/data/catalogue.js'));

const target = join(root, 'syntaxes/mosquitto-conf.tmLanguage.json');
const text = `${JSON.stringify(buildGrammar(DIRECTIVES), null, 2)}\n`;
if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error('generate-grammar: syntaxes/mosquitto-conf.tmLanguage.json is out of date; run node scripts/generate-grammar.mjs');
    process.exit(1);
  }
  console.log('generate-grammar: up to date');
} else {
  writeFileSync(target, text);
  console.log(`generate-grammar: wrote ${target}`);
}
