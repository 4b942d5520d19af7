/**
 * The CLI in pipelines: standard input, SARIF / GitHub / Checkstyle output, --quiet,
 * --max-warnings, --broker-version auto and --with-broker.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { suite, test } from 'node:test';
import type * as Sarif from 'sarif';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { main } from '../../server/src/cli';
import { formatCheckstyle, formatGithub } from '../../server/src/cliFormats';
import { COMPANION_RULES, RULES } from '../../server/src/service';
import type { Run } from './cliHelpers';
import { scratchFolder } from './cliHelpers';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const bin = path.join(repoRoot, 'server', 'bin', 'mosquitto-lint');
const { work, file } = scratchFolder('mosquitto-lint-ci-');

function run(argv: string[], stdin?: string): Run {
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
    () => {
      assert.ok(stdin !== undefined, 'standard input was read');
      return Buffer.from(stdin);
    },
  );
  return { code, out, err };
}

/** The CLI as a separate process in `work`, with PATH holding only `pathDirs` (and node's folder). */
function spawnLint(argv: string[], options: { pathDirs?: string[]; input?: string; tmp?: string } = {}): Run {
  const env = {
    ...process.env,
    PATH: [...(options.pathDirs ?? []), path.dirname(process.execPath)].join(path.delimiter),
    ...(options.tmp !== undefined ? { TMPDIR: options.tmp } : {}),
  };
  const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', cwd: work, env, input: options.input });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** A stand-in `mosquitto` that only answers -h with a version line, as the real one does. */
function fakeBroker(folder: string, version: string): string {
  const executable = file(
    `${folder}/mosquitto`,
    `#!/bin/sh\necho "mosquitto version ${version}"\necho "mosquitto is an MQTT v5.0/v3.1.1/v3.1 broker."\nexit 3\n`,
  );
  chmodSync(executable, 0o755);
  return executable;
}

const BROKEN = 'listener 1883\nallow_anonymous yes\n';
const WARN = file('warn.conf', 'listener 1883\n');
const MIXED = file('mixed.conf', 'listener 1883\nallow_anonymous yes\nlistener 1884\npersistence true\n');
const PASSWORD = file('password.conf', 'listener 1883\npassword_file /etc/hostname\n');

suite('cli: standard input', () => {
  test("'-' lints standard input, reported as <stdin>", () => {
    const r = run(['--broker-version', '2.0', '-'], BROKEN);
    assert.equal(r.code, 1);
    assert.match(r.out, /^<stdin>:2:17: error \[invalid-boolean\]/m);
  });
  test('--stdin-filename names the input and anchors relative include_dir folders', () => {
    file('stdin-project/conf.d/extra.conf', 'listner 1884\n');
    const named = path.join(work, 'stdin-project', 'mosquitto.conf');
    const r = run(['--format', 'json', '--broker-version', '2.0', '--stdin-filename', named, '-'], 'listener 1883\nallow_anonymous true\ninclude_dir conf.d\n');
    const results = JSON.parse(r.out) as { file: string; diagnostics: { code: string }[] }[];
    assert.equal(results[0].file, named);
    assert.ok(results[0].diagnostics.some((d) => d.code === 'included-file-errors'));
    assert.ok(results.some((x) => x.file.endsWith(path.join('conf.d', 'extra.conf')) && x.diagnostics.some((d) => d.code === 'unknown-directive')));
  });
  test('standard input together with files; the separate process reads a pipe', () => {
    const r = spawnLint(['--broker-version', '2.0', '-', 'warn.conf'], { input: BROKEN });
    assert.equal(r.code, 1);
    assert.match(r.out, /^<stdin>:2:17: error \[invalid-boolean\]/m);
    assert.match(r.out, /^warn\.conf:1:1: warning \[anonymous-refused\]/m);
  });
  test("usage errors: '-' twice, --stdin-filename without '-'", () => {
    assert.equal(run(['-', '-'], BROKEN).code, 2);
    const r = run(['--stdin-filename', 'x.conf', WARN]);
    assert.equal(r.code, 2);
    assert.match(r.err, /--stdin-filename/);
  });
});

suite('cli: --format sarif', () => {
  const log = (): Sarif.Log => JSON.parse(run(['--format', 'sarif', '--broker-version', '2.0.11', MIXED]).out) as Sarif.Log;

  test('SARIF 2.1.0: every rule with id, description and a help URI to its section of docs/rules.md', () => {
    const sarif = log();
    assert.equal(sarif.version, '2.1.0');
    const rules = sarif.runs[0].tool.driver.rules ?? [];
    for (const rule of [...RULES, ...COMPANION_RULES]) {
      const descriptor = rules.find((r) => r.id === rule.id);
      assert.ok(descriptor, rule.id);
      assert.equal(descriptor.shortDescription?.text, rule.title);
      const help = new URL(descriptor.helpUri ?? '');
      assert.equal(help.hash, `#${rule.id}`);
      assert.match(readFileSync(help, 'utf8'), new RegExp(`^## ${rule.id}$`, 'm'));
    }
  });
  test('results: rule id and index, level, 1-based region, path relative to SRCROOT', () => {
    const run0 = (JSON.parse(spawnLint(['--format', 'sarif', '--broker-version', '2.0.11', 'mixed.conf']).out) as Sarif.Log).runs[0];
    const results = run0.results ?? [];
    const bad = results.find((r) => r.ruleId === 'invalid-boolean');
    assert.ok(bad);
    assert.equal(bad.level, 'error');
    assert.equal(run0.tool.driver.rules?.[bad.ruleIndex ?? -1]?.id, 'invalid-boolean');
    const location = bad.locations?.[0].physicalLocation;
    assert.deepEqual(location?.artifactLocation, { uri: 'mixed.conf', uriBaseId: 'SRCROOT' });
    assert.deepEqual(location?.region, { startLine: 2, startColumn: 17, endLine: 2, endColumn: 20 });
    assert.equal(new URL(run0.originalUriBaseIds?.SRCROOT.uri ?? '').pathname, `${work}/`);
    assert.deepEqual(new Set(results.map((r) => r.level)), new Set(['error', 'warning', 'note']));
  });
  test("Microsoft's SARIF multitool validates the log without errors or warnings", () => {
    const multitoolBinary = path.join(repoRoot, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');
    if (process.platform === 'linux' && existsSync(multitoolBinary) && (statSync(multitoolBinary).mode & 0o100) === 0) {
      chmodSync(multitoolBinary, 0o755); // its postinstall (chmod) does not run when npm skips install scripts
    }
    const input = path.join(work, 'mixed.sarif');
    // Run from the working folder so the relative artifact URIs resolve.
    const sarif = spawnSync(process.execPath, [bin, '--format', 'sarif', '--broker-version', '2.0.11', 'mixed.conf'], { cwd: work, encoding: 'utf8' });
    writeFileSync(input, sarif.stdout);
    const output = path.join(work, 'validation.sarif');
    const validate = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'sarif-multitool'), ['validate', input, '--output', output], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(validate.status, 0, `${validate.stdout}\n${validate.stderr}`);
    const findings = (JSON.parse(readFileSync(output, 'utf8')) as Sarif.Log).runs[0].results ?? [];
    assert.deepEqual(
      findings.map((f) => `${f.ruleId}: ${f.message.text ?? JSON.stringify(f.message.arguments)}`),
      [],
    );
  });
});

suite('cli: --format github and checkstyle', () => {
  test('github: one workflow command per finding, error/warning/notice by severity', () => {
    const r = run(['--format', 'github', '--broker-version', '2.0.11', MIXED]);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    assert.ok(
      lines.every((l) => /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::\[[a-z-]+\] /.test(l)),
      r.out,
    );
    assert.ok(lines.some((l) => l.startsWith(`::error file=${MIXED.replace(/:/g, '%3A').replace(/,/g, '%2C')},line=2,col=17,`)));
    assert.ok(lines.some((l) => l.startsWith('::warning ')));
    assert.ok(lines.some((l) => l.startsWith('::notice ')));
  });
  const odd = [
    {
      file: 'a,b:c%.conf',
      diagnostics: [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } },
          severity: DiagnosticSeverity.Warning,
          code: 'quoted-value',
          message: 'say "x" & <y>\nnext 100%',
        },
      ],
    },
  ];
  test('github: property and message escaping', () => {
    assert.deepEqual(formatGithub(odd), [
      '::warning file=a%2Cb%3Ac%25.conf,line=1,col=1,endLine=1,endColumn=5,title=mosquitto-lint quoted-value::[quoted-value] say "x" & <y>%0Anext 100%25',
    ]);
  });
  test('checkstyle: file and error elements with escaped attributes', () => {
    assert.equal(
      formatCheckstyle(odd),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<checkstyle version="4.3">',
        '  <file name="a,b:c%.conf">',
        '    <error line="1" column="1" severity="warning" message="say &quot;x&quot; &amp; &lt;y&gt;&#10;next 100%" source="mosquitto-lint.quoted-value"/>',
        '  </file>',
        '</checkstyle>',
      ].join('\n'),
    );
  });
  test('checkstyle from the CLI: one <file> per file, severities error/warning/info', () => {
    const r = run(['--format', 'checkstyle', '--broker-version', '2.0.11', MIXED, WARN]);
    assert.equal((r.out.match(/<file name="/g) ?? []).length, 2);
    assert.match(r.out, /<error line="2" column="17" severity="error" message="[^"]+" source="mosquitto-lint\.invalid-boolean"\/>/);
    assert.match(r.out, /severity="warning"/);
    assert.match(r.out, /severity="info"/);
  });
});

suite('cli: --quiet and --max-warnings', () => {
  test('--quiet reports errors only', () => {
    const r = run(['--quiet', '--broker-version', '2.0.11', MIXED]);
    assert.equal(r.code, 1);
    assert.match(r.out, /error \[invalid-boolean\]/);
    assert.doesNotMatch(r.out, /warning|information|hint/);
  });
  test('--max-warnings 0 fails on one warning; --max-warnings 1 does not', () => {
    const strict = run(['--max-warnings', '0', '--broker-version', '2.0.11', WARN]);
    assert.equal(strict.code, 1);
    assert.match(strict.err, /1 warning\(s\), more than --max-warnings 0/);
    assert.equal(run(['--max-warnings', '1', '--broker-version', '2.0.11', WARN]).code, 0);
  });
  test('--max-warnings counts warnings that --quiet hides', () => {
    assert.equal(run(['--quiet', '--max-warnings=0', '--broker-version', '2.0.11', WARN]).code, 1);
  });
  test('--max-warnings needs a whole number', () => {
    for (const bad of ['-1', 'x', '1.5']) {
      assert.equal(run(['--max-warnings', bad, WARN]).code, 2, bad);
    }
  });
});

suite('cli: output to a reader that goes away', { skip: process.platform === 'win32' }, () => {
  test('`mosquitto-lint … | head -1`: no crash, the summary and the exit status as usual', () => {
    const many = file('many.conf', `listener 1883\n${'allow_anonymous yes\n'.repeat(5000)}`);
    const r = spawnSync('bash', ['-c', `"$0" "$1" --broker-version 2.0 "$2" | head -1; exit "\${PIPESTATUS[0]}"`, process.execPath, bin, many], {
      cwd: work,
      encoding: 'utf8',
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /many\.conf:\d+:\d+: /);
    assert.match(r.stderr, /1 file\(s\) checked against mosquitto 2\.0/);
    assert.doesNotMatch(r.stderr, /EPIPE|internal error/);
  });
});

suite('cli: --broker-version auto', () => {
  const installed = path.dirname(fakeBroker('bin-2.0.11', '2.0.11'));
  test('auto (the default) checks against the broker on PATH and says so', () => {
    const r = spawnLint(['password.conf'], { pathDirs: [installed] });
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /against mosquitto 2\.0\.11 \(version: installed broker 'mosquitto' on PATH;/);
    assert.doesNotMatch(r.out, /deprecated-option/, 'password_file is not deprecated in 2.0.11');
  });
  test('without a broker: the newest known release, and the summary says why', () => {
    const r = spawnLint(['--broker-version', 'auto', 'password.conf'], { pathDirs: [] });
    assert.match(r.err, /against mosquitto 2\.1\.2 \(version: newest known release; no broker found;/);
    assert.match(r.out, /deprecated-option/);
  });
  test('the broker is asked once; a replaced broker is asked again', { skip: process.platform === 'win32' }, () => {
    // A broker that notes each run; the launcher keeps its answer in the cache folder (under TMPDIR).
    const folder = path.join(work, 'bin-counted');
    const tmp = path.join(work, 'tmp-counted');
    const runs = path.join(work, 'counted-runs.txt');
    const broker = (version: string): void => {
      file('bin-counted/mosquitto', `#!/bin/sh\necho run >> '${runs}'\necho "mosquitto version ${version}"\nexit 3\n`);
      chmodSync(path.join(folder, 'mosquitto'), 0o755);
    };
    file('tmp-counted/.keep', '');
    broker('2.0.11');
    const timesRun = (): number => (existsSync(runs) ? readFileSync(runs, 'utf8').split('\n').filter(Boolean).length : 0);
    for (let i = 0; i < 2; i++) {
      const r = spawnLint(['password.conf'], { pathDirs: [folder], tmp });
      assert.match(r.err, /against mosquitto 2\.0\.11 \(version: installed broker 'mosquitto' on PATH;/);
    }
    assert.equal(timesRun(), 1, 'the second run used the kept answer');
    broker('2.0.22'); // same size, new modification time
    assert.match(spawnLint(['password.conf'], { pathDirs: [folder], tmp }).err, /against mosquitto 2\.0\.22 /);
    assert.equal(timesRun(), 2);
    // With the cache turned off the broker is asked every time.
    const off = spawnSync(process.execPath, [bin, 'password.conf'], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, PATH: [folder, path.dirname(process.execPath)].join(path.delimiter), TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: '1' },
    });
    assert.match(off.stderr, /against mosquitto 2\.0\.22 /);
    assert.equal(timesRun(), 3);
  });

  test('an explicit version wins over the installed broker', () => {
    const r = spawnLint(['--broker-version', '2.1', 'password.conf'], { pathDirs: [installed] });
    assert.match(r.err, /against mosquitto 2\.1\.\d+ \(version: --broker-version;/);
  });
});

suite('cli: --with-broker', () => {
  const custom = fakeBroker('custom', '2.0.11');
  test('a missing broker is exit 2 with a clear message, in both spellings', () => {
    for (const argv of [
      ['--with-broker', '/nonexistent/mosquitto', PASSWORD],
      ['--with-broker=/nonexistent/mosquitto', PASSWORD],
    ]) {
      const r = run(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, /^mosquitto-lint: --with-broker: no mosquitto broker could be run at '\/nonexistent\/mosquitto'/m);
      assert.equal(r.out, '');
    }
  });
  test('--with-broker PATH takes an executable PATH as the broker, not as a file to lint', () => {
    const r = run(['--with-broker', custom, PASSWORD]);
    assert.doesNotMatch(r.err, /binary|cannot read/);
    assert.match(
      r.err,
      new RegExp(`\\d+ file\\(s\\) checked against mosquitto 2\\.0\\.11 \\(version: broker '${custom.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}';`),
    );
  });
  test('--with-broker=PATH: the summary names the version actually checked', () => {
    const r = run([`--with-broker=${custom}`, PASSWORD]);
    assert.match(r.err, /checked against mosquitto 2\.0\.11 /);
    assert.match(r.err, /no safe check mode/);
  });
  test('a bare --with-broker before a .conf file uses mosquitto on PATH and lints the file', () => {
    const r = spawnLint(['--with-broker', 'password.conf'], { pathDirs: [path.dirname(custom)] });
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /file\(s\) checked against mosquitto 2\.0\.11 .*broker: 'mosquitto', mosquitto 2\.0\.11/);
  });
});

suite('cli: .mosquitto-lint.json', () => {
  const project = (name: string, config: unknown): string => {
    file(`${name}/.mosquitto-lint.json`, JSON.stringify(config));
    return path.join(work, name);
  };
  test("found from the file's folder upward: version, platform, path checks and rule severities apply", () => {
    const root = project('cfg-a', { brokerVersion: '2.0.11', platform: 'windows', checkPaths: false, rules: { 'anonymous-refused': 'error' } });
    const conf = file('cfg-a/deep/er/mosquitto.conf', 'listener 1883\nlistener 9001\nprotocol websockets\nhttp_dir /nonexistent/www\n');
    const r = run(['--format', 'json', conf]);
    const codes = (JSON.parse(r.out) as { diagnostics: { code: string; severity: string }[] }[])[0].diagnostics.map((d) => `${d.code}:${d.severity}`);
    assert.ok(codes.includes('anonymous-refused:error'), codes.join());
    assert.ok(
      codes.some((c) => c.startsWith('websockets-socket-domain')),
      'windows advice',
    );
    assert.ok(!codes.some((c) => c.startsWith('path-not-found')), 'paths not checked');
    assert.equal(r.code, 1);
    assert.ok(root);
  });
  test('flags override the file; --print-config shows each value and its source', () => {
    project('cfg-b', { brokerVersion: '2.0', rules: { 'relative-path': 'hint', 'anonymous-refused': 'off' } });
    const conf = file('cfg-b/mosquitto.conf', 'listener 1883\n');
    const r = run(['--print-config', conf, '--platform', 'macos', '--rule', 'anonymous-refused=warning']);
    assert.equal(r.code, 0, r.err);
    const configPath = path.join(work, 'cfg-b', '.mosquitto-lint.json');
    assert.match(r.out, new RegExp(`^configuration file: ${configPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    assert.match(r.out, /^brokerVersion: 2\.0\.22 {2}\(.*\.mosquitto-lint\.json\)$/m);
    assert.match(r.out, /^platform: macos {2}\(--platform\)$/m);
    assert.match(r.out, /^checkPaths: true {2}\(default\)$/m);
    assert.match(r.out, /^rules\.relative-path: hint {2}\(.*\.mosquitto-lint\.json\)$/m);
    assert.match(r.out, /^rules\.anonymous-refused: warning {2}\(--rule\)$/m);
    const json = JSON.parse(run(['--print-config', conf, '--format', 'json']).out) as Record<string, { value: unknown; source: string }>;
    assert.deepEqual(json.brokerVersion.value, '2.0.22');
    assert.equal(json.configFile.value, configPath);
    assert.equal(json['rules.anonymous-refused'].value, 'off');
  });
  test('without a file: defaults, and the version says where it came from', () => {
    const r = run(['--print-config', path.join(tmpdir(), 'nowhere', 'mosquitto.conf'), '--broker-version', '2.1']);
    assert.match(r.out, /^configuration file: none/m);
    assert.match(r.out, /^brokerVersion: 2\.1\.\d+ {2}\(--broker-version\)$/m);
    assert.match(r.out, /^platform: linux {2}\(default\)$/m);
  });
  test('ignore globs: a named file is skipped; included files that match are not reported', () => {
    project('cfg-c', { brokerVersion: '2.0', ignore: ['legacy/**', 'conf.d/old-*.conf'] });
    const legacy = file('cfg-c/legacy/mosquitto.conf', 'xyzzy 1\n');
    file('cfg-c/conf.d/old-bridge.conf', 'listner 1\n');
    file('cfg-c/conf.d/new.conf', 'listner 2\n');
    const main = file('cfg-c/mosquitto.conf', 'listener 1883\nallow_anonymous true\ninclude_dir conf.d\n');
    const skipped = run([legacy]);
    assert.equal(skipped.code, 0);
    assert.match(skipped.err, /skipped \(matches 'ignore'/);
    const results = JSON.parse(run(['--format', 'json', main]).out) as { file: string }[];
    assert.ok(results.some((r) => r.file.endsWith('new.conf')));
    assert.ok(!results.some((r) => r.file.endsWith('old-bridge.conf')));
  });
  test('a broken configuration file is exit 2 with the file and the problem', () => {
    project('cfg-d', { brokerVersion: 'latest', rules: { 'no-such-rule': 'off' }, colour: 'blue' });
    const r = run([file('cfg-d/mosquitto.conf', 'listener 1883\n')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /\.mosquitto-lint\.json: .*brokerVersion.*unknown key 'colour'.*unknown rule id 'no-such-rule'/);
    file('cfg-e/.mosquitto-lint.json', '{ "brokerVersion": ');
    const bad = run([file('cfg-e/mosquitto.conf', 'listener 1883\n')]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /not valid JSON/);
  });
  test('the JSON schema is generated from package.json (npm run generate:config-schema)', () => {
    const schemaFile = path.join(repoRoot, 'schemas', 'mosquitto-lint.schema.json');
    const before = readFileSync(schemaFile, 'utf8');
    assert.equal(spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'generate-config-schema.mjs')]).status, 0);
    assert.equal(readFileSync(schemaFile, 'utf8'), before);
  });
  test('the JSON schema lists the same keys and every rule id', () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'mosquitto-lint.schema.json'), 'utf8')) as {
      properties: Record<string, { properties?: Record<string, unknown> }>;
      additionalProperties: boolean;
    };
    assert.deepEqual(Object.keys(schema.properties).sort(), [
      '$schema',
      'brokerVersion',
      'checkPaths',
      'detectContainers',
      'ignore',
      'pathMappings',
      'platform',
      'rules',
    ]);
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(
      Object.keys(schema.properties.rules.properties ?? {}).sort(),
      [...RULES.map((r) => r.id), 'included-file-errors', ...COMPANION_RULES.map((r) => r.id)].sort(),
    );
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      contributes: { jsonValidation: { fileMatch: string; url: string }[] };
    };
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.mosquitto-lint.json', url: './schemas/mosquitto-lint.schema.json' }]);
  });
});
