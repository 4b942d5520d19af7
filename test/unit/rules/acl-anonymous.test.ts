import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { companionFindings } from '../companionHelpers';

const ID = 'acl-anonymous';

suite(ID, () => {
  test('the first topic line before any user line: information, once', () => {
    assert.deepEqual(companionFindings('acl', 'topic read a\ntopic read b\nuser x\ntopic read c\n', ID), ['1:information']);
  });
  test('patterns and lines after a user are not anonymous', () => {
    assert.deepEqual(companionFindings('acl', 'pattern read %c\nuser x\ntopic read c\n', ID), []);
  });
});
