import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { companionFindings, lintCompanion } from '../companionHelpers';

const ID = 'acl-keyword';

suite(ID, () => {
  test('a misspelt keyword is an error with a quick fix: topci read foo', () => {
    const [d] = lintCompanion('acl', 'topci read foo\n').filter((x) => x.code === ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });
    assert.deepEqual(d.data, { replacement: 'topic', title: "Change to 'topic'" });
  });
  test('keywords are lower case: Topic is an error', () => {
    assert.deepEqual(companionFindings('acl', 'Topic read foo\n', ID), ['1:error']);
  });
  test('an indented # is not a comment: error; column-0 # is', () => {
    assert.deepEqual(companionFindings('acl', '  # note\n# fine\n', ID), ['1:error']);
  });
  test('a tab after the keyword glues it to the next word: error', () => {
    assert.deepEqual(companionFindings('acl', 'topic\tread foo\n', ID), ['1:error']);
  });
  test('leading spaces before a keyword, blank lines, CRLF and trailing blanks are fine', () => {
    assert.deepEqual(lintCompanion('acl', 'user bob  \r\n   topic read a\n\n   \ntopic read b\t \r\n'), []);
  });
});
