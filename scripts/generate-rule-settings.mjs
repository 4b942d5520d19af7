#!/usr/bin/env node
// Writes the `mosquitto.rules` settings block of package.json (one entry per rule id) from
// the rule table (CONFIGURABLE_RULES in server/src/service/engine/registry.ts).
// Needs the compiled service (run `npx tsc -b` first).
// Usage: node scripts/generate-rule-settings.mjs [--check]   (--check: exit 1 when package.json is out of date)
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const compiled = join(root, 'out/server/src/service/engine/registry.js');
if (!existsSync(compiled)) {
  console.error(`generate-rule-settings: ${compiled} is missing; run 'npx tsc -b' first.`);
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { CONFIGURABLE_RULES } = require(compiled);
const { ruleSettingsText } = await import(join(root, 'scripts/rule-settings.mjs'));

const target = join(root, 'package.json');
const current = readFileSync(target, 'utf8');
const text = ruleSettingsText(current, CONFIGURABLE_RULES);
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error('generate-rule-settings: package.json mosquitto.rules is out of date; run npm run generate:rule-settings');
    process.exit(1);
  }
  console.log('generate-rule-settings: up to date');
} else {
  writeFileSync(target, text);
  console.log(`generate-rule-settings: wrote ${CONFIGURABLE_RULES.length} rule settings to package.json`);
}
