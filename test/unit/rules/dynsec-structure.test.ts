import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { checkDynsec, parseVersion } from '../../../server/src/service';

const ID = 'dynsec-structure';

/** `line:severity` of this rule's findings (1-based lines). */
function found(text: string, version = '2.1.2'): string[] {
  return checkDynsec(text, parseVersion(version)!)
    .filter((f) => f.code === ID)
    .map((f) => `${f.range.start.line + 1}:${f.severity}`);
}

suite(ID, () => {
  test('roles, clients or groups that are not arrays stop the loading', () => {
    const [finding] = checkDynsec('{"roles": {}, "clients": 3}', parseVersion('2.0.11')!).filter((f) => f.code === ID);
    assert.match(finding.message, /'roles' must be an array.*clients and groups are not loaded/);
    assert.equal(checkDynsec('{"roles": {}, "clients": 3}', parseVersion('2.0.11')!).length, 1, 'loading stops at the first');
    assert.deepEqual(found('{"groups": "g"}'), ['1:warning']);
  });
  test('entries that are not objects or lack their name are skipped', () => {
    assert.deepEqual(found('{"clients": [\n"u",\n{"textname": "x"}\n]}'), ['2:warning', '3:warning']);
    assert.deepEqual(found('{"groups": [{"groupname": 1}], "roles": [{"rolename": "r"}]}'), ['1:warning']);
  });
  test('priority must be a number, allow a boolean, an ACL needs a topic string', () => {
    const text =
      '{"roles": [{"rolename": "r", "acls": [\n{"acltype": "subscribeLiteral", "topic": "a", "priority": "2"},\n{"acltype": "subscribeLiteral", "topic": "b", "allow": "yes"},\n{"acltype": "subscribeLiteral"}\n]}]}';
    assert.deepEqual(found(text), ['2:warning', '3:warning', '4:warning']);
    assert.deepEqual(found('{"roles": [{"rolename": "r", "acls": [{"acltype": "subscribeLiteral", "topic": "a", "priority": -3, "allow": false}]}]}'), []);
  });
  test('defaultACLAccess: an object of the four booleans (names case-sensitive)', () => {
    assert.deepEqual(found('{"defaultACLAccess": {"publishClientSend": true, "subscribe": false, "unsubscribe": true, "publishClientReceive": false}}'), []);
    assert.deepEqual(found('{"defaultACLAccess": {\n"Subscribe": true,\n"subscribe": "no"}}'), ['2:warning', '3:warning']);
    assert.deepEqual(found('{"defaultACLAccess": []}'), ['1:warning']);
  });
  test('text after the top-level object is ignored by the plugin', () => {
    assert.deepEqual(found('{"roles": []}\nextra'), ['2:warning']);
  });
});
