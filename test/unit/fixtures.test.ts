import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { AnalysisSettings, Platform } from '../../server/src/service';
import {
  analyze,
  checkDynsec,
  COMPANION_RULES,
  defaultSettings,
  INCLUDED_FILE_ERRORS,
  parseVersion,
  RULES,
  toDiagnostics,
  validateCompanion,
} from '../../server/src/service';
import type { CompanionKind } from '../../server/src/service';
import { decodeConfigBytes, nodeFileSystem } from '../../server/src/nodeFileSystem';
import { tlsMaterial } from './tlsMaterial';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');
// Fixtures named tls-* point at certificates and keys generated at test time (never committed).
tlsMaterial();
const ALL_IDS = [...RULES.map((r) => r.id), INCLUDED_FILE_ERRORS, ...COMPANION_RULES.map((r) => r.id)];
/** Fixtures of the files mosquitto.conf points at, by extension. */
const COMPANION_EXTENSIONS: Record<string, CompanionKind> = { '.acl': 'acl', '.pwfile': 'passwd', '.psk': 'psk' };

/**
 * Settings for one fixture: newest release, Linux, path checks off, unless the first line is
 * `# mosquitto-lint: [--broker-version X.Y.Z] [--platform P] [--check-paths]` (see README).
 */
function fixtureSettings(text: string, overrides: Partial<AnalysisSettings> = {}): AnalysisSettings {
  const header = /^# mosquitto-lint:(.*)$/.exec(
    text
      .replace(/^\ufeff/, '')
      .split('\n')[0]
      .replace(/\r$/, ''),
  );
  const args = header ? header[1].trim().split(/\s+/) : [];
  let brokerVersion = defaultSettings().brokerVersion;
  let platform: Platform = 'linux';
  let checkPaths = false;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    if (flag === '--broker-version') {
      const parsed = parseVersion(args[++i] ?? '');
      assert.ok(parsed, `bad --broker-version in fixture header: ${header?.[0] ?? ''}`);
      brokerVersion = parsed;
    } else if (flag === '--platform') {
      platform = args[++i] as Platform;
      assert.ok(['linux', 'windows', 'macos'].includes(platform), `bad --platform in fixture header: ${header?.[0] ?? ''}`);
    } else if (flag === '--check-paths') {
      checkPaths = true;
    } else {
      assert.fail(`unknown option '${flag}' in fixture header`);
    }
  }
  return defaultSettings({ brokerVersion, platform, checkPaths, ...overrides });
}

function readFixture(file: string): string {
  return decodeConfigBytes(readFileSync(file)).text;
}

/** All diagnostics of a fixture (main file and included files). */
function lintFixture(file: string, text = readFixture(file), overrides: Partial<AnalysisSettings> = {}): Diagnostic[] {
  const companion = COMPANION_EXTENSIONS[path.extname(file)];
  if (companion) {
    return validateCompanion(companion, text, fixtureSettings(text, overrides));
  }
  if (file.endsWith('.json')) {
    // Dynamic-security files (JSON has no comments: always the newest release's settings).
    const settings = defaultSettings(overrides);
    return toDiagnostics(checkDynsec(text, settings.brokerVersion), settings, 'mosquitto');
  }
  const analysis = analyze({ text, uri: file, path: file }, fixtureSettings(text, overrides), nodeFileSystem());
  return [...analysis.diagnostics.values()].flat();
}

