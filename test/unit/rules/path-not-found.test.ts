import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { AnalysisSettings } from '../../../server/src/service';
import { lint, memoryFs } from '../helpers';

const ID = 'path-not-found';

function run(text: string, files: Record<string, string>, version = '2.0.11', overrides: Partial<AnalysisSettings> = {}): string[] {
  return lint(text, version, { checkPaths: true, ...overrides }, memoryFs(files)).filter((d) => d.code === ID).map((d) => `${d.range.start.line + 1}:${d.severity}`);
}

suite(ID, () => {
  test('a missing password file stops the broker: an error on the path', () => {
    const [d] = lint('listener 1883\npassword_file /etc/mosquitto/passwd\n', '2.0.11', { checkPaths: true }, memoryFs({})).filter((x) => x.code === ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 14 }, end: { line: 1, character: 35 } });
    assert.deepEqual(d.data, { path: '/etc/mosquitto/passwd' });
  });
  test('existing files are fine', () => {
    assert.deepEqual(run('password_file /etc/p\nacl_file /etc/a\n', { '/etc/p': '', '/etc/a': '' }), []);
  });
  test('no check when path checks are off', () => {
    assert.deepEqual(lint('password_file /nope\n', '2.0.11', { checkPaths: false }, memoryFs({})).filter((d) => d.code === ID), []);
  });
  test('listener TLS files: an error on a TLS listener, a warning where TLS is off', () => {
    assert.deepEqual(run('listener 8883\ncertfile /s.crt\nkeyfile /s.key\ncafile /ca.crt\n', { '/s.crt': '', '/s.key': '' }), ['4:1']);
    assert.deepEqual(run('listener 8883\ncafile /ca.crt\n', {}), ['2:2']);
  });
  test('paths that are not needed to start: persistence folder, log file folder, bridge files, capath (warnings)', () => {
    const text = 'persistence_location /var/lib/m/\nlog_dest file /var/log/m/m.log\nlistener 8883\ncertfile /s\nkeyfile /k\ncapath /certs\nconnection a\nbridge_cafile /c\n';
    assert.deepEqual(run(text, { '/s': '', '/k': '' }), ['1:2', '2:2', '6:2', '8:2']);
  });
  test('pid_file: the folder must exist (2.0+; 1.5 and 1.6 start without a pid file)', () => {
    assert.deepEqual(run('pid_file /var/run/m/m.pid\n', {}), ['1:1']);
    assert.deepEqual(run('pid_file /var/run/m/m.pid\n', { '/var/run/m/': '' }), []);
    assert.deepEqual(run('pid_file /var/run/m/m.pid\n', {}, '1.6.15'), ['1:2']);
  });
  test('folders the packaged service creates: information, saying who creates them', () => {
    const [d] = lint('pid_file /run/mosquitto/mosquitto.pid\n', '2.0.11', { checkPaths: true }, memoryFs({})).filter((x) => x.code === ID);
    assert.equal(d.severity, 3);
    assert.match(String(d.message), /Debian/);
    assert.deepEqual(run('persistence_location /mosquitto/data/\nlog_dest file /mosquitto/log/m.log\nlog_dest file /var/log/mosquitto/m.log\n', {}), ['1:3', '2:3', '3:3']);
    assert.deepEqual(run('pid_file /run/mosquitto/mosquitto.pid\n', {}, '2.0.11', { platform: 'windows' }), []);
  });
  test('a missing log file folder stops 1.5 (it exits without a message), not 1.6', () => {
    assert.deepEqual(run('log_dest file /var/log/m/m.log\n', {}, '1.5.11'), ['1:1']);
    assert.deepEqual(run('log_dest file /var/log/m/m.log\n', {}, '1.6.15'), ['1:2']);
  });
  test('paths are looked up through the path mappings', () => {
    const pathMappings = [{ brokerPath: '/mosquitto/config', localPath: '/repo/config', origin: 'setting' }];
    assert.deepEqual(run('password_file /mosquitto/config/passwd\n', { '/repo/config/passwd': '' }, '2.0.11', { pathMappings }), []);
    const [d] = lint('password_file /mosquitto/config/passwd\n', '2.0.11', { checkPaths: true, pathMappings }, memoryFs({})).filter((x) => x.code === ID);
    assert.equal(d.severity, 1);
    assert.match(String(d.message), /\/repo\/config\/passwd/);
  });
  test('inside a named volume: an information note, never an error', () => {
    const pathMappings = [{ brokerPath: '/mosquitto/data', origin: 'compose.yaml', volume: 'data' }];
    assert.deepEqual(run('persistence_location /mosquitto/data/\npassword_file /mosquitto/data/passwd\n', {}, '2.0.11', { pathMappings }), ['1:3', '2:3']);
  });
  test('a folder where a file is needed, and a file where a folder is needed', () => {
    assert.deepEqual(run('password_file /etc/mosquitto\n', { '/etc/mosquitto/': '' }), ['1:1']);
    assert.deepEqual(run('listener 9001\nprotocol websockets\nhttp_dir /www\n', { '/www': '' }), ['3:1']);
  });
  test('paths for another platform and relative paths are not checked', () => {
    assert.deepEqual(run('password_file C:/mosquitto/passwd\npassword_file passwd\n', {}), []);
  });
  test('dhparamfile is ignored by 2.1: a warning there', () => {
    const text = 'listener 8883\ncertfile /s\nkeyfile /k\ndhparamfile /dh.pem\n';
    assert.deepEqual(run(text, { '/s': '', '/k': '' }, '2.0.11'), ['4:1']);
    assert.deepEqual(run(text, { '/s': '', '/k': '' }, '2.1.2'), ['4:2']);
  });
  test('before 1.6.9 the trailing blanks are part of the path that is looked up', () => {
    assert.deepEqual(run('password_file /etc/p  \n', { '/etc/p': '' }, '1.6.8'), ['1:1']);
    assert.deepEqual(run('password_file /etc/p  \n', { '/etc/p': '' }, '1.6.9'), []);
  });
});
