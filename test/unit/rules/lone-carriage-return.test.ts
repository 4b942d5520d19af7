import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { parse } from '../../../server/src/service';
import { findings, lint, withCode } from '../helpers';

const ID = 'lone-carriage-return';

suite(ID, () => {
  test('a lone CR inside a broker line is a warning from the CR to the end of the joined text, in editor lines: "persistence true\\rlistener 1883"', () => {
    const [d] = withCode(lint('persistence true\rlistener 1883\nallow_anonymous true\n'), ID);
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 0, character: 16 }, end: { line: 1, character: 13 } });
  });
  test('the broker reads the joined line: "listener 1883\\rallow_anonymous true" is one listener line, with no allow_anonymous', () => {
    assert.deepEqual(findings('listener 1883\rallow_anonymous true\n', 'anonymous-refused', '2.0.11'), ['1:warning']);
  });
  test('diagnostics are moved to editor lines: the unknown directive after the joined line is on editor line 3', () => {
    assert.deepEqual(findings('a_b 1\rlistener 1883\nfoo 1\n', 'unknown-directive'), ['1:error', '3:error']);
  });
  test('CR only before the line feed ("a\\r\\r\\n") is what the broker strips: no finding', () => {
    assert.deepEqual(findings('listener 1883\r\r\nallow_anonymous true\r\n', ID), []);
    assert.equal(parse('listener 1883\r\r\nallow_anonymous true\r\n').lines.length, 2);
  });
  test('CRLF files: no finding', () => {
    assert.deepEqual(findings('listener 1883\r\nallow_anonymous true\r\n', ID), []);
  });
  test('a CR at the very end of the file ends nothing the broker reads: no finding', () => {
    assert.deepEqual(findings('listener 1883\r', ID), []);
  });
});
