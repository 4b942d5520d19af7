import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'node:test';
import { main } from '../../server/src/cli';
import type { Run } from './cliHelpers';
import { scratchFolder } from './cliHelpers';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const { work, file } = scratchFolder('mosquitto-lint-cli-');

function run(...argv: string[]): Run {
  let out = '';
  let err = '';
  const code = main(
    argv,
    (t) => {
      out += `${t}\n`;
    },
    (t) => {
      err += `${t}\n`;
    },
  );
  return { code, out, err };
}

interface JsonResult {
  file: string;
  diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity: string;
    code: string;
    message: string;
    source: string;
  }[];
}

const CLEAN = file('clean.conf', 'allow_anonymous true\nlistener 1883\n');
const BROKEN = file('broken.conf', 'listener 1883\nallow_anonymous true\n  xyzzy 1\n');
const WARN = file('warn.conf', 'listener 1883\n');
const NOKEY = file('nokey.conf', 'listener 8883\ncertfile /etc/server.crt\nallow_anonymous true\n');
const MISSING_PW = file('missing-pw.conf', 'listener 1883\npassword_file /nonexistent/mosquitto-lint/passwd\n');

function noStack(text: string): void {
  assert.doesNotMatch(text, /\n\s+at .+\(.*:\d+:\d+\)/, 'no stack trace');
}

suite('cli: output formats', () => {
  test('text: file:line:col: severity [rule-id] message, 1-based', () => {
    const r = run('--broker-version', '2.0.11', BROKEN);
    assert.match(r.out, new RegExp(`^${BROKEN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:3: error \\[unknown-directive\\] \\S.*$`, 'm'));
  });
  test('text: a summary goes to stderr, not stdout', () => {
    const r = run(CLEAN);
    assert.equal(r.out, '');
    assert.match(r.err, /1 file\(s\) checked/);
  });
  test('json: [{file, diagnostics: [{range, severity word, code, message, source}]}] with 0-based ranges', () => {
    const r = run('--format', 'json', '--broker-version', '2.0.11', BROKEN, CLEAN);
    const results = JSON.parse(r.out) as JsonResult[];
    assert.deepEqual(
      results.map((x) => x.file),
      [BROKEN, CLEAN],
    );
    const d = results[0].diagnostics.find((x) => x.code === 'unknown-directive');
    assert.ok(d);
    assert.deepEqual(Object.keys(d).sort(), ['code', 'message', 'range', 'severity', 'source']);
    assert.deepEqual(d.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 7 } });
    assert.equal(d.severity, 'error');
    assert.equal(d.source, 'mosquitto');
    assert.equal(typeof d.message, 'string');
    assert.deepEqual(
      results[1].diagnostics.filter((x) => x.severity === 'error'),
      [],
    );
  });
  test('json: severity words for every level', () => {
    const text = file('levels.conf', 'port 1883\nlistener 1884\npersistence true\nxyzzy 1\n');
    const words = new Set((JSON.parse(run('--format=json', '--broker-version=2.0.11', text).out) as JsonResult[])[0].diagnostics.map((d) => d.severity));
    assert.deepEqual([...words].sort(), ['error', 'hint', 'information', 'warning']);
  });
  test('diagnostics of included files are listed under their own path', () => {
    file('inc/conf.d/bad.conf', 'listner 1884\n');
    const main = file('inc/mosquitto.conf', 'listener 1883\nallow_anonymous true\ninclude_dir conf.d\n');
    const results = JSON.parse(run('--format', 'json', '--broker-version', '2.0.11', main).out) as JsonResult[];
    assert.equal(results.length, 2);
    assert.ok(results[0].diagnostics.some((d) => d.code === 'included-file-errors'));
    assert.ok(results[1].file.endsWith(path.join('conf.d', 'bad.conf')));
    assert.ok(results[1].diagnostics.some((d) => d.code === 'unknown-directive'));
  });
});

