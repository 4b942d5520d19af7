import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { companionFindings } from '../companionHelpers';

const ID = 'psk-line';

suite(ID, () => {
  test('no colon, empty identity, missing key on the last line: warnings', () => {
    assert.deepEqual(companionFindings('psk', 'id1\n :00\nid3:', ID), ['1:warning', '2:warning', '3:warning']);
  });
  test('comments and blanks are fine', () => {
    assert.deepEqual(companionFindings('psk', '# x\n\nid1:00\n', ID), []);
  });
});
