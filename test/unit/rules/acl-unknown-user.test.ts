import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { analyze, defaultSettings } from '../../../server/src/service';
import { HASH } from '../companionHelpers';
import { memoryFs } from '../helpers';

const ID = 'acl-unknown-user';
const MAIN = '/etc/mosquitto/mosquitto.conf';

function aclDiagnostics(conf: string, files: Record<string, string>): string[] {
  const result = analyze({ text: conf, uri: MAIN, path: MAIN }, defaultSettings(), memoryFs(files)).diagnostics;
  return (result.get('/etc/mosquitto/aclfile') ?? []).filter((d) => d.code === ID).map((d) => `${d.range.start.line + 1}:${d.severity}`);
}

suite(ID, () => {
  test('a user missing from the one password file: warning', () => {
    const files = { '/etc/mosquitto/aclfile': 'user alice\nuser mallory\n', '/etc/mosquitto/passwd': `alice:${HASH}\n` };
    assert.deepEqual(aclDiagnostics('listener 1883\npassword_file /etc/mosquitto/passwd\nacl_file /etc/mosquitto/aclfile\n', files), ['2:2']);
  });
  test('without a password file nothing is said', () => {
    assert.deepEqual(aclDiagnostics('listener 1883\nacl_file /etc/mosquitto/aclfile\n', { '/etc/mosquitto/aclfile': 'user mallory\n' }), []);
  });
});