function show(diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${String(d.code)}`).join(', ');
}

function conf(dir: string): string[] {
  return readdirSync(path.join(fixtures, dir))
    .filter((f) => f.endsWith('.conf') || f.endsWith('.json') || COMPANION_EXTENSIONS[path.extname(f)] !== undefined)
    .sort();
}

suite('fixtures: valid/ yields no errors', () => {
  for (const name of conf('valid')) {
    test(`no error: valid/${name}`, () => {
      const errors = lintFixture(path.join(fixtures, 'valid', name)).filter((d) => d.severity === DiagnosticSeverity.Error);
      assert.deepEqual(
        errors.map((d) => `${d.range.start.line + 1}:${String(d.code)}: ${d.message}`),
        [],
      );
    });
  }
});

suite('fixtures: invalid/<rule-id>*.conf yields that rule', () => {
  for (const name of conf('invalid')) {
    const id = ALL_IDS.filter((r) => name === `${r}${path.extname(name)}` || name.startsWith(`${r}-`)).sort((a, b) => b.length - a.length)[0];
    test(`reports ${id ?? '?'}: invalid/${name}`, (t) => {
      assert.ok(id, `invalid/${name} is not named after a rule id`);
      const file = path.join(fixtures, 'invalid', name);
      if (fixtureSettings(readFixture(file)).checkPaths && process.platform === 'win32') {
        t.skip('path fixtures use POSIX paths');
        return;
      }
      const diagnostics = lintFixture(file);
      assert.ok(
        diagnostics.some((d) => d.code === id),
        `expected ${id}, got: ${show(diagnostics)}`,
      );
    });
  }
});

suite('fixtures: the seed configuration (valid/seed-wss.conf)', () => {
  const file = path.join(fixtures, 'valid', 'seed-wss.conf');
  const seed = readFixture(file);
  const lines = seed.split('\n');
  const lineOf = (prefix: string, from = 0): number => lines.findIndex((l, i) => i >= from && l.startsWith(prefix)) + 1;
  const wss = lineOf('listener 1885');
  const windows = (version: string, text = seed): Diagnostic[] => lintFixture(file, text, { brokerVersion: parseVersion(version)!, platform: 'windows' });

  test('no error on Windows with its C:/ paths, for the newest release and 2.0.11', () => {
    for (const version of ['2.1.2', '2.0.22', '2.0.11', '1.6.15', '1.5.5']) {
      assert.deepEqual(show(windows(version).filter((d) => d.severity === DiagnosticSeverity.Error)), '', version);
    }
  });
  test('socket_domain advice on both websockets listeners', () => {
    const advice = windows('2.1.2').filter((d) => d.code === 'websockets-socket-domain');
    assert.deepEqual(
      advice.map((d) => d.range.start.line + 1),
      [lineOf('protocol websockets'), lineOf('protocol websockets', wss)],
    );
    assert.ok(advice.every((d) => d.severity === DiagnosticSeverity.Information));
  });
  test('without keyfile: an error inside the wss listener from 2.0.21, a warning for 2.0.20 and older', () => {
    const noKey = lines.filter((l) => !l.startsWith('keyfile')).join('\n');
    const certfileLine = lineOf('certfile');
    for (const [version, severity] of [
      ['2.1.2', DiagnosticSeverity.Error],
      ['2.0.21', DiagnosticSeverity.Error],
      ['2.0.20', DiagnosticSeverity.Warning],
      ['2.0.11', DiagnosticSeverity.Warning],
      ['1.6.15', DiagnosticSeverity.Warning],
    ] as const) {
      const found = windows(version, noKey).filter((d) => d.code === 'tls-certfile-without-keyfile');
      assert.equal(found.length, 1, version);
      assert.equal(found[0].severity, severity, version);
      assert.equal(found[0].range.start.line + 1, certfileLine, version);
      assert.ok(found[0].range.start.line + 1 > wss, 'inside the wss listener');
      assert.deepEqual(found[0].data, { missing: 'keyfile', section: 'listener:1' });
    }
    assert.ok(
      windows('2.1.2', noKey)
        .filter((d) => d.severity === DiagnosticSeverity.Error)
        .every((d) => d.code === 'tls-certfile-without-keyfile'),
    );
  });
  test('Windows brokers before 1.5.4 bind websockets to localhost: a warning per websockets listener', () => {
    const found = windows('1.5.3').filter((d) => d.code === 'websockets-windows-localhost');
    assert.deepEqual(
      found.map((d) => `${d.range.start.line + 1}:${d.severity}`),
      [`${lineOf('protocol websockets')}:2`, `${lineOf('protocol websockets', wss)}:2`],
    );
    assert.deepEqual(
      windows('1.5.4').filter((d) => d.code === 'websockets-windows-localhost'),
      [],
    );
  });
  test('on Linux the C:/ paths are written for another platform: reported on their lines, never looked up', () => {
    // A Linux broker reads C:/… as a relative name and refuses to start without the file (issue 11).
    const diagnostics = lintFixture(file, seed, { platform: 'linux', checkPaths: true });
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'path-not-found'),
      [],
    );
    const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    assert.ok(errors.length > 0);
    assert.deepEqual([...new Set(errors.map((d) => d.code))], ['foreign-platform-path']);
    for (const d of errors) {
      assert.match(seed.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character), /^C:\//);
    }
  });
});
