import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { MQTT, tlsDiagnostics, tlsFindings } from '../tls/tlsHelpers';

const ID = 'tls-chain';

suite(ID, () => {
  test('a certificate from a CA that did not sign it: warning on certfile (the broker starts), naming the issuer', () => {
    const text = `${MQTT}cafile $T/ca.crt\ncertfile $T/rogue.crt\nkeyfile $T/server.key\n`;
    assert.deepEqual(tlsFindings(text, ID, '2.0.11'), ['4:warning']);
    assert.match(tlsDiagnostics(text, ID)[0].message, /Unrelated CA/);
  });
  test('only the site certificate and no CA file: information (clients need the intermediate)', () => {
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/server.crt\nkeyfile $T/server.key\n`, ID), ['3:information']);
  });
  test("Let's Encrypt's cert.pem: left to tls-file-slot's fullchain.pem advice (one finding per line)", () => {
    assert.deepEqual(
      tlsFindings(`${MQTT}certfile $T/letsencrypt/live/mqtt.example.test/cert.pem\nkeyfile $T/letsencrypt/live/mqtt.example.test/privkey.pem\n`, ID),
      [],
    );
  });
  test('complete chains: intermediate in certfile, or in cafile, or hashed in capath; self-signed: nothing', () => {
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/fullchain.pem\nkeyfile $T/server.key\n`, ID), []);
    assert.deepEqual(tlsFindings(`${MQTT}cafile $T/cachain.pem\ncertfile $T/server.crt\nkeyfile $T/server.key\n`, ID), []);
    assert.deepEqual(tlsFindings(`${MQTT}capath $T/capath\ncertfile $T/server.crt\nkeyfile $T/server.key\n`, ID), []);
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/ca.crt\nkeyfile $T/ca.key\n`, ID), []);
  });
  test("a bridge's certificate is not checked against its CA file (which verifies the remote broker)", () => {
    const text =
      'listener 1883\nallow_anonymous true\nconnection b\naddress 127.0.0.1:8883\ntopic # both 0\nbridge_cafile $T/rogue-ca.crt\nbridge_certfile $T/server.crt\nbridge_keyfile $T/server.key\n';
    assert.deepEqual(tlsFindings(text, ID), []);
  });
  test('capath without hashed names: warning with the rehash command; with them: nothing', () => {
    const text = `${MQTT}capath $T/capath-unhashed\ncertfile $T/fullchain.pem\nkeyfile $T/server.key\n`;
    assert.deepEqual(tlsFindings(text, ID), ['3:warning']);
    assert.match(tlsDiagnostics(text, ID)[0].message, /openssl rehash \S+capath-unhashed/);
    assert.deepEqual(tlsFindings(`${MQTT}capath $T/capath\ncertfile $T/fullchain.pem\nkeyfile $T/server.key\n`, ID), []);
  });
});
