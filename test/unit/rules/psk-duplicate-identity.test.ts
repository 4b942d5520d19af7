import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { companionFindings } from '../companionHelpers';

const ID = 'psk-duplicate-identity';

suite(ID, () => {
  test('an identity twice: warning', () => {
    assert.deepEqual(companionFindings('psk', 'id1:00\nid1:ff\n', ID), ['2:warning']);
  });
  test('2.1 does not check the key of a repeated identity; 2.0 does', () => {
    assert.deepEqual(companionFindings('psk', 'id1:00\nid1:zz\n', 'psk-key', '2.1.2'), []);
    assert.deepEqual(companionFindings('psk', 'id1:00\nid1:zz\n', 'psk-key', '2.0.11'), ['2:error']);
  });
});