suite('cli: exit codes', () => {
  test('0 without errors, also with warnings', () => {
    assert.equal(run(CLEAN).code, 0);
    const r = run('--broker-version', '2.0.11', WARN);
    assert.equal(r.code, 0);
    assert.match(r.out, /warning \[anonymous-refused\]/);
  });
  test('1 with at least one error', () => {
    assert.equal(run(BROKEN).code, 1);
    assert.equal(run(CLEAN, BROKEN).code, 1);
  });
  test('2 for a usage or file problem, even when other files have errors', () => {
    assert.equal(run(BROKEN, path.join(work, 'nope.conf')).code, 2);
  });
});

suite('cli: flags', () => {
  test('--broker-version changes the verdict: certfile without keyfile (2.0.21 error, 2.0.20 warning)', () => {
    assert.equal(run('--broker-version', '2.0.21', NOKEY).code, 1);
    const r = run('--broker-version', '2.0.20', NOKEY);
    assert.equal(r.code, 0);
    assert.match(r.out, /warning \[tls-certfile-without-keyfile\]/);
  });
  test('--broker-version X.Y means the newest patch of that line', () => {
    assert.match(run('--broker-version', '2.0', CLEAN).err, /mosquitto 2\.0\.22/);
  });
  test('--platform windows enables the Windows advice', () => {
    const ws = file('ws.conf', 'listener 1883\nallow_anonymous true\nlistener 9001\nprotocol websockets\n');
    assert.match(run('--platform', 'windows', ws).out, /information \[websockets-socket-domain\]/);
    assert.doesNotMatch(run('--platform', 'linux', ws).out, /websockets-socket-domain/);
  });
  test('paths are checked by default; --no-check-paths turns that off', () => {
    const checked = run('--broker-version', '2.0.11', MISSING_PW);
    assert.equal(checked.code, 1);
    assert.match(checked.out, /error \[path-not-found\]/);
    const unchecked = run('--broker-version', '2.0.11', '--no-check-paths', MISSING_PW);
    assert.equal(unchecked.code, 0);
    assert.doesNotMatch(unchecked.out, /path-not-found/);
  });
  test('--rule ID=SEVERITY overrides a rule; repeatable; off removes it', () => {
    const lowered = run('--rule', 'unknown-directive=warning', '--rule=indented-comment=off', BROKEN);
    assert.equal(lowered.code, 0);
    assert.match(lowered.out, /warning \[unknown-directive\]/);
    const raised = run('--broker-version', '2.0.11', '--rule', 'anonymous-refused=error', WARN);
    assert.equal(raised.code, 1);
  });
  test('--rule accepts included-file-errors', () => {
    assert.equal(run('--rule', 'included-file-errors=off', CLEAN).code, 0);
  });
  test('--help and --version print to stdout and exit 0', () => {
    const help = run('--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /Usage: mosquitto-lint/);
    const version = run('--version');
    assert.equal(version.code, 0);
    assert.match(version.out.trim(), /^\d+\.\d+\.\d+/);
  });
});

suite('cli: clear errors, no stack traces', () => {
  const cases: [string, string[], RegExp][] = [
    ['missing file', [path.join(work, 'nope.conf')], /no such file/],
    ['directory', [work], /directory/],
    ['unknown flag', ['--frobnicate', CLEAN], /unknown option '--frobnicate'/],
    ['bad version', ['--broker-version', '3.5', CLEAN], /--broker-version/],
    ['version text', ['--broker-version', 'latest', CLEAN], /--broker-version/],
    ['too old version', ['--broker-version', '1.3.5', CLEAN], /--broker-version/],
    [
      'a release that does not exist, with the known ones',
      ['--broker-version', '2.0.99', CLEAN],
      /'2\.0\.99' is not auto or a mosquitto release.*2\.0\.0–2\.0\.22/,
    ],
    ['bad --path-map', ['--path-map', '/mosquitto/config', CLEAN], /--path-map takes BROKER_PATH=LOCAL_PATH/],
    ['--compose file that is missing', ['--compose', path.join(work, 'nope.yml'), CLEAN], /cannot read/],
    [
      '--compose file without a mosquitto service',
      ['--compose', file('other-compose.yml', 'services:\n  db:\n    image: postgres\n'), CLEAN],
      /no service there runs the eclipse-mosquitto image/,
    ],
    ['bad platform', ['--platform', 'solaris', CLEAN], /--platform/],
    ['bad format', ['--format', 'xml', CLEAN], /--format/],
    ['flag without value', ['--broker-version'], /needs a value/],
    ['bad --rule syntax', ['--rule', 'unknown-directive', CLEAN], /--rule/],
    ['bad --rule severity', ['--rule', 'unknown-directive=fatal', CLEAN], /--rule/],
    ['unknown rule id', ['--rule', 'no-such-rule=off', CLEAN], /unknown rule id 'no-such-rule'/],
    ['no file', [], /no FILE/],
  ];
  for (const [name, argv, message] of cases) {
    test(`exit 2 with a message on stderr: ${name}`, () => {
      const r = run(...argv);
      assert.equal(r.code, 2);
      assert.match(r.err, message);
      assert.match(r.err, /^mosquitto-lint: /m);
      noStack(r.err);
      assert.equal(r.out, '');
    });
  }
  test('exit 2 for a binary file', () => {
    const binary = file('binary.conf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0]));
    const r = run(binary);
    assert.equal(r.code, 2);
    assert.match(r.err, /binary/);
    noStack(r.err);
  });
  test('a UTF-16 file is a finding (the broker cannot read it), not a crash', () => {
    const utf16 = file('utf16.conf', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('listener 1883\n', 'utf16le')]));
    const r = run('--format', 'json', utf16);
    assert.equal(r.code, 1);
    const [result] = JSON.parse(r.out) as JsonResult[];
    assert.equal(result.diagnostics[0].code, 'byte-order-mark');
    assert.equal(result.diagnostics[0].severity, 'error');
  });
});

