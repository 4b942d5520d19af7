import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { formatPbkdf2, hashProblem, parseVersion } from '../../../server/src/service';
import { companionFindings, HASH } from '../companionHelpers';

const ID = 'password-hash';
const v21 = parseVersion('2.1.2')!;
const v20 = parseVersion('2.0.11')!;

suite(ID, () => {
  test('plaintext: error from 2.1, warning for 2.0 (the user can never log in)', () => {
    assert.deepEqual(companionFindings('passwd', 'alice:secret\n', ID, '2.1.2'), ['1:error']);
    assert.deepEqual(companionFindings('passwd', 'alice:secret\n', ID, '2.0.11'), ['1:warning']);
  });
  test('empty password after the colon (with a line break): refused by 2.1', () => {
    assert.deepEqual(companionFindings('passwd', 'alice:\n', ID, '2.1.2'), ['1:error']);
  });
  test('a mosquitto_passwd hash is fine in both, with CRLF and blanks around', () => {
    assert.deepEqual(companionFindings('passwd', `alice:${HASH}\nbob : ${HASH}  \r\n`, ID, '2.1.2'), []);
    assert.deepEqual(companionFindings('passwd', `alice:${HASH}\n`, ID, '2.0.11'), []);
  });
  test('2.0 collapses $ separators; 2.1 needs the leading $', () => {
    assert.equal(hashProblem(HASH.slice(1), v20), undefined);
    assert.ok(hashProblem(HASH.slice(1), v21));
  });
  test('64-byte salts: 2.1 only; zero iterations and bad base64: neither', () => {
    const salt64 = formatPbkdf2(1000, Buffer.alloc(64, 1).toString('base64'), Buffer.alloc(64, 2).toString('base64'));
    assert.equal(hashProblem(salt64, v21), undefined);
    assert.ok(hashProblem(salt64, v20));
    const zero = formatPbkdf2(0, Buffer.alloc(12, 1).toString('base64'), Buffer.alloc(64, 2).toString('base64'));
    assert.ok(hashProblem(zero, v21));
    assert.ok(hashProblem('$7$101$abc$def', v21));
    assert.ok(hashProblem('$7$101$abc$def', v20));
  });
  test('argon2id: warning (needs a broker built with libargon2)', () => {
    assert.deepEqual(companionFindings('passwd', 'alice:$argon2id$v=19$m=1,t=1,p=1$aaaa$bbbb\n', ID, '2.1.2'), ['1:warning']);
  });
});
