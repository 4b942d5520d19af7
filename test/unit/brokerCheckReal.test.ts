// "Check with installed broker" against the real mosquitto 2.1.2 (test/realBroker.ts): its
// `--test-config` verdicts reach the right lines, and the live files are never touched.
// The stand-in brokers of brokerCheck.test.ts remain for what a real broker cannot show
// (an older version, a hang, what exactly it was handed).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, suite, test } from 'node:test';
import { BROKER_SOURCE, checkWithBroker, detectBrokerVersion } from '../../server/src/broker';
import { realBroker, realBrokerProblem } from '../realBroker';

const problem = realBrokerProblem();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-check-real-'));
const broker = problem === null ? realBroker() : undefined;
after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  broker?.dispose();
});

/** Every file below `root` with its bytes and modification time. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else {
        out[path.relative(root, full)] = `${fs.statSync(full).mtimeMs} ${fs.readFileSync(full).toString('base64')}`;
      }
    }
  };
  walk(root);
  return out;
}

function project(name: string, files: Record<string, string>): string {
  const root = path.join(dir, name);
  fs.mkdirSync(root, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

suite('check with the real mosquitto 2.1.2', { skip: problem ?? undefined }, () => {
  test('version detection from the real broker', () => {
    assert.deepEqual(detectBrokerVersion(broker!.executable), { major: 2, minor: 1, patch: 2 });
  });

  test('a file it accepts: ok, no findings', async () => {
    const root = project('ok', { 'mosquitto.conf': 'listener 1883\nallow_anonymous true\n' });
    const live = path.join(root, 'mosquitto.conf');
    const result = await checkWithBroker(live, fs.readFileSync(live, 'utf8'), broker!.executable);
    assert.equal(result.status, 'ok', result.summary);
    assert.deepEqual([...result.diagnostics.values()].flat(), []);
  });

  test('an unknown directive: an error on its line, from the broker', async () => {
    const text = 'listener 1883\nallow_anonymous true\nbogus 1\n';
    const root = project('unknown', { 'mosquitto.conf': text });
    const live = path.join(root, 'mosquitto.conf');
    const result = await checkWithBroker(live, text, broker!.executable);
    assert.equal(result.status, 'errors');
    const found = result.diagnostics.get(live) ?? [];
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.source]),
      [[2, BROKER_SOURCE]],
    );
    assert.match(String(found[0].message), /bogus/);
  });

  test('a 2.1-only refusal: a listener option before the first listener', async () => {
    const text = 'max_topic_alias 10\nlistener 1883\nallow_anonymous true\n';
    const root = project('needs-listener', { 'mosquitto.conf': text });
    const live = path.join(root, 'mosquitto.conf');
    const result = await checkWithBroker(live, text, broker!.executable);
    assert.equal(result.status, 'errors');
    assert.deepEqual(
      (result.diagnostics.get(live) ?? []).map((d) => d.range.start.line),
      [0],
    );
  });

  test('an error in an include_dir file lands on that file and line', async () => {
    const root = project('included', { 'conf.d/10-extra.conf': 'log_type all\nnot_an_option 5\n' });
    const live = path.join(root, 'mosquitto.conf');
    const text = `listener 1883\nallow_anonymous true\ninclude_dir ${path.join(root, 'conf.d')}\n`;
    fs.writeFileSync(live, text);
    const result = await checkWithBroker(live, text, broker!.executable);
    assert.equal(result.status, 'errors');
    const included = result.diagnostics.get(path.join(root, 'conf.d', '10-extra.conf')) ?? [];
    assert.deepEqual(
      included.map((d) => d.range.start.line),
      [1],
    );
  });

  test('the live files are never touched: persistence, pid file and log file stay unwritten', async () => {
    const root = project('live', {});
    const text = [
      'persistence true',
      `persistence_location ${root}/`,
      `pid_file ${root}/mosquitto.pid`,
      `log_dest file ${root}/mosquitto.log`,
      'listener 1883',
      'allow_anonymous true',
      'include_dir conf.d',
      '',
    ].join('\n');
    fs.mkdirSync(path.join(root, 'conf.d'), { recursive: true });
    fs.writeFileSync(path.join(root, 'conf.d', 'a.conf'), 'autosave_interval 10\n');
    const live = path.join(root, 'mosquitto.conf');
    fs.writeFileSync(live, text);
    const before = snapshot(root);
    const result = await checkWithBroker(live, text, broker!.executable);
    assert.ok(result.status === 'ok' || result.status === 'errors', result.summary);
    assert.deepEqual(snapshot(root), before, 'no file of the live folder was created, changed or touched');
  });
});

suite('mosquitto-lint --with-broker with the real mosquitto 2.1.2', { skip: problem ?? undefined }, () => {
  const bin = path.join(__dirname, '..', '..', '..', 'server', 'bin', 'mosquitto-lint');
  const lintWith = (file: string): { code: number | null; out: string; err: string } => {
    const r = spawnSync(process.execPath, [bin, `--with-broker=${broker!.executable}`, file], { encoding: 'utf8', cwd: path.dirname(file) });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  test("the broker's own finding is printed on its line (our rule switched off), exit 1", () => {
    const root = project('cli-bogus', {
      'mosquitto.conf': 'listener 1883\nallow_anonymous true\nbogus 1\n',
      '.mosquitto-lint.json': JSON.stringify({ rules: { 'unknown-directive': 'off' } }),
    });
    const r = lintWith(path.join(root, 'mosquitto.conf'));
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /mosquitto\.conf:3:1: error \[broker\] .*bogus/);
    assert.match(r.err, /mosquitto 2\.1\.2 rejects this configuration/);
  });

  test('a file it accepts: exit 0, and the live folder is left exactly as it was', () => {
    const root = project('cli-ok', {});
    const text = `persistence true\npersistence_location ${root}/\npid_file ${root}/m.pid\nlistener 1883\nallow_anonymous true\n`;
    fs.writeFileSync(path.join(root, 'mosquitto.conf'), text);
    const before = snapshot(root);
    const r = lintWith(path.join(root, 'mosquitto.conf'));
    assert.equal(r.code, 0, `${r.out}${r.err}`);
    assert.match(r.err, /mosquitto 2\.1\.2 accepts this configuration/);
    assert.deepEqual(snapshot(root), before);
  });
});
