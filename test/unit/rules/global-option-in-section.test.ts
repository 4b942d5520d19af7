import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'global-option-in-section';

suite(ID, () => {
  test('a global option under a listener: a hint on its name', () => {
    const [d] = withCode(lint('listener 1883\npersistence true\n'), ID);
    assert.equal(d.severity, 4);
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 11 } });
  });
  test('a security option under one of several listeners while per_listener_settings is off: information', () => {
    assert.deepEqual(findings('listener 1883\npassword_file /p\nlistener 1884\n', ID), ['2:information']);
  });
  test('with a single listener the scope makes no difference: no finding for security options', () => {
    assert.deepEqual(findings('listener 1883\nallow_anonymous true\n', ID), []);
  });
  test('with per_listener_settings true the security option belongs to the listener: no finding', () => {
    assert.deepEqual(findings('per_listener_settings true\nlistener 1883\npassword_file /p\n', ID, '2.0.11'), []);
  });
  test('global options under a bridge too', () => {
    assert.deepEqual(findings('connection a\naddress h:1883\nsys_interval 10\n', ID), ['3:hint']);
  });
  test('above the first listener or bridge: no finding', () => {
    assert.deepEqual(findings('persistence true\npassword_file /p\nlistener 1883\n', ID), []);
  });
  test('listener options under a listener are not global', () => {
    assert.deepEqual(findings('listener 1883\nmax_connections 10\nprotocol mqtt\n', ID), []);
  });
});
