import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'trailing-comment';

suite(ID, () => {
  test('after a path the broker must open it is an error from "#" to the line end', () => {
    const [d] = withCode(lint('listener 1883\npassword_file /etc/mosquitto/passwd # users\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 36 }, end: { line: 1, character: 43 } });
  });
  test('after other string values it changes the value: a warning: "log_timestamp_format %Y # c"', () => {
    assert.deepEqual(findings('log_timestamp_format %Y # c\n', ID), ['1:warning']);
  });
  test('after a path that is not needed to start (log file) it is a warning', () => {
    assert.deepEqual(findings('log_dest file /var/log/mosquitto.log # rotated\n', ID), ['1:warning']);
  });
  test('after a TLS file of a listener without TLS it is a warning (the file is not opened)', () => {
    assert.deepEqual(findings('listener 8883\ncafile /etc/ca.crt # ca\n', ID, '2.0.11'), ['2:warning']);
  });
  test('after one-word values it is ignored by the broker: information', () => {
    assert.deepEqual(findings('allow_anonymous true # yes\nmax_queued_messages 100 # c\n', ID), ['1:information', '2:information']);
  });
  test('after a listener port: ignored since 1.5.6, taken as the bind address before', () => {
    assert.deepEqual(findings('listener 1883 # plain\n', ID, '1.5.6'), ['1:information']);
    assert.deepEqual(findings('listener 1883 # plain\n', ID, '1.5.5'), ['1:error']);
  });
  test('a "#" that is the value itself is not a comment: "topic # both 0"', () => {
    assert.deepEqual(findings('connection a\naddress h:1883\ntopic # both 0\n', ID), []);
  });
  test('"#" inside a word is no comment: "clientid_prefixes a#b"', () => {
    assert.deepEqual(findings('clientid_prefixes a#b\n', ID), []);
  });
  test('a file the broker creates (pid file) just gets a longer name: a warning', () => {
    assert.deepEqual(findings('pid_file /run/mosquitto.pid # see docs\n', ID, '2.0.11'), ['1:warning']);
    assert.deepEqual(findings('pid_file /run/mosquitto.pid # see /docs\n', ID, '2.0.11'), ['1:error']);
  });
  test('where the broker reads "#" as a further value it is no comment at all: "restart_timeout 10 # c"', () => {
    assert.deepEqual(findings('connection a\nrestart_timeout 10 # c\n', ID, '2.0.11'), ['2:warning']);
  });
});
