import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AnalysisSettings } from '../../../server/src/service';
import { analyze, defaultSettings, parseVersion } from '../../../server/src/service';
import { findings, lint, memoryFs, withCode } from '../helpers';

const ID = 'include-dir';
const MAIN = '/etc/mosquitto/mosquitto.conf';

function run(text: string, files: Record<string, string>, version = '2.1.2', overrides: Partial<AnalysisSettings> = {}): Map<string, Diagnostic[]> {
  const settings = defaultSettings({ brokerVersion: parseVersion(version)!, checkPaths: true, ...overrides });
  return analyze({ text, uri: MAIN, path: MAIN }, settings, memoryFs(files)).diagnostics;
}

function ours(diagnostics: Diagnostic[] | undefined): string[] {
  return (diagnostics ?? []).filter((d) => d.code === ID).map((d) => `${d.range.start.line + 1}:${d.severity}`);
}

suite(ID, () => {
  test('a folder that cannot be read is an error on the include_dir keyword (path checks on)', () => {
    const result = run('listener 1883\ninclude_dir /etc/mosquitto/conf.d\n', {});
    const [d] = (result.get(MAIN) ?? []).filter((x) => x.code === ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 11 } });
  });
  test('not checked with path checks off, or for a path written for another platform', () => {
    assert.deepEqual(findings('include_dir /etc/mosquitto/conf.d\n', ID), []);
    assert.deepEqual(ours(run('include_dir C:/mosquitto/conf.d\n', {}).get(MAIN)), []);
  });
  test('an existing folder is fine', () => {
    assert.deepEqual(ours(run('include_dir /etc/mosquitto/conf.d\n', { '/etc/mosquitto/conf.d/a.conf': 'listener 1883\n' }).get(MAIN)), []);
  });
  test('include_dir inside an included file: an error in 2.1, silently ignored before (warning)', () => {
    const files = { '/etc/mosquitto/conf.d/a.conf': 'include_dir /etc/mosquitto/other\n', '/etc/mosquitto/other/b.conf': 'listener 1884\n' };
    assert.deepEqual(ours(run('include_dir /etc/mosquitto/conf.d\n', files, '2.1.2').get('/etc/mosquitto/conf.d/a.conf')), ['1:1']);
    assert.deepEqual(ours(run('include_dir /etc/mosquitto/conf.d\n', files, '2.0.11').get('/etc/mosquitto/conf.d/a.conf')), ['1:2']);
  });
  test('a trailing blank is part of the folder name: an error, without path checks too', () => {
    assert.deepEqual(findings('include_dir /etc/mosquitto/conf.d \n', ID), ['1:error']);
    assert.deepEqual(ours(run('include_dir /etc/mosquitto/conf.d \n', {}).get(MAIN)), ['1:1']);
  });
  test('Windows: editor backups that *.conf may match are a warning', () => {
    const files = { '/etc/mosquitto/conf.d/a.conf': 'listener 1883\n', '/etc/mosquitto/conf.d/a.conf~': 'listener 1884\n' };
    // The Windows folder is found here through a path mapping (this test host is not Windows).
    const pathMappings = [{ brokerPath: 'C:\\mosquitto', localPath: '/etc/mosquitto', origin: 'test' }];
    assert.deepEqual(ours(run('include_dir C:\\mosquitto\\conf.d\n', files, '2.0.11', { platform: 'windows', pathMappings }).get(MAIN)), ['1:2']);
    assert.deepEqual(ours(run('include_dir /etc/mosquitto/conf.d\n', files, '2.0.11', { platform: 'linux' }).get(MAIN)), []);
  });
  test('the lint helper sees no finding for a plain include_dir without a file system', () => {
    assert.deepEqual(withCode(lint('include_dir /etc/mosquitto/conf.d\n'), ID), []);
  });
});
