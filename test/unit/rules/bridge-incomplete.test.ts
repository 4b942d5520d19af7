import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'bridge-incomplete';

suite(ID, () => {
  test('a bridge without topic is an error on its connection line', () => {
    const [d] = withCode(lint('connection cloud\naddress h:1883\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } });
    assert.deepEqual(d.data, { missing: ['topic'] });
  });
  test('without address', () => {
    const [d] = withCode(lint('connection cloud\ntopic # out 0\n'), ID);
    assert.deepEqual(d.data, { missing: ['address'] });
  });
  test('without both: one finding naming both', () => {
    assert.deepEqual(
      withCode(lint('connection cloud\n'), ID).map((d) => d.data),
      [{ missing: ['address', 'topic'] }],
    );
  });
  test('"addresses" counts as address; every version refuses (1.4.15)', () => {
    assert.deepEqual(findings('connection a\naddresses h:1883\ntopic # out 0\n', ID), []);
    assert.deepEqual(findings('connection a\n', ID, '1.4.15'), ['1:error']);
  });
  test('a bridge without name is left to missing-value', () => {
    assert.deepEqual(findings('connection\n', ID), []);
  });
});
