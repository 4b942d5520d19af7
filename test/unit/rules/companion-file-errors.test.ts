import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyze, defaultSettings, parseVersion } from '../../../server/src/service';
import { memoryFs } from '../helpers';

const ID = 'companion-file-errors';
const MAIN = '/etc/mosquitto/mosquitto.conf';

function run(conf: string, files: Record<string, string>, version = '2.1.2'): Map<string, Diagnostic[]> {
  return analyze({ text: conf, uri: MAIN, path: MAIN }, defaultSettings({ brokerVersion: parseVersion(version)! }), memoryFs(files)).diagnostics;
}

suite(ID, () => {
  test('an ACL file with an error: its diagnostic in the file, a summary on the path', () => {
    const result = run('listener 1883\nacl_file /etc/mosquitto/aclfile\n', { '/etc/mosquitto/aclfile': 'user a\ntopic rw x\n' });
    assert.deepEqual(
      (result.get('/etc/mosquitto/aclfile') ?? []).map((d) => `${d.range.start.line + 1}:${String(d.code)}`),
      ['2:acl-access-type'],
    );
    const [summary] = (result.get(MAIN) ?? []).filter((d) => d.code === ID);
    assert.equal(summary.severity, 1);
    assert.deepEqual(summary.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 31 } });
    assert.equal(summary.relatedInformation?.[0].location.uri, '/etc/mosquitto/aclfile');
  });
  test('password file: a summary for 2.1, none for 2.0 (which starts)', () => {
    const files = { '/etc/mosquitto/passwd': 'alice:secret\n' };
    const conf = 'listener 1883\npassword_file /etc/mosquitto/passwd\n';
    assert.equal((run(conf, files, '2.1.2').get(MAIN) ?? []).filter((d) => d.code === ID).length, 1);
    assert.equal((run(conf, files, '2.0.11').get(MAIN) ?? []).filter((d) => d.code === ID).length, 0);
    assert.equal((run(conf, files, '2.0.11').get('/etc/mosquitto/passwd') ?? [])[0]?.severity, 2);
  });
  test('psk file, relative path (from the configuration folder), and a clean file', () => {
    const result = run('listener 1883\npsk_hint h\npsk_file psk\n', { '/etc/mosquitto/psk': 'id:zz\n' });
    assert.equal((result.get(MAIN) ?? []).filter((d) => d.code === ID).length, 1);
    const clean = run('listener 1883\nacl_file /etc/mosquitto/aclfile\n', { '/etc/mosquitto/aclfile': 'topic read a\n' });
    assert.deepEqual(
      (clean.get(MAIN) ?? []).filter((d) => d.code === ID),
      [],
    );
  });
  test('a file that cannot be read adds nothing here', () => {
    assert.deepEqual(
      (run('listener 1883\nacl_file /etc/mosquitto/aclfile\n', {}).get(MAIN) ?? []).filter((d) => d.code === ID),
      [],
    );
  });
  test('dynamic-security JSON after its plugin line: a warning summary on plugin_opt_config_file (the broker starts)', () => {
    const conf = 'listener 1883\nplugin /usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so\nplugin_opt_config_file /etc/mosquitto/dynsec.json\n';
    const result = run(conf, { '/etc/mosquitto/dynsec.json': '{"roles": {}}' }, '2.0.11');
    assert.deepEqual(
      (result.get('/etc/mosquitto/dynsec.json') ?? []).map((d) => `${d.range.start.line + 1}:${String(d.code)}:${d.severity ?? 0}`),
      ['1:dynsec-structure:2'],
    );
    const [summary] = (result.get(MAIN) ?? []).filter((d) => d.code === ID);
    assert.equal(summary.severity, 2);
    assert.equal(summary.range.start.line, 2);
    assert.match(String(summary.message), /dynsec\.json/);
  });
  test('plugin_opt_config_file of another plugin, or a clean dynamic-security file: nothing read or reported', () => {
    const other = 'listener 1883\nplugin /usr/lib/other_plugin.so\nplugin_opt_config_file /etc/mosquitto/dynsec.json\n';
    const files = { '/etc/mosquitto/dynsec.json': '{"roles": {}}' };
    assert.equal(run(other, files).get('/etc/mosquitto/dynsec.json'), undefined);
    const windows = 'listener 1883\nglobal_plugin C:\\mosquitto\\mosquitto_dynamic_security.dll\nplugin_opt_config_file /etc/mosquitto/dynsec.json\n';
    assert.equal(run(windows, files).get('/etc/mosquitto/dynsec.json')?.length, 1);
    const clean = run('listener 1883\nplugin /usr/lib/mosquitto_dynamic_security.so\nplugin_opt_config_file /etc/mosquitto/dynsec.json\n', {
      '/etc/mosquitto/dynsec.json': '{"roles": []}',
    });
    assert.deepEqual(
      (clean.get(MAIN) ?? []).filter((d) => d.code === ID),
      [],
    );
  });
});
