import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'websockets-windows-localhost';
const WS = 'listener 1883\nlistener 9001\nprotocol websockets\n';

suite(ID, () => {
  test('Windows before 1.5.4: a warning on the protocol line of each websockets listener', () => {
    const [d] = withCode(lint(WS, '1.5.3', { platform: 'windows' }), ID);
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } });
  });
  test('fixed in 1.5.4', () => {
    assert.deepEqual(findings(WS, ID, '1.5.4', { platform: 'windows' }), []);
  });
  test('only on Windows', () => {
    assert.deepEqual(findings(WS, ID, '1.5.3', { platform: 'linux' }), []);
  });
  test('plain MQTT listeners are not affected', () => {
    assert.deepEqual(findings('listener 1883\n', ID, '1.4.15', { platform: 'windows' }), []);
  });
});
