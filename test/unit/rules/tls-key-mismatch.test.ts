import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { MQTT, tlsDiagnostics, tlsFindings, WSS } from '../tls/tlsHelpers';

const ID = 'tls-key-mismatch';

suite(ID, () => {
  test('a key of another certificate: error on keyfile (every release refuses)', () => {
    const text = `${MQTT}certfile $T/fullchain.pem\nkeyfile $T/other.key\n`;
    assert.deepEqual(tlsFindings(text, ID, '2.0.11'), ['4:error']);
    assert.deepEqual(tlsFindings(text, ID, '2.1.2'), ['4:error']);
    assert.deepEqual(tlsFindings(`${WSS}certfile $T/fullchain.pem\nkeyfile $T/other.key\n`, ID, '2.0.11'), ['6:error']);
    const [d] = tlsDiagnostics(text, ID);
    assert.equal(d.relatedInformation?.[0]?.location.range.start.line, 2);
  });
  test('before 2.0, an MQTT listener without cafile does not load the files: warning', () => {
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/fullchain.pem\nkeyfile $T/other.key\n`, ID, '1.6.15'), ['4:warning']);
  });
  test('matching pairs (RSA in PKCS#8 and PKCS#1, EC) and unreadable keys: nothing', () => {
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/fullchain.pem\nkeyfile $T/server.key\n`, ID), []);
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/server.crt\nkeyfile $T/server-rsa.key\n`, ID), []);
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/ec.crt\nkeyfile $T/ec.key\n`, ID), []);
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/ec.crt\nkeyfile $T/encrypted.key\n`, ID), []);
  });
});
