import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'missing-value';

suite(ID, () => {
  test('a string option without value is an error on the keyword: "pid_file"', () => {
    const [d] = withCode(lint('pid_file\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } });
  });
  test('a value of blanks only: an error from 1.6.9, an empty value before', () => {
    assert.deepEqual(findings('log_timestamp_format    \n', ID, '2.0.11'), ['1:error']);
    assert.deepEqual(findings('log_timestamp_format    \n', ID, '1.6.8'), ['1:warning']);
  });
  test('booleans and numbers without value: "allow_anonymous", "listener"', () => {
    assert.deepEqual(findings('allow_anonymous\nlistener\n', ID), ['1:error', '2:error']);
  });
  test('options that older brokers only log about: max_connections (fatal from 2.1)', () => {
    assert.deepEqual(findings('listener 1883\nmax_connections\n', ID, '2.0.11'), ['2:warning']);
    assert.deepEqual(findings('listener 1883\nmax_connections\n', ID, '2.1.0'), ['2:error']);
  });
  test('max_queued_messages without value is fatal from 2.0, only logged in 1.6', () => {
    assert.deepEqual(findings('max_queued_messages\n', ID, '2.0.0'), ['1:error']);
    assert.deepEqual(findings('max_queued_messages\n', ID, '1.6.15'), ['1:warning']);
  });
  test('an empty include_dir: refused on Linux, ignored by the Windows broker since 1.5.3', () => {
    assert.deepEqual(findings('include_dir\n', ID, '2.0.11'), ['1:error']);
    assert.deepEqual(findings('include_dir\n', ID, '2.0.11', { platform: 'windows' }), ['1:warning']);
  });
  test('a plugin option with only blanks after the key: "plugin_opt_key   "', () => {
    assert.deepEqual(findings('plugin /p.so\nplugin_opt_key   \n', ID), ['2:error']);
  });
  test('values given: no finding', () => {
    assert.deepEqual(findings('listener 1883\npid_file /run/m.pid\nallow_anonymous true\n', ID), []);
  });
  test('"log_dest file" without the file name', () => {
    assert.deepEqual(findings('log_dest file\nlog_dest file   \nlog_dest file /var/log/m.log\n', ID), ['1:error', '2:error']);
  });
});
