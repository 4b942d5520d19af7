import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'byte-order-mark';

suite(ID, () => {
  test('a UTF-8 BOM is an error on the first character: "\\ufefflistener 1883"', () => {
    const [d] = withCode(lint('\ufefflistener 1883\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
  });
  test('also when the first line is a comment (it stops being one): "\\ufeff# c"', () => {
    assert.deepEqual(findings('\ufeff# c\nlistener 1883\n', ID), ['1:error']);
  });
  test('the BOM does not also count as an unknown directive', () => {
    assert.deepEqual(findings('\ufefflistener 1883\n', 'unknown-directive'), []);
  });
  test('no BOM, no finding; a U+FEFF later in the file is not a BOM', () => {
    assert.deepEqual(findings('listener 1883\n', ID), []);
    assert.deepEqual(findings('listener 1883\nclientid_prefixes a\ufeff\n', ID), []);
  });
  test('the same in every version (1.4.15)', () => {
    assert.deepEqual(findings('\ufeffport 1883\n', ID, '1.4.15'), ['1:error']);
  });
});
