import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { companionFindings, HASH } from '../companionHelpers';

const ID = 'password-duplicate-user';

suite(ID, () => {
  test('a user twice: error from 2.1, warning for 2.0', () => {
    const text = `alice:${HASH}\nbob:${HASH}\nalice:${HASH}\n`;
    assert.deepEqual(companionFindings('passwd', text, ID, '2.1.2'), ['3:error']);
    assert.deepEqual(companionFindings('passwd', text, ID, '2.0.11'), ['3:warning']);
  });
  test('names are trimmed before comparing', () => {
    assert.deepEqual(companionFindings('passwd', `alice:${HASH}\n alice :${HASH}\n`, ID), ['2:error']);
  });
});
