import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'invalid-boolean';

suite(ID, () => {
  test('"yes" is refused: an error on the value with "true" as the replacement', () => {
    const [d] = withCode(lint('allow_anonymous yes\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 0, character: 16 }, end: { line: 0, character: 19 } });
    assert.deepEqual(d.data, { replacement: 'true' });
  });
  test('case matters: "TRUE", "False" are refused', () => {
    assert.deepEqual(findings('allow_anonymous TRUE\npersistence False\n', ID), ['1:error', '2:error']);
  });
  test('a tab glued to the value: "true<TAB>"', () => {
    assert.deepEqual(findings('allow_anonymous true\t\n', ID), ['1:error']);
  });
  test('true, false, 1 and 0 are accepted', () => {
    assert.deepEqual(findings('allow_anonymous true\npersistence 0\nretain_available 1\nset_tcp_nodelay false\n', ID), []);
  });
  test('fatal from 1.5.4; before that the broker logs it and keeps the old value (warning)', () => {
    assert.deepEqual(findings('allow_anonymous on\n', ID, '1.5.4'), ['1:error']);
    assert.deepEqual(findings('allow_anonymous on\n', ID, '1.5.3'), ['1:warning']);
  });
  test('"=" is left to assignment-syntax: "allow_anonymous = true"', () => {
    assert.deepEqual(findings('allow_anonymous = true\n', ID), []);
  });
});
