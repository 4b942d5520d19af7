import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { positionAfterEdit, withoutWordBeingTyped } from '../../../server/src/service/features/typing';
import { lint } from '../helpers';

const codesOnLine = (text: string, line: number, cursor: { line: number; character: number } | undefined): string[] =>
  withoutWordBeingTyped(lint(text, '2.0.11'), cursor)
    .filter((d) => d.range.start.line === line)
    .map((d) => String(d.code));

suite('unknown directive while typing', () => {
  test('the word ending at the cursor is not reported yet', () => {
    const text = 'listener 1883\nallow_anonymous true\nliste';
    assert.ok(
      lint(text, '2.0.11').some((d) => d.code === 'unknown-directive'),
      'the rule reports it without a cursor',
    );
    assert.deepEqual(
      codesOnLine(text, 2, { line: 2, character: 5 }).filter((c) => c === 'unknown-directive'),
      [],
    );
  });
  test('a space typed after the word, or an edit elsewhere, brings it back', () => {
    assert.ok(codesOnLine('listener 1883\nliste ', 1, { line: 1, character: 6 }).includes('unknown-directive'));
    assert.ok(codesOnLine('listener 1883\nliste', 1, { line: 0, character: 13 }).includes('unknown-directive'));
    assert.ok(codesOnLine('listener 1883\nliste', 1, undefined).includes('unknown-directive'));
  });
  test('the cursor inside the word does not hide it', () => {
    assert.ok(codesOnLine('listener 1883\nliste', 1, { line: 1, character: 3 }).includes('unknown-directive'));
  });
  test('other findings, on that line and elsewhere, are kept', () => {
    const text = 'listener 1883\nlistener 1883\nliste';
    const all = lint(text, '2.0.11');
    const kept = withoutWordBeingTyped(all, { line: 2, character: 5 });
    assert.equal(kept.length, all.length - 1);
    assert.deepEqual(
      kept.map((d) => d.code),
      all.filter((d) => !(d.code === 'unknown-directive' && d.range.start.line === 2)).map((d) => d.code),
    );
  });
  test('positionAfterEdit: the end of the inserted text', () => {
    assert.deepEqual(positionAfterEdit({ line: 3, character: 4 }, 'e'), { line: 3, character: 5 });
    assert.deepEqual(positionAfterEdit({ line: 3, character: 4 }, ''), { line: 3, character: 4 });
    assert.deepEqual(positionAfterEdit({ line: 3, character: 4 }, 'ab\ncd'), { line: 4, character: 2 });
    assert.deepEqual(positionAfterEdit({ line: 3, character: 4 }, 'ab\r\n'), { line: 4, character: 0 });
  });
});
