import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'tab-separator';

suite(ID, () => {
  test('a tab between keyword and value is an error on the tab: "listener<TAB>1883"', () => {
    const [d] = withCode(lint('listener\t1883\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } });
  });
  test('a line indented with a tab: "<TAB>allow_anonymous true"', () => {
    const [d] = withCode(lint('listener 1883\n\tallow_anonymous true\n'), ID);
    assert.deepEqual(d.range.start, { line: 1, character: 0 });
  });
  test('spaces then a tab: "  <TAB>listener 1883"', () => {
    assert.deepEqual(findings('  \tlistener 1883\n', ID), ['1:error']);
  });
  test('a line holding only a tab is not blank to the broker: "<TAB>"', () => {
    assert.deepEqual(findings('listener 1883\n\t\n', ID), ['2:error']);
  });
  test('spaces are fine, several of them too: "listener    1883"', () => {
    assert.deepEqual(findings('listener    1883\n    allow_anonymous true\n', ID), []);
  });
  test('a tab after the value is not this rule: "allow_anonymous true<TAB>" (invalid-boolean)', () => {
    assert.deepEqual(findings('allow_anonymous true\t\n', ID), []);
  });
  test('the same in every version: "port<TAB>1883" (1.4.15)', () => {
    assert.deepEqual(findings('port\t1883\n', ID, '1.4.15'), ['1:error']);
  });
});
