import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'tls-ca-without-certificate';

suite(ID, () => {
  test('cafile alone: an error from 2.0.21 on the cafile line', () => {
    const [d] = withCode(lint('listener 8883\ncafile /etc/ca.crt\n', '2.0.21'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
  });
  test('capath alone too', () => {
    assert.deepEqual(findings('listener 8883\ncapath /etc/ssl/certs\n', ID, '2.1.2'), ['2:error']);
  });
  test('before 2.0.21 the listener runs without TLS: a warning (2.0.11, 1.6.15)', () => {
    assert.deepEqual(findings('listener 8883\ncafile /c\n', ID, '2.0.11'), ['2:warning']);
    assert.deepEqual(findings('listener 8883\ncafile /c\n', ID, '1.6.15'), ['2:warning']);
  });
  test('before 2.0, certfile and keyfile without a CA give no TLS either: a warning on certfile', () => {
    assert.deepEqual(findings('listener 8883\ncertfile /s.crt\nkeyfile /s.key\n', ID, '1.6.15'), ['2:warning']);
    assert.deepEqual(findings('listener 8883\ncertfile /s.crt\nkeyfile /s.key\n', ID, '2.0.0'), []);
  });
  test('before 2.0 a websockets listener loads certfile and keyfile without a CA (checked with 1.5.11, 1.6.15): no finding', () => {
    for (const release of ['1.5.11', '1.6.15']) {
      assert.deepEqual(findings('listener 1883\nlistener 8080\nprotocol websockets\ncertfile /s.crt\nkeyfile /s.key\n', ID, release), []);
    }
  });
  test('a CA with the certificate pair: no finding', () => {
    assert.deepEqual(findings('listener 8883\ncafile /c\ncertfile /s.crt\nkeyfile /s.key\n', ID), []);
  });
});
