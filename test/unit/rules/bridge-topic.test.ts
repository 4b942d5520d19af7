import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'bridge-topic';
const B = 'connection a\naddress h:1883\n';

suite(ID, () => {
  test('QoS above 2 is an error on the QoS', () => {
    const [d] = withCode(lint(`${B}topic sensors/# both 3\n`), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 2, character: 21 }, end: { line: 2, character: 22 } });
  });
  test('an unknown direction; case does not matter for valid ones', () => {
    assert.deepEqual(findings(`${B}topic a/# outgoing 1\ntopic b/# BOTH 1\n`, ID), ['3:error']);
  });
  test('a prefix with wildcards', () => {
    assert.deepEqual(findings(`${B}topic # both 0 a/+/ b/\n`, ID), ['3:error']);
  });
  test('a prefix that does not form a valid filter with the pattern (1.6.10+)', () => {
    assert.deepEqual(findings(`${B}topic # both 0 a b/\n`, ID, '1.6.10'), ['3:error']);
    assert.deepEqual(findings(`${B}topic # both 0 a b/\n`, ID, '1.6.9'), []);
  });
  test('an empty pattern needs both prefixes', () => {
    assert.deepEqual(findings(`${B}topic "" both 0 a/\n`, ID), ['3:error']);
    assert.deepEqual(findings(`${B}topic "" both 0 a/ b/\n`, ID), []);
  });
  test('quoted patterns: 2.1 reads them, older releases split at the space', () => {
    assert.deepEqual(findings(`${B}topic "a b/#" both 0\n`, ID, '2.1.2'), []);
    assert.deepEqual(findings(`${B}topic "a b/#" both 0\n`, ID, '2.0.11'), ['3:error']);
    assert.deepEqual(findings(`${B}topic "a b/# both 0\n`, ID, '2.1.2'), ['3:error']);
  });
  test('valid lines, with a trailing comment (1.5.6+)', () => {
    assert.deepEqual(findings(`${B}topic # both 0\ntopic sensors/# out 1 local/ remote/\ntopic x in 2 # c\n`, ID), []);
  });
});
