import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AnalysisSettings } from '../../../server/src/service';
import { analyze, defaultSettings, parseVersion } from '../../../server/src/service';
import { memoryFs } from '../helpers';

const ID = 'included-file-errors';
const MAIN = '/etc/mosquitto/mosquitto.conf';

function run(text: string, files: Record<string, string>, overrides: Partial<AnalysisSettings> = {}): Map<string, Diagnostic[]> {
  const settings = defaultSettings({ brokerVersion: parseVersion('2.0.11')!, checkPaths: false, ...overrides });
  return analyze({ text, uri: MAIN, path: MAIN }, settings, memoryFs(files)).diagnostics;
}

suite(ID, () => {
  test('an error in an included file is summarised on the include_dir line, with a link to it', () => {
    const files = { '/etc/mosquitto/conf.d/b.conf': 'listener 1883\nlistner 8883\n' };
    const result = run('allow_anonymous true\ninclude_dir /etc/mosquitto/conf.d\n', files);
    const [d] = (result.get(MAIN) ?? []).filter((x) => x.code === ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 11 } });
    assert.equal(d.relatedInformation?.[0].location.uri, '/etc/mosquitto/conf.d/b.conf');
    assert.equal(d.relatedInformation?.[0].location.range.start.line, 1);
    assert.ok((result.get('/etc/mosquitto/conf.d/b.conf') ?? []).some((x) => x.code === 'unknown-directive'));
  });
  test('warnings in included files are not summarised', () => {
    const files = { '/etc/mosquitto/conf.d/b.conf': 'listener 1883\nlog_dest stdout stderr\n' };
    assert.deepEqual(
      (run('allow_anonymous true\ninclude_dir /etc/mosquitto/conf.d\n', files).get(MAIN) ?? []).filter((x) => x.code === ID),
      [],
    );
  });
  test('one summary per include_dir line, naming every broken file', () => {
    const files = { '/etc/mosquitto/conf.d/a.conf': 'xyzzy 1\n', '/etc/mosquitto/conf.d/b.conf': 'listner 1\n' };
    const found = (run('include_dir /etc/mosquitto/conf.d\n', files).get(MAIN) ?? []).filter((x) => x.code === ID);
    assert.equal(found.length, 1);
    assert.equal(found[0].relatedInformation?.length, 2);
  });
  test('its severity can be changed or switched off like any rule', () => {
    const files = { '/etc/mosquitto/conf.d/b.conf': 'xyzzy 1\n' };
    const text = 'include_dir /etc/mosquitto/conf.d\n';
    assert.equal((run(text, files, { rules: { [ID]: 'warning' } }).get(MAIN) ?? []).find((x) => x.code === ID)?.severity, 2);
    assert.equal(
      (run(text, files, { rules: { [ID]: 'off' } }).get(MAIN) ?? []).find((x) => x.code === ID),
      undefined,
    );
  });
});
