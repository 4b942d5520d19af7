import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'anonymous-refused';

suite(ID, () => {
  test('a listener without authentication or allow_anonymous true: a warning on its listener line', () => {
    const [d] = withCode(lint('listener 1883\n', '2.0.11'), ID);
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } });
  });
  test('one warning per listener, the default listener (port) included', () => {
    assert.deepEqual(findings('port 1883\nlistener 1884\n', ID, '2.0.11'), ['1:warning', '2:warning']);
  });
  test('allow_anonymous true, password_file, a plugin or psk_file is enough', () => {
    for (const line of ['allow_anonymous true', 'password_file /p', 'plugin /p.so', 'psk_file /k']) {
      assert.deepEqual(findings(`listener 1883\n${line}\n`, ID, '2.0.11'), [], line);
    }
  });
  test('a certificate identity as the username authenticates too', () => {
    assert.deepEqual(findings('listener 8883\nrequire_certificate true\nuse_identity_as_username true\n', ID, '2.0.11'), []);
  });
  test('per_listener_settings true: each listener needs its own setting', () => {
    const text = 'per_listener_settings true\nlistener 1883\nallow_anonymous true\nlistener 1884\n';
    assert.deepEqual(findings(text, ID, '2.0.11'), ['4:warning']);
  });
  test('2.1: listener_allow_anonymous and plugin_use', () => {
    assert.deepEqual(findings('listener 1883\nlistener_allow_anonymous true\n', ID, '2.1.2'), []);
    assert.deepEqual(findings('plugin_load d /p.so\nlistener 1883\nplugin_use d\n', ID, '2.1.2'), []);
  });
  test('1.x allows anonymous clients by default: no finding', () => {
    assert.deepEqual(findings('listener 1883\n', ID, '1.6.15'), []);
  });
  test('local-only mode (no listener) allows anonymous local clients: no finding', () => {
    assert.deepEqual(findings('persistence true\n', ID, '2.0.11'), []);
  });
});
