import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { checkDynsec, parseVersion } from '../../../server/src/service';

const ID = 'dynsec-acl-type';

/** `line:severity` of this rule's findings (1-based lines). */
function found(text: string, version = '2.1.2'): string[] {
  return checkDynsec(text, parseVersion(version)!)
    .filter((f) => f.code === ID)
    .map((f) => `${f.range.start.line + 1}:${f.severity}`);
}

suite(ID, () => {
  test('the six role ACL types, without regard to case (strcasecmp in roles.c)', () => {
    for (const type of [
      'publishClientSend',
      'publishClientReceive',
      'subscribeLiteral',
      'subscribePattern',
      'unsubscribeLiteral',
      'unsubscribePattern',
      'SUBSCRIBEPATTERN',
    ]) {
      assert.deepEqual(found(`{"roles": [{"rolename": "r", "acls": [{"acltype": "${type}", "topic": "a"}]}]}`), [], type);
    }
  });
  test('subscribe/unsubscribe (defaultACLAccess names), misspellings, missing or non-string types are skipped: warnings', () => {
    const text =
      '{"roles": [{"rolename": "r", "acls": [\n{"acltype": "subscribe", "topic": "a"},\n{"acltype": "publish", "topic": "a"},\n{"topic": "a"},\n{"acltype": 1, "topic": "a"}\n]}]}';
    assert.deepEqual(found(text, '2.0.11'), ['2:warning', '3:warning', '4:warning', '5:warning']);
  });
});
