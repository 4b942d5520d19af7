import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'tls-psk-and-certificate';

suite(ID, () => {
  test('certfile after psk_hint in one listener is an error on certfile', () => {
    const [d] = withCode(lint('listener 8883\npsk_hint hint\ncertfile /s.crt\nkeyfile /s.key\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } });
  });
  test('cafile after psk_hint too, in every version (1.4.15)', () => {
    assert.deepEqual(findings('listener 8883\npsk_hint h\ncafile /c\n', ID, '1.4.15'), ['3:error']);
  });
  test('the reverse order is not checked by the broker: certfile then psk_hint', () => {
    assert.deepEqual(findings('listener 8883\ncertfile /s.crt\nkeyfile /s.key\npsk_hint h\n', ID), []);
  });
  test('PSK and certificates on different listeners are fine', () => {
    assert.deepEqual(findings('listener 8883\npsk_hint h\nlistener 8884\ncertfile /s.crt\nkeyfile /s.key\n', ID), []);
  });
  test('psk_file after a certfile in the current listener: error from 2.1 (and 2.0.23), nothing in 2.0.22', () => {
    const text = 'listener 8883\ncertfile /c.crt\nkeyfile /c.key\npsk_file /psk\n';
    assert.deepEqual(findings(text, ID, '2.1.2'), ['4:error']);
    assert.deepEqual(findings(text, ID, '2.0.23'), ['4:error']);
    assert.deepEqual(findings(text, ID, '2.0.22'), []);
  });
  test('psk_file in a new listener after a certificate listener: no finding', () => {
    assert.deepEqual(findings('listener 8883\ncertfile /c.crt\nkeyfile /c.key\nlistener 8884\npsk_hint hint\npsk_file /psk\n', ID, '2.1.2'), []);
  });
  test('2.1: the default listener becomes current at port, bind_address and a listener option before any listener', () => {
    // certfile before any listener makes the default listener current; psk_file then joins it.
    assert.deepEqual(findings('certfile /c.crt\npsk_file /psk\n', ID, '2.1.2'), ['2:error']);
    // port makes the default listener current again: psk_file no longer joins listener 8883.
    assert.deepEqual(findings('listener 8883\ncertfile /c.crt\nport 1884\npsk_file /psk\n', ID, '2.1.2'), []);
    // bind_address after a listener returns to the default listener, which has the certfile.
    assert.deepEqual(findings('port 1884\ncertfile /c.crt\nlistener 8883\nbind_address 0.0.0.0\npsk_file /p\n', ID, '2.1.2'), ['5:error']);
    // Other lines keep the current listener.
    assert.deepEqual(findings('listener 8883\ncertfile /c.crt\nmax_connections 4\npsk_file /psk\n', ID, '2.1.2'), ['4:error']);
  });
});