suite('cli: node server/bin/mosquitto-lint (separate process)', () => {
  const bin = path.join(repoRoot, 'server', 'bin', 'mosquitto-lint');
  const spawnLint = (...argv: string[]): Run => {
    const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', cwd: work });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };
  test('exit 0 and no output lines for a clean file', () => {
    const r = spawnLint(CLEAN);
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
  });
  test('exit 1 and text diagnostics for a broken file (relative path as given)', () => {
    const r = spawnLint('--broker-version', '2.0.11', 'broken.conf');
    assert.equal(r.code, 1);
    assert.match(r.out, /^broken\.conf:3:3: error \[unknown-directive\] /m);
  });
  test('json output parses', () => {
    const r = spawnLint('--format', 'json', 'broken.conf');
    assert.equal((JSON.parse(r.out) as JsonResult[])[0].file, 'broken.conf');
  });
  test('a plain run loads neither node:crypto nor node:child_process (start-up); a file naming a certificate loads crypto', () => {
    // The Node.js modules a run loaded, recorded at its exit by a preloaded script.
    const record = file(
      'record-modules.cjs',
      "process.on('exit', () => require('node:fs').writeFileSync(process.env.MODULE_LIST, process.moduleLoadList.join('\\n')));\n",
    );
    const loadedBy = (config: string): string[] => {
      const list = path.join(work, 'modules.txt');
      const r = spawnSync(process.execPath, ['--require', record, bin, '--broker-version', '2.0.11', config], {
        encoding: 'utf8',
        cwd: work,
        env: { ...process.env, MODULE_LIST: list },
      });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      return readFileSync(list, 'utf8').split('\n');
    };
    const plain = loadedBy(CLEAN);
    assert.ok(plain.includes('NativeModule fs'), 'the list is recorded');
    assert.deepEqual(
      plain.filter((m) => m === 'NativeModule crypto' || m === 'NativeModule child_process'),
      [],
    );
    const pem = file('tls/ca.crt', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    const tls = file('tls.conf', `listener 8883\ncafile ${pem}\nallow_anonymous true\n`);
    assert.ok(loadedBy(tls).includes('NativeModule crypto'));
  });
  test('the executables and their bundles have a package.json of their own (Node then does not parse the extension manifest at start-up)', () => {
    for (const folder of ['bin', 'dist']) {
      const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'server', folder, 'package.json'), 'utf8')) as { type?: string };
      assert.equal(manifest.type, 'commonjs', folder);
    }
  });
  test('exit 2 with a clear message for a missing file and a bad flag', () => {
    const missing = spawnLint('nope.conf');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.conf/);
    noStack(missing.err);
    const flag = spawnLint('--nope', 'clean.conf');
    assert.equal(flag.code, 2);
    noStack(flag.err);
  });
});

