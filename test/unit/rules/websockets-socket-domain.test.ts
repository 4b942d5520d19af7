import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'websockets-socket-domain';
const WS = 'listener 1883\nlistener 9001\nprotocol websockets\n';

suite(ID, () => {
  test('Windows: a websockets listener without socket_domain ipv4 gets information on its protocol line', () => {
    const [d] = withCode(lint(WS, '2.0.11', { platform: 'windows' }), ID);
    assert.equal(d.severity, 3);
    assert.deepEqual(d.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } });
    assert.deepEqual(d.data, { section: 'listener:1' });
  });
  test('not on Linux or macOS', () => {
    assert.deepEqual(findings(WS, ID, '2.0.11', { platform: 'linux' }), []);
    assert.deepEqual(findings(WS, ID, '2.0.11', { platform: 'macos' }), []);
  });
  test('only from 1.5.5, where socket_domain exists', () => {
    assert.deepEqual(findings(WS, ID, '1.5.5', { platform: 'windows' }), ['3:information']);
    assert.deepEqual(findings(WS, ID, '1.5.4', { platform: 'windows' }), []);
  });
  test('socket_domain ipv4 in the listener silences it; ipv6 does not', () => {
    assert.deepEqual(findings(`${WS}socket_domain ipv4\n`, ID, '2.1.2', { platform: 'windows' }), []);
    assert.deepEqual(findings(`${WS}socket_domain ipv6\n`, ID, '2.1.2', { platform: 'windows' }), ['3:information']);
  });
  test('plain MQTT listeners are not reported', () => {
    assert.deepEqual(findings('listener 1883\n', ID, '2.1.2', { platform: 'windows' }), []);
  });
});
