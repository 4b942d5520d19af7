import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'control-character';

suite(ID, () => {
  test('a tab inside a string value is an error on the tab: "log_timestamp_format %Y<TAB>%H"', () => {
    const [d] = withCode(lint('log_timestamp_format %Y\t%H\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 0, character: 23 }, end: { line: 0, character: 24 } });
  });
  test('other control characters too: "clientid_prefixes a\\u0007b"', () => {
    assert.deepEqual(findings('clientid_prefixes a\u0007b\n', ID), ['1:error']);
  });
  test('refused from 1.6.0; 1.5 accepts control characters (no finding)', () => {
    assert.deepEqual(findings('pid_file /tmp/a\tb\n', ID, '1.6.0'), ['1:error']);
    assert.deepEqual(findings('pid_file /tmp/a\tb\n', ID, '1.5.11'), []);
  });
  test('invalid UTF-8 (decoded as U+FFFD) is refused from 1.5, not checked by 1.4', () => {
    assert.deepEqual(findings('pid_file /tmp/\ufffd\n', ID, '1.5.0'), ['1:error']);
    assert.deepEqual(findings('pid_file /tmp/\ufffd\n', ID, '1.4.15'), []);
  });
  test('a trailing tab is trimmed, so it is no control character: "pid_file /tmp/a<TAB>"', () => {
    assert.deepEqual(findings('pid_file /tmp/a\t\n', ID), []);
  });
  test('values the broker does not UTF-8-check are not reported: include_dir, one-token values', () => {
    assert.deepEqual(findings('include_dir /etc/a\tb\nallow_anonymous t\u0007\n', ID), []);
  });
  test('plugin paths: string (checked) up to 2.0, raw (not checked) from 2.1.1', () => {
    assert.deepEqual(findings('plugin /usr/lib/a\tb.so\n', ID, '2.0.11'), ['1:error']);
    assert.deepEqual(findings('plugin /usr/lib/a\tb.so\n', ID, '2.1.2'), []);
  });
  test('plain text is fine', () => {
    assert.deepEqual(findings('log_timestamp_format %Y-%m-%d %H:%M\n', ID), []);
  });
});
