import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'indented-comment';

suite(ID, () => {
  test('a comment indented with spaces is an error over the whole line: "  # note"', () => {
    const [d] = withCode(lint('listener 1883\n  # note\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
  });
  test('"#" glued to text after spaces: "   #listener 1884"', () => {
    assert.deepEqual(findings('   #listener 1884\n', ID), ['1:error']);
  });
  test('a comment in column 0 is fine: "# note"', () => {
    assert.deepEqual(findings('# note\n#\n#listener 1884\n', ID), []);
  });
  test('"#" after a value is trailing-comment, not this rule: "listener 1883 # x"', () => {
    assert.deepEqual(findings('listener 1883 # x\n', ID), []);
  });
  test('the same in every version: "  # c" (1.4.15, 2.0.11)', () => {
    assert.deepEqual(findings('  # c\n', ID, '1.4.15'), ['1:error']);
    assert.deepEqual(findings('  # c\n', ID, '2.0.11'), ['1:error']);
  });
});
