import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'duplicate-bridge-name';
const TEXT = 'connection cloud\naddress a:1883\ntopic a/# out 0\nconnection cloud\naddress b:1883\ntopic b/# out 0\n';

suite(ID, () => {
  test('a second bridge with the same name is an error on its connection line, related to the first', () => {
    const [d] = withCode(lint(TEXT), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 10 } });
    assert.equal(d.relatedInformation?.[0].location.range.start.line, 0);
  });
  test('checked from 1.4.12; older releases accept it (warning)', () => {
    assert.deepEqual(findings(TEXT, ID, '1.4.12'), ['4:error']);
    assert.deepEqual(findings(TEXT, ID, '1.4.11'), ['4:warning']);
  });
  test('different names are fine; names are case-sensitive', () => {
    assert.deepEqual(findings(TEXT.replace('connection cloud\naddress b', 'connection Cloud\naddress b'), ID), []);
  });
});
