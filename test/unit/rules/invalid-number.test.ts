import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'invalid-number';

suite(ID, () => {
  test('2.1 refuses text in a number: an error on the value: "max_queued_messages 100abc"', () => {
    const [d] = withCode(lint('max_queued_messages 100abc\n', '2.1.2'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 0, character: 20 }, end: { line: 0, character: 26 } });
  });
  test('before 2.1 atoi reads it silently: a warning: "max_queued_messages abc" (2.0.11)', () => {
    assert.deepEqual(findings('max_queued_messages abc\n', ID, '2.0.11'), ['1:warning']);
  });
  test('a trailing tab: refused by 2.1, read as 100 before', () => {
    assert.deepEqual(findings('max_queued_messages 100\t\n', ID, '2.1.2'), ['1:error']);
    assert.deepEqual(findings('max_queued_messages 100\t\n', ID, '2.0.11'), ['1:warning']);
  });
  test('beyond the C int range in 2.1: "max_queued_messages 99999999999"', () => {
    assert.deepEqual(findings('max_queued_messages 99999999999\n', ID, '2.1.2'), ['1:error']);
  });
  test('2.1 reads a leading zero as octal: a warning: "max_queued_messages 010"', () => {
    assert.deepEqual(findings('max_queued_messages 010\n', ID, '2.1.2'), ['1:warning']);
    assert.deepEqual(findings('max_queued_messages 010\n', ID, '2.0.11'), []);
  });
  test('options that still use atoi in 2.1 are lenient there: "memory_limit 10MB"', () => {
    assert.deepEqual(findings('memory_limit 10MB\n', ID, '2.1.2'), ['1:warning']);
  });
  test('a non-numeric listener port: a warning here, out-of-range reports port 0', () => {
    assert.deepEqual(findings('listener mqtt\n', ID, '2.0.11'), ['1:warning']);
  });
  test('plain numbers and negative numbers are fine', () => {
    assert.deepEqual(findings('listener 1883\nmax_connections -1\nmax_queued_messages 1000\n', ID), []);
  });
  test('words a release does not read are not checked: a third restart_timeout value in 2.0', () => {
    assert.deepEqual(findings('connection a\nrestart_timeout 5 30 abc\n', ID, '2.0.11'), []);
  });
});
