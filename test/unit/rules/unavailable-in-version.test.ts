import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'unavailable-in-version';

suite(ID, () => {
  test('an option newer than the selected release is an error on its name, with "since"', () => {
    const [d] = withCode(lint('listener 1883\nlistener_allow_anonymous true\n', '2.0.11'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 24 } });
    assert.deepEqual(d.data, { since: '2.1.0' });
  });
  test('the same option is fine in the release that added it', () => {
    assert.deepEqual(findings('listener 1883\nlistener_allow_anonymous true\n', ID, '2.1.0'), []);
  });
  test('patch level counts: retain_expiry_interval is new in 2.0.21', () => {
    assert.deepEqual(findings('retain_expiry_interval 10\n', ID, '2.0.20'), ['1:error']);
    assert.deepEqual(findings('retain_expiry_interval 10\n', ID, '2.0.21'), []);
  });
  test('socket_domain needs 1.5.5', () => {
    assert.deepEqual(findings('listener 1883\nsocket_domain ipv4\n', ID, '1.5.4'), ['2:error']);
    assert.deepEqual(findings('listener 1883\nsocket_domain ipv4\n', ID, '1.5.5'), []);
  });
  test('removed options the broker no longer knows: store_clean_interval from 2.0 (error)', () => {
    assert.deepEqual(findings('store_clean_interval 10\n', ID, '2.0.0'), ['1:error']);
    assert.deepEqual(findings('store_clean_interval 10\n', ID, '1.6.15'), []);
  });
  test('removed options the broker still accepts with a warning: retry_interval from 1.5', () => {
    assert.deepEqual(findings('retry_interval 10\n', ID, '1.5.0'), ['1:warning']);
    assert.deepEqual(findings('retry_interval 10\n', ID, '1.4.15'), []);
  });
  test('dhparamfile is ignored with a warning in 2.1', () => {
    assert.deepEqual(findings('listener 8883\ndhparamfile /etc/dh.pem\n', ID, '2.1.0'), ['2:warning']);
  });
  test('unknown keywords are left to unknown-directive', () => {
    assert.deepEqual(findings('xyzzy 1\n', ID), []);
  });
});
