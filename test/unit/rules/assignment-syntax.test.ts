import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'assignment-syntax';

suite(ID, () => {
  test('"key=value" is one unknown keyword: an error on it', () => {
    const [d] = withCode(lint('allow_anonymous=true\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 20 } });
    assert.deepEqual(d.data, { key: 'allow_anonymous' });
  });
  test('"key: value" too: "listener: 1883"', () => {
    assert.deepEqual(findings('listener: 1883\n', ID), ['1:error']);
  });
  test('"= " before a boolean: the value "=" is refused: "allow_anonymous = true"', () => {
    const [d] = withCode(lint('allow_anonymous = true\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 0, character: 15 }, end: { line: 0, character: 17 } });
  });
  test('"= " before a number: 2.1 refuses it, 2.0 reads 0: "max_queued_messages = 10"', () => {
    assert.deepEqual(findings('max_queued_messages = 10\n', ID, '2.1.2'), ['1:error']);
    assert.deepEqual(findings('max_queued_messages = 10\n', ID, '2.0.11'), ['1:warning']);
  });
  test('"= " before a path the broker must open: it opens "= /x" and refuses to start', () => {
    assert.deepEqual(findings('listener 1883\npassword_file = /etc/mosquitto/passwd\n', ID, '2.0.11'), ['2:error']);
    assert.deepEqual(findings('pid_file = /run/mosquitto.pid\n', ID, '2.0.11'), ['1:error']);
  });
  test('"= " before a free-text string only changes the value: "clientid_prefixes = a"', () => {
    assert.deepEqual(findings('clientid_prefixes = a\n', ID), ['1:warning']);
  });
  test('a plain "key value" line is fine, and "=" inside a value is not this rule', () => {
    assert.deepEqual(findings('listener 1883\nlog_timestamp_format a=b\n', ID), []);
  });
  test('unknown keys with "=" are not this rule (unknown-directive reports them): "foo=bar"', () => {
    assert.deepEqual(findings('foo=bar\n', ID), []);
  });
  test('before 2.1, "=" read as 0 where 0 is out of range is refused: "max_keepalive = 60" (2.0.11)', () => {
    assert.deepEqual(findings('max_keepalive = 60\nport = 1883\n', ID, '2.0.11'), ['1:error', '2:error']);
    assert.deepEqual(findings('max_keepalive = 60\n', ID, '2.0.13'), ['1:warning']);
  });
  test('a file the broker creates in its working directory: "pid_file = broker.pid" starts (warning)', () => {
    assert.deepEqual(findings('pid_file = broker.pid\n', ID, '2.0.11'), ['1:warning']);
  });
});
