import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'directive-case';

suite(ID, () => {
  test('a keyword in the wrong case is an error: "Listener 1883"', () => {
    const [d] = withCode(lint('Listener 1883\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } });
    assert.deepEqual((d.data as { candidates: string[] }).candidates, ['listener']);
  });
  test('upper case throughout: "ALLOW_ANONYMOUS true"', () => {
    assert.deepEqual(findings('listener 1883\nALLOW_ANONYMOUS true\n', ID), ['2:error']);
  });
  test('correct case is fine: "listener 1883"', () => {
    assert.deepEqual(findings('listener 1883\n', ID), []);
  });
  test('a keyword that is unknown in any case is left to unknown-directive: "Lisener 1883"', () => {
    assert.deepEqual(findings('Lisener 1883\n', ID), []);
  });
  test('reported in every version (matching is case-sensitive since 1.4): "Port 1883" (1.4.15)', () => {
    assert.deepEqual(findings('Port 1883\n', ID, '1.4.15'), ['1:error']);
  });
});
