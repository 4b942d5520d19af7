import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { companionFindings, HASH } from '../companionHelpers';

const ID = 'password-line';

suite(ID, () => {
  test('a line without a colon is skipped by the broker: warning', () => {
    assert.deepEqual(companionFindings('passwd', 'alice\n', ID, '2.1.2'), ['1:warning']);
    assert.deepEqual(companionFindings('passwd', 'alice\n', ID, '2.0.11'), ['1:warning']);
  });
  test('last line without line break and nothing after the colon: error from 2.1', () => {
    assert.deepEqual(companionFindings('passwd', 'alice:', ID, '2.1.2'), ['1:error']);
    assert.deepEqual(companionFindings('passwd', 'alice:', ID, '2.0.11'), ['1:warning']);
  });
  test('empty user name: error from 2.1', () => {
    assert.deepEqual(companionFindings('passwd', ` :${HASH}\n`, ID, '2.1.2'), ['1:error']);
    assert.deepEqual(companionFindings('passwd', ` :${HASH}\n`, ID, '2.0.11'), ['1:warning']);
  });
  test('comments and blank lines are fine', () => {
    assert.deepEqual(companionFindings('passwd', `# x\n\n   \nalice:${HASH}\n`, ID), []);
  });
});
