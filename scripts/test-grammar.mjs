#!/usr/bin/env node
// Grammar tests: runs vscode-tmgrammar-test on test/grammar/*.test.{conf,acl,pwfile,psk} (one test per file)
// and checks that syntaxes/mosquitto-conf.tmLanguage.json is the one generated from the
// catalogue. Offline. Ends with `LAYER_RESULT grammar <passed> <failed>` for test-all.mjs.
// Usage: node scripts/test-grammar.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;

const runner = join(root, 'node_modules/vscode-tmgrammar-test/dist/unit.js');
// Test file extension → grammar: mosquitto.conf and the files it points at (ACL, passwords, PSK).
const GRAMMARS = { '.test.conf': 'mosquitto-conf', '.test.acl': 'mosquitto-acl', '.test.pwfile': 'mosquitto-passwd', '.test.psk': 'mosquitto-psk' };
const grammarOf = (name) => GRAMMARS[Object.keys(GRAMMARS).find((ext) => name.endsWith(ext))];
const cases = readdirSync(join(root, 'test/grammar'))
  .filter((n) => grammarOf(n) !== undefined)
  .sort();
if (!existsSync(runner)) {
  console.log('[grammar] vscode-tmgrammar-test is not installed (npm install)');
  failed += Math.max(cases.length, 1);
} else {
  for (const name of cases) {
    const result = spawnSync(process.execPath, [runner, '-g', `syntaxes/${grammarOf(name)}.tmLanguage.json`, `test/grammar/${name}`], {
      cwd: root,
      encoding: 'utf8',
    });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    if (result.status === 0) {
      passed++;
      console.log(`ok - grammar ${name}`);
    } else {
      failed++;
      console.log(`not ok - grammar ${name}\n${output}`);
    }
  }
}

const check = spawnSync(process.execPath, [join(root, 'scripts/generate-grammar.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
if (check.status === 0) {
  passed++;
  console.log('ok - grammar file is generated from the catalogue');
} else {
  failed++;
  console.log(`not ok - grammar file is generated from the catalogue\n${check.stdout}${check.stderr}`);
}

console.log(`LAYER_RESULT grammar ${passed} ${failed}`);
process.exitCode = failed > 0 ? 1 : 0;
