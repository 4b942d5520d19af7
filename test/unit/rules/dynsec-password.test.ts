import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { checkDynsec, parseVersion } from '../../../server/src/service';

const ID = 'dynsec-password';

/** `line:severity` of this rule's findings (1-based lines). */
function found(text: string, version = '2.1.2'): string[] {
  return checkDynsec(text, parseVersion(version)!)
    .filter((f) => f.code === ID)
    .map((f) => `${f.range.start.line + 1}:${f.severity}`);
}

const SALT = 'AQEBAQEBAQEBAQEB';
const HASH = 'AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg==';

suite(ID, () => {
  test('password, salt and iterations together: fine; none: fine (no password)', () => {
    assert.deepEqual(found(`{"clients": [{"username": "u", "password": "${HASH}", "salt": "${SALT}", "iterations": 101}, {"username": "v"}]}`, '2.0.11'), []);
  });
  test('one of the three missing, or iterations not positive: the client has no password', () => {
    assert.deepEqual(found(`{"clients": [\n{"username": "u", "password": "${HASH}", "salt": "${SALT}"}\n]}`), ['2:warning']);
    assert.deepEqual(found(`{"clients": [{"username": "u", "password": "${HASH}", "salt": "${SALT}",\n"iterations": 0}]}`), ['2:warning']);
  });
  test('2.0: a salt other than 12 bytes or a hash other than 64 bytes drops the client; not base64 in every release', () => {
    const short = `{"clients": [{"username": "u", "password": "${HASH}", "salt": "AAAA", "iterations": 101}]}`;
    assert.deepEqual(found(short, '2.0.11'), ['1:warning']);
    assert.deepEqual(found(short, '2.1.2'), []);
    assert.deepEqual(found(`{"clients": [{"username": "u", "password": "not base64!", "salt": "${SALT}", "iterations": 101}]}`, '2.1.2'), ['1:warning']);
  });
});
