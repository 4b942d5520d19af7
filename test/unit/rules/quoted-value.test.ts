import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'quoted-value';

suite(ID, () => {
  test('quotes around a path the broker must open: an error on the value, with the unquoted text', () => {
    const [d] = withCode(lint('listener 1883\npassword_file "/etc/mosquitto/passwd"\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 14 }, end: { line: 1, character: 37 } });
    assert.deepEqual(d.data, { unquoted: '/etc/mosquitto/passwd' });
  });
  test('a quoted Windows path with spaces: "C:\\Program Files\\..."', () => {
    assert.deepEqual(findings('password_file "C:\\Program Files\\mosquitto\\passwd"\n', ID, '2.0.11', { platform: 'windows' }), ['1:error']);
  });
  test('quotes around a free-text value: a warning: "log_timestamp_format \'%H\'"', () => {
    assert.deepEqual(findings("log_timestamp_format '%H'\n", ID), ['1:warning']);
  });
  test("unbalanced or inner quotes are not this rule: '\"abc', 'a\"b\"'", () => {
    assert.deepEqual(findings('clientid_prefixes "abc\nlog_timestamp_format a"b"\n', ID), []);
  });
  test('bridge topic patterns may be quoted from 2.1; before that the quotes are literal', () => {
    const text = 'connection a\naddress h:1883\ntopic "a/#" both 0\n';
    assert.deepEqual(findings(text, ID, '2.1.2'), []);
  });
  test('one-word values are not checked: allow_anonymous "true" is invalid-boolean', () => {
    assert.deepEqual(findings('allow_anonymous "true"\n', ID), []);
  });
  test('a quoted pid file name in the working directory only changes the name: a warning', () => {
    assert.deepEqual(findings('pid_file "broker.pid"\n', ID, '2.0.11'), ['1:warning']);
  });
});
