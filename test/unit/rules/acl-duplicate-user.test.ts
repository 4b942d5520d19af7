import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { companionFindings } from '../companionHelpers';

const ID = 'acl-duplicate-user';

suite(ID, () => {
  test('a second block for a user: information (merged by the broker)', () => {
    assert.deepEqual(companionFindings('acl', 'user a\ntopic read x\nuser b\nuser a\n', ID), ['4:information']);
  });
  test('different users: nothing', () => {
    assert.deepEqual(companionFindings('acl', 'user a\nuser b\n', ID), []);
  });
});