suite('cli: --effective', () => {
  const config = file('effective/mosquitto.conf', 'per_listener_settings true\nlistener 1883\nallow_anonymous true\ninclude_dir conf.d\n');
  file('effective/conf.d/b.conf', 'listener 8883\nprotocol websockets\n');
  file('effective/conf.d/a.conf', 'listener 1884\n');

  test('text: listeners in reading order with their origins, exit 0 even for a config with warnings', () => {
    const r = run('--effective', '--broker-version', '2.0.11', config);
    assert.equal(r.code, 0);
    const headings = r.out.split('\n').filter((l) => l.startsWith('# ==== listener'));
    assert.deepEqual(
      headings.map((l) => /listener (\d+)/.exec(l)?.[1]),
      ['1883', '1884', '8883'],
    );
    assert.match(r.out, /^# from conf\.d\/b\.conf:2\nprotocol websockets$/m);
    assert.match(r.out, /^#   conf\.d\/a\.conf$/m);
  });

  test('json: the effective model with per_listener_settings applied', () => {
    const r = run('--effective', '--format', 'json', '--broker-version', '2.0.11', config);
    assert.equal(r.code, 0);
    const [result] = JSON.parse(r.out) as {
      file: string;
      effective: { perListenerSettings: boolean; listeners: { port: number; authentication: { anonymous: string } }[] };
    }[];
    assert.equal(result.effective.perListenerSettings, true);
    assert.deepEqual(
      result.effective.listeners.map((l) => [l.port, l.authentication.anonymous]),
      [
        [1883, 'allowed'],
        [1884, 'refused'],
        [8883, 'refused'],
      ],
    );
  });

  test('a missing file is exit 2 with a message', () => {
    const r = run('--effective', path.join(work, 'nope.conf'));
    assert.equal(r.code, 2);
    assert.match(r.err, /no such file/);
  });

  test('--effective with --with-broker is a usage error', () => {
    assert.equal(run('--effective', '--with-broker', config).code, 2);
  });
});

suite('cli: paths as the broker sees them', () => {
  const workspaces = path.join(repoRoot, 'test', 'fixtures', 'workspaces');
  const composeConfig = path.join(workspaces, 'compose', 'config', 'mosquitto.conf');

  test('--path-map (repeatable): paths and include_dir are read through it', () => {
    const without = run('--broker-version', '2.0.18', composeConfig);
    assert.equal(without.code, 1);
    const r = run(
      '--broker-version',
      '2.0.18',
      '--path-map',
      `/mosquitto/config=${path.join(workspaces, 'compose', 'config')}`,
      '--path-map',
      `/mosquitto/certs=${path.join(workspaces, 'compose', 'certs')}`,
      '--path-map',
      `/mosquitto/passwd/users=${path.join(workspaces, 'compose', 'passwd')}`,
      composeConfig,
    );
    assert.equal(r.code, 0, r.out);
    assert.match(r.err, /path mappings: \/mosquitto\/config → .*compose\/config \(--path-map\)/);
    assert.doesNotMatch(r.out, /error \[(path-not-found|include-dir)\]/);
  });

  test('--compose: mappings, named volumes (notes, never errors), version and platform from the image', () => {
    const r = run('--compose', path.join(workspaces, 'compose', 'docker-compose.yml'), composeConfig);
    assert.equal(r.code, 0, r.out);
    assert.match(r.err, /using docker-compose\.yml service 'mqtt', image eclipse-mosquitto:2\.0\.18/);
    assert.match(
      r.err,
      /checked against mosquitto 2\.0\.18 \(version: image tag in (?:\S*\/)?docker-compose\.yml; platform: linux from (?:\S*\/)?docker-compose\.yml\)/,
    );
    assert.match(r.out, /information \[path-not-found\] '\/mosquitto\/data\/' is inside the named volume 'data'/);
    assert.doesNotMatch(r.out, /error/);
  });

  test('--compose: files included through a mapped folder are analysed', () => {
    const compose = file('project/compose.yaml', 'services:\n  broker:\n    image: eclipse-mosquitto:2\n    volumes:\n      - ./mosquitto:/mosquitto/config\n');
    const main = file('project/mosquitto/mosquitto.conf', 'listener 1883\nallow_anonymous true\ninclude_dir /mosquitto/config/conf.d\n');
    file('project/mosquitto/conf.d/extra.conf', 'xyzzy 1\n');
    const results = JSON.parse(run('--format', 'json', '--compose', compose, main).out) as JsonResult[];
    assert.deepEqual(
      results.find((f) => f.file.endsWith('extra.conf'))?.diagnostics.map((d) => d.code),
      ['unknown-directive'],
    );
  });

  test('--broker-version and --platform win over the Compose file', () => {
    const r = run('--broker-version', '2.1.2', '--compose', path.join(workspaces, 'compose', 'docker-compose.yml'), composeConfig);
    assert.match(r.err, /mosquitto 2\.1\.2 \(version: --broker-version; platform: linux from (?:\S*\/)?docker-compose\.yml\)/);
  });

  test('--detect-containers finds the Dockerfile that copies the configuration', () => {
    const r = run('--detect-containers', path.join(workspaces, 'dockerfile', 'mosquitto.conf'));
    assert.equal(r.code, 0, r.out);
    assert.match(r.err, /using Dockerfile, image eclipse-mosquitto:1\.6\.15/);
    assert.match(r.err, /checked against mosquitto 1\.6\.15/);
  });

  test('a Windows configuration checked for Linux: errors on the Windows paths', () => {
    const r = run('--format', 'json', path.join(workspaces, 'windows-config', 'mosquitto.conf'));
    assert.equal(r.code, 1);
    const [result] = JSON.parse(r.out) as JsonResult[];
    const foreign = result.diagnostics.filter((d) => d.code === 'foreign-platform-path').map((d) => `${d.range.start.line + 1}:${d.severity}`);
    assert.deepEqual(foreign, ['3:error', '4:error', '5:error', '6:warning']);
    assert.equal(run('--platform', 'windows', path.join(workspaces, 'windows-config', 'mosquitto.conf')).out.includes('foreign-platform-path'), false);
  });

  test('.mosquitto-lint.json: pathMappings (relative to its folder) and detectContainers', () => {
    file('cfgmap/.mosquitto-lint.json', JSON.stringify({ pathMappings: { '/etc/mosquitto': 'broker' } }));
    file('cfgmap/broker/acl', 'topic read #\n');
    const main = file(
      'cfgmap/broker/mosquitto.conf',
      'listener 1883\nallow_anonymous true\nacl_file /etc/mosquitto/acl\npassword_file /etc/mosquitto/passwd\n',
    );
    const r = run('--broker-version', '2.0.11', main);
    assert.deepEqual(
      r.out
        .split('\n')
        .filter((l) => l.includes('[path-not-found]'))
        .map((l) => /:(\d+):\d+: (\w+)/.exec(l)?.slice(1).join(':')),
      ['4:error'],
    );
    assert.match(r.err, /path mappings: \/etc\/mosquitto → .*cfgmap\/broker \(.*\.mosquitto-lint\.json\)/);
    const printed = run('--print-config', main);
    assert.match(printed.out, /pathMappings: \/etc\/mosquitto → .*cfgmap\/broker/);
    file('cfgcompose/.mosquitto-lint.json', JSON.stringify({ detectContainers: true }));
    file('cfgcompose/compose.yaml', 'services:\n  broker:\n    image: eclipse-mosquitto:2.0.15\n');
    const composed = run(file('cfgcompose/mosquitto.conf', 'listener 1883\nallow_anonymous true\n'));
    assert.match(composed.err, /mosquitto 2\.0\.15 \(version: image tag in \S*compose\.yaml/);
    file('cfgbad/.mosquitto-lint.json', JSON.stringify({ pathMappings: ['x'] }));
    const bad = run(file('cfgbad/m.conf', 'listener 1883\nallow_anonymous true\n'));
    assert.equal(bad.code, 2);
    assert.match(bad.err, /pathMappings must be an object/);
  });

  test('--no-check-paths still reads include_dir: the included files are analysed', () => {
    const main = file('nocheck/mosquitto.conf', 'listener 1883\nallow_anonymous true\ninclude_dir conf.d\n');
    file('nocheck/conf.d/broken.conf', 'xyzzy 1\n');
    const r = run('--no-check-paths', '--format', 'json', main);
    const results = JSON.parse(r.out) as JsonResult[];
    const included = results.find((f) => f.file.endsWith('broken.conf'));
    assert.ok(included, r.out);
    assert.deepEqual(
      included.diagnostics.map((d) => d.code),
      ['unknown-directive'],
    );
    assert.equal(r.code, 1);
  });
});

suite('cli: files mosquitto.conf points at', () => {
  const acl = file('companion/mosquitto/aclfile', 'user alice\ntopic rw sensors/#\n');
  const conf = file('companion/mosquitto/mosquitto.conf', `listener 1883\nacl_file ${acl}\n`);
  test('a configuration: the ACL file is reported under its own name, the acl_file line gets the summary', () => {
    const r = run('--format', 'json', '--no-check-paths', conf);
    assert.equal(r.code, 1);
    const results = JSON.parse(r.out) as JsonResult[];
    const own = results.find((x) => x.file.endsWith(path.join('mosquitto', 'aclfile')));
    assert.deepEqual(
      own?.diagnostics.map((d) => `${d.range.start.line}:${d.code}:${d.severity}`),
      ['1:acl-access-type:error'],
    );
    assert.ok(results.find((x) => x.file === conf)?.diagnostics.some((d) => d.code === 'companion-file-errors'));
  });
  test('an ACL file given directly: detected by its name inside a mosquitto folder', () => {
    const r = run('--format', 'json', acl);
    assert.equal(r.code, 1);
    assert.deepEqual(
      (JSON.parse(r.out) as JsonResult[])[0].diagnostics.map((d) => d.code),
      ['acl-access-type'],
    );
  });
  test('--language passwd reads any file as a password file (severity per release)', () => {
    const pw = file('users.txt', 'alice:secret\n');
    assert.equal(run('--language', 'passwd', '--broker-version', '2.1.2', pw).code, 1);
    const old = run('--format', 'json', '--language', 'passwd', '--broker-version', '2.0.11', pw);
    assert.equal(old.code, 0);
    assert.deepEqual(
      (JSON.parse(old.out) as JsonResult[])[0].diagnostics.map((d) => `${d.code}:${d.severity}`),
      ['password-hash:warning'],
    );
  });
  test('--language with an unknown value is a usage error', () => {
    assert.equal(run('--language', 'yaml', acl).code, 2);
  });
});
