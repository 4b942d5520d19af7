import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'nul-character';

suite(ID, () => {
  test('a NUL byte is a warning on that character: "a\\0b" on line 2', () => {
    const [d] = withCode(lint('listener 1883\nallow_anonymous tr\0ue\n'), ID);
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 1, character: 18 }, end: { line: 1, character: 19 } });
  });
  test('the line with the NUL and everything after it are ignored, as the broker does', () => {
    // 'allow_anonymous tr' would be an invalid boolean and 'xyzzy' an unknown directive.
    const text = 'listener 1883\nallow_anonymous tr\0ue\nxyzzy 1\n';
    assert.deepEqual(findings(text, ID), ['2:warning']);
    assert.deepEqual(findings(text, 'invalid-boolean'), []);
    assert.deepEqual(findings(text, 'unknown-directive'), []);
  });
  test('a NUL on a line of its own hides the listener after it', () => {
    assert.deepEqual(findings('allow_anonymous true\n\0\nlistener 1883\n', 'no-listener'), ['1:information']);
  });
  test('only the first NUL is reported: two NUL lines', () => {
    assert.deepEqual(findings('listener 1883\n\0\n\0\n', ID), ['2:warning']);
  });
  test('no NUL, no finding', () => {
    assert.deepEqual(findings('listener 1883\n', ID), []);
  });
});
