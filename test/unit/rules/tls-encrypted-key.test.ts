import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { MQTT, tlsDiagnostics, tlsFindings } from '../tls/tlsHelpers';

const ID = 'tls-encrypted-key';

suite(ID, () => {
  test('a passphrase-protected key: error (the broker cannot ask for it and refuses to start)', () => {
    const text = `${MQTT}certfile $T/fullchain.pem\nkeyfile $T/encrypted.key\n`;
    assert.deepEqual(tlsFindings(text, ID, '2.0.11'), ['4:error']);
    assert.deepEqual(tlsFindings(text, ID, '2.1.2'), ['4:error']);
    assert.match(tlsDiagnostics(text, ID)[0].message, /openssl pkey -in \S+encrypted\.key -out \S+encrypted-nopass\.key/);
    assert.doesNotMatch(tlsDiagnostics(text, ID)[0].message, /not-a-real-secret/);
  });
  test('in a bridge: warning (the broker starts)', () => {
    const text =
      'listener 1883\nallow_anonymous true\nconnection b\naddress 127.0.0.1:8883\ntopic # both 0\nbridge_cafile $T/ca.crt\nbridge_certfile $T/fullchain.pem\nbridge_keyfile $T/encrypted.key\n';
    assert.deepEqual(tlsFindings(text, ID), ['8:warning']);
  });
  test('an unprotected key: nothing', () => {
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/fullchain.pem\nkeyfile $T/server.key\n`, ID), []);
  });
});
