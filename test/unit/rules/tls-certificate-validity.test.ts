import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { MQTT, tlsDiagnostics, tlsFindings } from '../tls/tlsHelpers';

const ID = 'tls-certificate-validity';

suite(ID, () => {
  test('expired: warning (every release starts with it), saying that clients refuse it', () => {
    const text = `${MQTT}certfile $T/expired-fullchain.pem\nkeyfile $T/server.key\n`;
    assert.deepEqual(tlsFindings(text, ID, '2.0.11'), ['3:warning']);
    assert.deepEqual(tlsFindings(text, ID, '1.5.11'), ['3:warning']);
    const [d] = tlsDiagnostics(text, ID);
    assert.match(d.message, /expired on \d{4}-\d{2}-\d{2}/);
    assert.match(d.message, /client/);
  });
  test('not yet valid: warning with the start date', () => {
    const text = `${MQTT}certfile $T/notyet.crt\nkeyfile $T/server.key\n`;
    assert.deepEqual(tlsFindings(text, ID), ['3:warning']);
    assert.match(tlsDiagnostics(text, ID)[0].message, /not valid before \d{4}-\d{2}-\d{2}/);
  });
  test('expiring within 30 days: information with the date', () => {
    const text = `${MQTT}certfile $T/soon.crt\nkeyfile $T/server.key\n`;
    assert.deepEqual(tlsFindings(text, ID), ['3:information']);
    assert.match(tlsDiagnostics(text, ID)[0].message, /expires on \d{4}-\d{2}-\d{2}, in (9|10) days/);
  });
  test('valid certificates: nothing', () => {
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/fullchain.pem\nkeyfile $T/server.key\n`, ID), []);
  });
});
