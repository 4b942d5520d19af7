import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { parseAcl } from '../../../server/src/service';
import { companionFindings } from '../companionHelpers';

const ID = 'acl-user';

suite(ID, () => {
  test('user without a name (trailing blanks do not count): error', () => {
    assert.deepEqual(companionFindings('acl', 'user\nuser   \n', ID), ['1:error', '2:error']);
  });
  test('a name with spaces is the rest of the line, trimmed', () => {
    assert.deepEqual(companionFindings('acl', 'user  alice smith  \ntopic read a\n', ID), []);
    const line = parseAcl('user  alice smith  \ntopic read a\n').lines[1];
    assert.equal(line.kind === 'topic' ? line.user : undefined, 'alice smith');
  });
});
