import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { companionFindings } from '../companionHelpers';

const ID = 'psk-key';

suite(ID, () => {
  test('non-hex and spaces inside the key: errors in every release', () => {
    for (const version of ['2.0.11', '2.1.2']) {
      assert.deepEqual(companionFindings('psk', 'id1:zz12\nid2:00 ff\n', ID, version), ['1:error', '2:error'], version);
    }
  });
  test('an empty key is accepted: warning', () => {
    assert.deepEqual(companionFindings('psk', 'id1:\n', ID), ['1:warning']);
  });
  test('hex in either case, trimmed, CRLF: fine', () => {
    assert.deepEqual(companionFindings('psk', 'id1:00ff\nid2 : DEADbeef \r\n', ID), []);
  });
  test('2.1 skips empty identities before the check, 2.0 does not', () => {
    assert.deepEqual(companionFindings('psk', ' :zz\n', ID, '2.1.2'), []);
    assert.deepEqual(companionFindings('psk', ' :zz\n', ID, '2.0.11'), ['1:error']);
  });
});
