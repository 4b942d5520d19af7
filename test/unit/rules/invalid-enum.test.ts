import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'invalid-enum';

suite(ID, () => {
  test('an unknown keyword value is an error on the value, listing the accepted ones', () => {
    const [d] = withCode(lint('listener 9001\nprotocol websocket\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 18 } });
    assert.ok((d.data as { allowed: string[] }).allowed.includes('websockets'));
  });
  test('values newer than the selected release: "log_dest dlt" needs 2.0', () => {
    assert.deepEqual(findings('log_dest dlt\n', ID, '1.6.15'), ['1:error']);
    assert.deepEqual(findings('log_dest dlt\n', ID, '2.0.11'), []);
  });
  test('tls_version tlsv1 on a TLS listener: refused from 1.6 (error), ignored before (warning)', () => {
    const text = 'listener 8883\ncafile /c\ncertfile /s.crt\nkeyfile /s.key\ntls_version tlsv1\n';
    assert.deepEqual(findings(text, ID, '2.0.11'), ['5:error']);
    assert.deepEqual(findings(text, ID, '1.5.11'), []);
    assert.deepEqual(findings(text.replace('tlsv1', 'tlsv9'), ID, '1.5.11'), ['5:warning']);
  });
  test('tls_version on a listener without TLS is never checked: a warning', () => {
    assert.deepEqual(findings('listener 1883\ntls_version tlsv1\n', ID, '2.0.11'), ['2:warning']);
  });
  test('a trailing blank makes bridge_protocol_version invalid (compared raw)', () => {
    assert.deepEqual(findings('connection a\nbridge_protocol_version mqttv311 \n', ID), ['2:error']);
  });
  test('values the broker does not check at start-up: bridge_tls_version (warning)', () => {
    assert.deepEqual(findings('connection a\nbridge_tls_version tlsv9\n', ID), ['2:warning']);
  });
  test('socket_domain, log_type, log_dest with valid values are fine', () => {
    assert.deepEqual(findings('listener 1883\nsocket_domain ipv4\nlog_type all\nlog_dest syslog\n', ID), []);
  });
  test('"=" is left to assignment-syntax: "protocol = mqtt"', () => {
    assert.deepEqual(findings('listener 1883\nprotocol = mqtt\n', ID), []);
  });
  test('tls_version on a websockets listener: ignored by libwebsockets before 2.1 (warning), checked in 2.1', () => {
    const text = 'listener 9001\nprotocol websockets\ncertfile /s.crt\nkeyfile /s.key\ntls_version tlsv1.2 #default\n';
    assert.deepEqual(findings(text, ID, '2.0.11'), ['5:warning']);
    assert.deepEqual(findings(text, ID, '2.1.2'), ['5:error']);
  });
});
