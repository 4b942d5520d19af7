import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings } from '../helpers';
import { tlsDir } from '../tlsMaterial';
import { diskWithoutTls, diskWithTls, MQTT, tlsDiagnostics, tlsFindings, WSS } from '../tls/tlsHelpers';

const ID = 'tls-file-format';
const GOOD_CERT = 'certfile $T/fullchain.pem';
const GOOD_KEY = 'keyfile $T/server.key';

suite(ID, () => {
  test('a DER certificate in certfile: error (every release refuses), with the openssl command', () => {
    const text = `${MQTT}certfile $T/server.der\n${GOOD_KEY}\n`;
    assert.deepEqual(tlsFindings(text, ID, '2.0.11'), ['3:error']);
    assert.deepEqual(tlsFindings(text, ID, '2.1.2'), ['3:error']);
    const [d] = tlsDiagnostics(text, ID);
    assert.match(d.message, /openssl x509 -inform DER -in \S+server\.der -out \S+server-cert\.pem/);
  });
  test('before 2.0 an MQTT listener without cafile does not switch TLS on: a warning; with cafile an error', () => {
    const text = `${MQTT}certfile $T/server.der\n${GOOD_KEY}\n`;
    assert.deepEqual(tlsFindings(text, ID, '1.6.15'), ['3:warning']);
    assert.deepEqual(tlsFindings(`${MQTT}cafile $T/ca.crt\ncertfile $T/server.der\n${GOOD_KEY}\n`, ID, '1.6.15'), ['4:error']);
  });
  test("a PFX bundle in keyfile and certfile (the seed's case): error with the pkcs12 commands", () => {
    const diagnostics = tlsDiagnostics(`${MQTT}certfile $T/server.pfx\nkeyfile $T/server.pfx\n`, ID);
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line + 1}:${d.severity ?? 0}`),
      ['3:1', '4:1'],
    );
    assert.match(diagnostics[0].message, /PKCS#12/);
    assert.match(diagnostics[0].message, /openssl pkcs12 -in \S+ -nokeys -out /);
    assert.match(diagnostics[1].message, /openssl pkcs12 -in \S+ -nocerts -nodes -out /);
  });
  test('PKCS#7 (PEM and DER), a DER key, an OpenSSH key, an empty file and plain text are each reported', () => {
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/server.p7b\n${GOOD_KEY}\n`, ID), ['3:error']);
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/server-der.p7b\n${GOOD_KEY}\n`, ID), ['3:error']);
    assert.deepEqual(tlsFindings(`${MQTT}${GOOD_CERT}\nkeyfile $T/server-key.der\n`, ID), ['4:error']);
    assert.deepEqual(tlsFindings(`${MQTT}${GOOD_CERT}\nkeyfile $T/ssh.key\n`, ID), ['4:error']);
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/empty.pem\n${GOOD_KEY}\n`, ID), ['3:error']);
    assert.deepEqual(tlsFindings(`${MQTT}cafile $T/notes.txt\n${GOOD_CERT}\n${GOOD_KEY}\n`, ID), ['3:error']);
  });
  test('websockets listeners: a bad cafile stops only 2.1 (older releases hand it to libwebsockets, which goes on)', () => {
    const text = `${WSS}cafile $T/server.der\n${GOOD_CERT}\n${GOOD_KEY}\n`;
    assert.deepEqual(tlsFindings(text, ID, '2.0.11'), ['5:warning']);
    assert.deepEqual(tlsFindings(text, ID, '2.1.2'), ['5:error']);
  });
  test('dhparamfile: fatal on MQTT listeners from 1.6 to 2.0, ignored by 2.1', () => {
    const text = `${MQTT}dhparamfile $T/notes.txt\n${GOOD_CERT}\n${GOOD_KEY}\n`;
    assert.deepEqual(tlsFindings(text, ID, '2.0.11'), ['3:error']);
    assert.deepEqual(tlsFindings(text, ID, '2.1.2'), ['3:warning']);
  });
  test('bridge files: a warning (the broker starts; the bridge cannot connect)', () => {
    const text = 'listener 1883\nallow_anonymous true\nconnection b\naddress 127.0.0.1:8883\ntopic # both 0\nbridge_cafile $T/server.der\n';
    assert.deepEqual(tlsFindings(text, ID), ['6:warning']);
  });
  test('PEM files of the right kind, missing files and folders: nothing from this rule', () => {
    assert.deepEqual(tlsFindings(`${MQTT}cafile $T/cachain.pem\n${GOOD_CERT}\n${GOOD_KEY}\ncrlfile $T/int.crl\ndhparamfile $T/dhparam.pem\n`, ID), []);
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/does-not-exist.pem\nkeyfile $T/\n`, ID), []);
  });
  test('a Compose-style mapping: /mosquitto/certs in the container is the material folder here', () => {
    const text = `${MQTT}certfile /mosquitto/certs/server.pfx\nkeyfile /mosquitto/certs/server.key\n`;
    const pathMappings = [{ brokerPath: '/mosquitto/certs', localPath: tlsDir(), origin: "docker-compose.yml service 'broker'" }];
    assert.deepEqual(findings(text, ID, '2.0.11', { checkPaths: true, pathMappings }, diskWithTls()), ['3:error']);
    assert.deepEqual(findings(text, ID, '2.0.11', { checkPaths: true }, diskWithTls()), [], 'without the mapping the container path is not here');
  });
  test('tls_keyform engine: keyfile names a key inside the engine, not a file', () => {
    assert.deepEqual(tlsFindings(`${MQTT}tls_engine pkcs11\ntls_keyform engine\n${GOOD_CERT}\nkeyfile $T/server-key.der\n`, ID), []);
  });
  test('untrusted workspace (no inspector) or path checks off: the file is not opened', () => {
    const text = `${MQTT}certfile $T/server.der\n${GOOD_KEY}\n`;
    assert.deepEqual(tlsFindings(text, ID, '2.0.11', diskWithoutTls()), []);
  });
});
