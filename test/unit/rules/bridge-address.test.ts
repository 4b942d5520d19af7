import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'bridge-address';

suite(ID, () => {
  test('a non-numeric port is read as 0: an error on the port', () => {
    const [d] = withCode(lint('connection a\naddress mqtt.example.com:PORT\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 25 }, end: { line: 1, character: 29 } });
  });
  test('ports outside 1-65535: "h:0", "h:70000"', () => {
    assert.deepEqual(findings('connection a\naddress h:0\nconnection b\naddress h:70000\n', ID), ['2:error', '4:error']);
  });
  test('every item of the list is checked: "a:1883 b:x"', () => {
    assert.deepEqual(findings('connection a\naddress a:1883 b:x\n', ID), ['2:error']);
  });
  test('brackets around an IPv6 address are kept: a warning', () => {
    assert.deepEqual(findings('connection a\naddress [::1]:1884\n', ID), ['2:warning']);
  });
  test('IPv6 with the port after the last colon (1.5.1+) and a host without port are fine', () => {
    assert.deepEqual(findings('connection a\naddress ::1:1884 broker.example.com\n', ID), []);
  });
  test('a comment after the addresses is ignored from 1.5.6', () => {
    assert.deepEqual(findings('connection a\naddress h:1883 # main:site\n', ID, '1.5.6'), []);
  });
});
