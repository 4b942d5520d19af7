import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'extra-arguments';

suite(ID, () => {
  test('a second log destination on one line is ignored: a warning on the extra words', () => {
    const [d] = withCode(lint('log_dest stdout stderr syslog\n'), ID);
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 0, character: 16 }, end: { line: 0, character: 29 } });
  });
  test('one-word options ignore further words: "allow_anonymous true false"', () => {
    assert.deepEqual(findings('allow_anonymous true false\n', ID), ['1:warning']);
  });
  test('listener reads port and address; a third word is ignored (1.5+)', () => {
    assert.deepEqual(findings('listener 1883 0.0.0.0 extra\n', ID), ['1:warning']);
    assert.deepEqual(findings('listener 1883 0.0.0.0\n', ID), []);
  });
  test('a comment after the value is trailing-comment, not this rule: "listener 1883 # plain MQTT"', () => {
    assert.deepEqual(findings('listener 1883 # plain MQTT\nallow_anonymous true # a b\n', ID), []);
  });
  test('string values take the rest of the line: "remote_password a b" (1.4.9+)', () => {
    assert.deepEqual(findings('connection c\nremote_password a b\n', ID, '2.0.11'), []);
  });
  test('bridge credentials split at the first space in old releases', () => {
    assert.deepEqual(findings('connection c\nremote_password a b\n', ID, '1.4.8'), ['2:warning']);
    assert.deepEqual(findings('connection c\nremote_username my user\n', ID, '1.5.5'), ['2:warning']);
    assert.deepEqual(findings('connection c\nremote_username my user\n', ID, '1.5.6'), []);
  });
  test('restart_timeout reads one value before 1.6, two before 2.1, three from 2.1', () => {
    const text = 'connection c\nrestart_timeout 5 30 60\n';
    assert.deepEqual(findings(text, ID, '1.5.11'), ['2:warning']);
    assert.deepEqual(findings(text, ID, '2.0.11'), ['2:warning']);
    assert.deepEqual(findings(text, ID, '2.1.2'), []);
  });
  test('log_dest file takes the rest of the line as the file name', () => {
    assert.deepEqual(findings('log_dest file /var/log/my log.txt\n', ID), []);
  });
});
