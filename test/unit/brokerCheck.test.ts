import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, suite, test } from 'node:test';
import { checkWithBroker, detectBrokerVersion, withoutDuplicates } from '../../server/src/broker';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-check-test-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

// Stand-in brokers for what the real one cannot show: exactly what it was handed (copy, persistence
// off, include_dir rewritten), an older release without --test-config. The real 2.1.2 is asked in
// brokerCheckReal.test.ts.

/**
 * A stand-in broker executable: `-h` prints the given version; `--test-config -c FILE`
 * records the path and text it was given in a log, and rejects lines starting with `bogus`.
 */
function fakeBroker(version: string): { executable: string; log: string } {
  const executable = path.join(dir, `mosquitto-${version}`);
  const log = path.join(dir, `log-${version}.json`);
  fs.writeFileSync(
    executable,
    `#!/usr/bin/env node
const fs = require('fs');
const args = process.argv.slice(2);
if (args[0] === '-h') { console.log('mosquitto version ${version}\\n\\nmosquitto is an MQTT v5.0/v3.1.1/v3.1 broker.'); process.exit(3); }
const file = args[args.indexOf('-c') + 1];
const text = fs.readFileSync(file, 'utf8');
const included = {};
for (const line of text.split('\\n')) {
  const m = /^include_dir (.*)$/.exec(line);
  if (m) for (const n of fs.readdirSync(m[1])) included[n] = fs.readFileSync(m[1] + '/' + n, 'utf8');
}
fs.writeFileSync(${JSON.stringify(log)}, JSON.stringify({ args, file, text, included }));
const lines = text.split('\\n');
for (let i = 0; i < lines.length; i++) {
  if (lines[i].startsWith('bogus')) { console.error('1700000000: Error: Unknown configuration variable "bogus".'); console.error('1700000000: Error found at ' + file + ':' + (i + 1) + '.'); process.exit(3); }
}
console.log('Configuration file is OK.');
`,
    { mode: 0o755 },
  );
  return { executable, log };
}

suite('check with the installed broker', () => {
  test('version detection: reads the first line of mosquitto -h', () => {
    assert.deepEqual(detectBrokerVersion(fakeBroker('2.1.2').executable), { major: 2, minor: 1, patch: 2 });
    assert.equal(detectBrokerVersion(path.join(dir, 'missing')), undefined);
  });

  test('2.1 broker: runs --test-config on a temporary copy with persistence off, never the live file', async () => {
    const broker = fakeBroker('2.1.2');
    const live = path.join(dir, 'live.conf');
    const text = 'persistence true\nlistener 1883\nallow_anonymous true\n';
    fs.writeFileSync(live, text);
    const result = await checkWithBroker(live, text, broker.executable);
    assert.equal(result.status, 'ok');
    const seen = JSON.parse(fs.readFileSync(broker.log, 'utf8')) as { args: string[]; file: string; text: string };
    assert.deepEqual(seen.args.slice(0, 2), ['--test-config', '-c']);
    assert.notEqual(path.resolve(seen.file), live);
    assert.equal(seen.text.split('\n')[0], 'persistence false');
    assert.equal(seen.text.split('\n').length, text.split('\n').length, 'line numbers are kept');
    assert.equal(fs.readFileSync(live, 'utf8'), text, 'the live file is untouched');
    assert.equal(fs.existsSync(seen.file), false, 'the copy is removed afterwards');
  });

  test('include_dir files are copied too, with persistence off, and the copy points at them', async () => {
    const broker = fakeBroker('2.1.2');
    const confd = path.join(dir, 'conf.d');
    fs.mkdirSync(confd, { recursive: true });
    fs.writeFileSync(path.join(confd, 'a.conf'), 'persistence true\n');
    fs.writeFileSync(path.join(confd, 'notes.txt'), 'ignored\n');
    const live = path.join(dir, 'main.conf');
    const text = `listener 1883\ninclude_dir ${confd}\n`;
    fs.writeFileSync(live, text);
    await checkWithBroker(live, text, broker.executable);
    const seen = JSON.parse(fs.readFileSync(broker.log, 'utf8')) as { text: string; included: Record<string, string> };
    assert.ok(!seen.text.includes(confd), 'include_dir points at the temporary copy');
    assert.deepEqual(seen.included, { 'a.conf': 'persistence false\n' });
  });

  test('older broker: not run at all, with an explanation', async () => {
    const broker = fakeBroker('2.0.11');
    const live = path.join(dir, 'old.conf');
    fs.writeFileSync(live, 'listener 1883\n');
    fs.rmSync(broker.log, { force: true });
    const result = await checkWithBroker(live, 'listener 1883\n', broker.executable);
    assert.equal(result.status, 'unsupported');
    assert.equal(fs.existsSync(broker.log), false, 'no --test-config run');
  });

  test('no broker: says so', async () => {
    assert.equal((await checkWithBroker(path.join(dir, 'x.conf'), '', path.join(dir, 'nope'))).status, 'not-found');
  });

  test('broker findings on a line we already flag as an error are dropped', () => {
    const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } };
    const ours = [{ range, severity: 1 as const, message: 'ours' }];
    const broker = [
      { range, severity: 1 as const, message: 'theirs' },
      { range: { ...range, start: { line: 4, character: 0 } }, severity: 1 as const, message: 'other' },
    ];
    assert.deepEqual(
      withoutDuplicates(broker, ours).map((d) => d.message),
      ['other'],
    );
  });
});
