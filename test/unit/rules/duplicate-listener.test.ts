import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'duplicate-listener';

suite(ID, () => {
  test('the same port twice is an error on the second listener line, related to the first', () => {
    const [d] = withCode(lint('listener 1883\nlistener 1883\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
    assert.equal(d.relatedInformation?.[0].location.range.start.line, 0);
  });
  test('the default listener (port) and a listener on the same port', () => {
    assert.deepEqual(findings('port 1883\nlistener 1883\n', ID, '2.0.11'), ['2:error']);
  });
  test('options above the first listener open the default listener on 1883 next to "listener 1883"', () => {
    assert.deepEqual(findings('max_connections 10\nlistener 1883\n', ID, '2.0.11'), ['2:error']);
  });
  // The default_listener condition in src/conf.c at each tag, checked against the brokers
  // (test/broker/cases/default-listener-*.conf and the generator's listener-option-first cases).
  test('options the broker does not check for the default listener leave it closed (1.6.15, 2.0.11, 2.0.22)', () => {
    for (const version of ['1.6.15', '2.0.11', '2.0.22']) {
      for (const option of ['max_topic_alias 10', 'tls_version tlsv1.2', 'http_dir /tmp', 'acl_file /etc/m.acl', 'websockets_log_level 3']) {
        assert.deepEqual(findings(`${option}\nlistener 1883\n`, ID, version), [], `${option} on ${version}`);
      }
    }
  });
  test('options that open it, per release: max_qos and allow_zero_length_clientid from 1.6, ciphers_tls1.3 from 2.0', () => {
    assert.deepEqual(findings('max_qos 1\nlistener 1883\n', ID, '1.6.15'), ['2:error']);
    assert.deepEqual(findings('max_qos 2\nlistener 1883\n', ID, '1.6.15'), []);
    assert.deepEqual(findings('ciphers_tls1.3 TLS_AES_128_GCM_SHA256\nlistener 1883\n', ID, '2.0.11'), ['2:error']);
    assert.deepEqual(findings('ciphers_tls1.3 TLS_AES_128_GCM_SHA256\nlistener 1883\n', ID, '1.6.15'), []);
    assert.deepEqual(findings('bind_interface lo\nlistener 1883\n', ID, '2.0.22'), ['2:error']);
    assert.deepEqual(findings('mount_point a/\nlistener 1883\n', ID, '1.5.11'), ['2:error']);
  });
  test('allow_anonymous before the first listener opens it before 2.0 only (per_listener_settings true)', () => {
    const text = 'per_listener_settings true\nallow_anonymous true\nlistener 1883\n';
    assert.deepEqual(findings(text, ID, '1.6.15'), ['3:error']);
    assert.deepEqual(findings(text, ID, '2.0.22'), []);
  });
  test('bind_address plus a listener on the same address and port', () => {
    assert.deepEqual(findings('bind_address 127.0.0.1\nlistener 1883 127.0.0.1\n', ID, '2.0.11'), ['2:error']);
  });
  test('all addresses next to one address on the same port: an error on Linux, a warning elsewhere', () => {
    const text = 'listener 1883\nlistener 1883 127.0.0.1\n';
    assert.deepEqual(findings(text, ID, '2.0.11'), ['2:error']);
    assert.deepEqual(findings(text, ID, '2.0.11', { platform: 'windows' }), ['2:warning']);
    assert.deepEqual(findings('bind_address 127.0.0.1\nlistener 1883\n', ID, '2.0.11'), ['2:error']);
  });
  test('0.0.0.0 covers IPv4 only: next to an IPv6 address it does not collide', () => {
    assert.deepEqual(findings('listener 1883 0.0.0.0\nlistener 1883 ::1\n', ID), []);
    assert.deepEqual(findings('listener 1883 0.0.0.0\nlistener 1883 192.168.1.2\n', ID), ['2:error']);
  });
  test('different ports, different specific addresses, and unix sockets are fine', () => {
    assert.deepEqual(
      findings('listener 1883\nlistener 1884\nlistener 1885 127.0.0.1\nlistener 1885 10.0.0.1\nlistener 0 /a.sock\nlistener 0 /b.sock\n', ID),
      [],
    );
  });
  test('an unused default listener (2.0.12+ local-only, or 2.1 without options) does not collide', () => {
    assert.deepEqual(findings('listener 1883\n', ID, '2.0.11'), []);
  });
  test('socket_domain narrows what a listener binds: IPv4 default listener next to "listener 1883 ::"', () => {
    assert.deepEqual(findings('socket_domain ipv4\nlistener 1883 ::\n', ID, '2.0.11'), []);
    assert.deepEqual(findings('listener 1883\nsocket_domain ipv4\nlistener 1883\nsocket_domain ipv6\n', ID, '2.0.11'), []);
    assert.deepEqual(findings('listener 1883 localhost\nlistener 1883 localhost\n', ID, '2.0.11'), ['2:error']);
  });
});
