import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings } from '../helpers';
import { canTestRuntimeUser, tlsDir } from '../tlsMaterial';
import { diskWithTls, MQTT, tlsDiagnostics, tlsFindings } from '../tls/tlsHelpers';

const ID = 'tls-file-permissions';
const RUNTIME = canTestRuntimeUser() ? false : 'needs root and a mosquitto user to create files that user cannot read';

suite(ID, () => {
  test('a private key readable by everyone: warning (the broker starts)', () => {
    const text = `${MQTT}certfile $T/fullchain.pem\nkeyfile $T/world.key\n`;
    assert.deepEqual(tlsFindings(text, ID), ['4:warning']);
    assert.match(tlsDiagnostics(text, ID)[0].message, /chmod 640/);
  });
  test('a key only root can read: error from 2.0 (loaded after dropping to mosquitto), nothing before', { skip: RUNTIME }, () => {
    const text = `${MQTT}cafile $T/ca.crt\ncertfile $T/fullchain.pem\nkeyfile $T/rootonly.key\n`;
    assert.deepEqual(tlsFindings(text, ID, '2.0.11'), ['5:error']);
    assert.deepEqual(tlsFindings(text, ID, '2.1.2'), ['5:error']);
    assert.deepEqual(tlsFindings(text, ID, '1.6.15'), []);
    assert.match(tlsDiagnostics(text, ID)[0].message, /user 'mosquitto'/);
  });
  test('a folder on the way the user cannot pass: error', { skip: RUNTIME }, () => {
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/fullchain.pem\nkeyfile $T/private/server.key\n`, ID), ['4:error']);
  });
  test('ACL and password files only root can read: error from 2.0; `user` names the user checked', { skip: RUNTIME }, () => {
    assert.deepEqual(tlsFindings(`${MQTT}acl_file $T/rootonly.acl\n`, ID), ['3:error']);
    assert.deepEqual(tlsFindings(`${MQTT}password_file $T/rootonly.passwd\n`, ID, '2.1.2'), ['3:error']);
    assert.deepEqual(tlsFindings(`${MQTT}acl_file $T/rootonly.acl\n`, ID, '1.6.15'), []);
    assert.deepEqual(tlsFindings(`user root\n${MQTT}acl_file $T/rootonly.acl\n`, ID), []);
  });
  test("a key reached through a container mapping: the container's users are not this machine's, so no run-time user check", { skip: RUNTIME }, () => {
    const text = `${MQTT}${'cafile $T/ca.crt\n'}certfile /mosquitto/certs/fullchain.pem\nkeyfile /mosquitto/certs/rootonly.key\n`.replace(/\$T/g, tlsDir());
    const pathMappings = [{ brokerPath: '/mosquitto/certs', localPath: tlsDir(), origin: 'setting' }];
    assert.deepEqual(findings(text, ID, '2.0.11', { checkPaths: true, pathMappings }, diskWithTls()), []);
  });
  test('keys shared with the broker group (0640), certificates (0644): nothing', { skip: RUNTIME }, () => {
    assert.deepEqual(tlsFindings(`${MQTT}cafile $T/cachain.pem\ncertfile $T/fullchain.pem\nkeyfile $T/server.key\n`, ID), []);
  });
});
