import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'out-of-range';

suite(ID, () => {
  test('a port above 65535 is an error on the port: "listener 70000"', () => {
    const [d] = withCode(lint('listener 70000\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 0, character: 9 }, end: { line: 0, character: 14 } });
  });
  test('port 0 needs a unix socket path from 2.0 and is invalid before', () => {
    assert.deepEqual(findings('listener 0\n', ID, '2.0.11'), ['1:error']);
    assert.deepEqual(findings('listener 0 /run/m.sock\n', ID, '2.0.11'), []);
    assert.deepEqual(findings('listener 0 /run/m.sock\n', ID, '1.6.15'), ['1:error']);
  });
  test('unix sockets are not in released Windows builds: "listener 0 /x" on windows', () => {
    assert.deepEqual(findings('listener 0 C:/m.sock\n', ID, '2.1.2', { platform: 'windows' }), ['1:error']);
  });
  test('text read as port 0 by atoi: "listener mqtt" (2.0.11)', () => {
    assert.deepEqual(findings('listener mqtt\n', ID, '2.0.11'), ['1:error']);
  });
  test('max_keepalive: 10-65535 until 2.0.12, 0 allowed from 2.0.13', () => {
    assert.deepEqual(findings('max_keepalive 0\n', ID, '2.0.11'), ['1:error']);
    assert.deepEqual(findings('max_keepalive 5\n', ID, '2.0.12'), ['1:error']);
    assert.deepEqual(findings('max_keepalive 0\n', ID, '2.0.13'), []);
  });
  test('limits that only newer releases enforce: max_inflight_messages > 65535 (1.6+)', () => {
    assert.deepEqual(findings('max_inflight_messages 70000\n', ID, '1.6.0'), ['1:error']);
    assert.deepEqual(findings('max_inflight_messages 70000\n', ID, '1.5.11'), []);
  });
  test('max_qos, sys_interval, log_facility, message_size_limit ranges', () => {
    const text = 'listener 1883\nmax_qos 3\nsys_interval 70000\nlog_facility 9\nmessage_size_limit 300000000\n';
    assert.deepEqual(findings(text, ID, '2.0.11'), ['2:error', '3:error', '4:error', '5:error']);
  });
  test('enable_proxy_protocol is 1 or 2 (2.1.2 refuses other numbers: checked against the broker)', () => {
    assert.deepEqual(findings('listener 1883\nenable_proxy_protocol 3\n', ID, '2.1.2'), ['2:error']);
    assert.deepEqual(findings('listener 1883\nenable_proxy_protocol 0\n', ID, '2.1.2'), ['2:error']);
    assert.deepEqual(findings('listener 1883\nenable_proxy_protocol 2\n', ID, '2.1.2'), []);
  });
  test('bridge keepalive above 65535 (2.0+)', () => {
    assert.deepEqual(findings('connection a\nkeepalive_interval 70000\n', ID, '2.0.11'), ['2:error']);
  });
  test('values inside the range are fine', () => {
    assert.deepEqual(findings('listener 65535\nmax_qos 2\nsys_interval 10\n', ID), []);
  });
  test('restart_timeout: a backoff cap below the base (1.6+), a negative stable period (2.1)', () => {
    assert.deepEqual(findings('connection a\nrestart_timeout 30 10\n', ID, '2.0.11'), ['2:error']);
    assert.deepEqual(findings('connection a\nrestart_timeout 30 10\n', ID, '1.5.11'), []);
    assert.deepEqual(findings('connection a\nrestart_timeout 5 30 -1\n', ID, '2.1.2'), ['2:error']);
    assert.deepEqual(findings('connection a\nrestart_timeout 5 30\n', ID, '2.0.11'), []);
  });
  test('a unix socket path longer than the system allows (107 bytes on Linux, 103 on macOS)', () => {
    const long = `/run/${'x'.repeat(110)}.sock`;
    assert.deepEqual(findings(`listener 0 ${long}\n`, ID, '2.0.11'), ['1:error']);
    assert.deepEqual(findings(`listener 0 /run/${'x'.repeat(100)}\n`, ID, '2.0.11', { platform: 'macos' }), ['1:error']);
    assert.deepEqual(findings(`listener 0 /run/${'x'.repeat(100)}\n`, ID, '2.0.11', { platform: 'linux' }), []);
  });
});
