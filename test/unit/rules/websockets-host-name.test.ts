import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'websockets-host-name';

suite(ID, () => {
  test('a websockets listener bound to a host name before 2.1: a warning on the address', () => {
    const [d] = withCode(lint('listener 9001 localhost\nprotocol websockets\n', '2.0.11'), ID);
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 0, character: 14 }, end: { line: 0, character: 23 } });
  });
  test('2.1 has its own websockets implementation: no finding', () => {
    assert.deepEqual(findings('listener 9001 localhost\nprotocol websockets\n', ID, '2.1.2'), []);
  });
  test('numeric addresses and no address are fine', () => {
    assert.deepEqual(findings('listener 9001 127.0.0.1\nprotocol websockets\nlistener 9002\nprotocol websockets\n', ID, '2.0.11'), []);
  });
  test('host names on plain MQTT listeners are fine', () => {
    assert.deepEqual(findings('listener 1883 localhost\n', ID, '2.0.11'), []);
  });
});
