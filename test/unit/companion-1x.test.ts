/**
 * Releases before 2.0 read companion files with older checks (src/security_default.c of
 * 1.5.11 and 1.6.15); test/broker/companion.ts asks the 1.5.11 and 1.6.15 builds the same cases.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { suite, test } from 'node:test';
import { nodePasswordHasher } from '../../server/src/passwordHasher';
import type { CompanionKind } from '../../server/src/service';
import { companionCompletion, companionHover, formatPbkdf2, hashPlaintextEdits, parseVersion, validateCompanion } from '../../server/src/service';
import { settings } from './helpers';

function errors(kind: CompanionKind, text: string, version: string): string[] {
  return validateCompanion(kind, text, settings(version))
    .filter((d) => d.severity === 1)
    .map((d) => `${d.range.start.line + 1}:${String(d.code)}`);
}

suite('companion files before 2.0', () => {
  test("'deny' is refused before 2.0, accepted from 2.0", () => {
    const acl = 'user a\ntopic deny secret\n';
    assert.deepEqual(errors('acl', acl, '1.5.11'), ['2:acl-access-type']);
    assert.deepEqual(errors('acl', acl, '1.6.15'), ['2:acl-access-type']);
    assert.deepEqual(errors('acl', acl, '2.0.11'), []);
    const message = String(validateCompanion('acl', acl, settings('1.6.15')).find((d) => d.code === 'acl-access-type')?.message ?? '');
    assert.match(message, /2\.0/);
  });
  test("hover and completion say 'deny' needs 2.0, as the 1.x diagnostic does", () => {
    const hover = companionHover('acl', 'topic deny secret\n', { line: 0, character: 2 }, true);
    const hoverText = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(hoverText, /deny.*2\.0/);
    const deny = companionCompletion('acl', 'topic ', { line: 0, character: 6 }).find((c) => c.label === 'deny');
    assert.match(String(deny?.documentation ?? ''), /2\.0/);
  });
  test('1.5 does not check ACL topic filters; 1.6 does', () => {
    for (const acl of ['topic read foo/#/bar\n', 'topic read a/b+\n']) {
      assert.deepEqual(errors('acl', acl, '1.5.11'), [], acl);
      assert.deepEqual(errors('acl', acl, '1.6.15'), ['1:acl-topic'], acl);
    }
  });
  test("1.5 takes blanks after 'user' as the name; a bare 'user' is refused in every release", () => {
    assert.deepEqual(errors('acl', 'user   \ntopic read x\n', '1.5.11'), []);
    assert.ok(validateCompanion('acl', 'user   \ntopic read x\n', settings('1.5.11')).some((d) => d.code === 'acl-user' && d.severity === 2));
    assert.deepEqual(errors('acl', 'user   \ntopic read x\n', '1.6.15'), ['1:acl-user']);
    assert.deepEqual(errors('acl', 'user\ntopic read x\n', '1.5.11'), ['1:acl-user']);
    assert.deepEqual(errors('acl', 'user \ntopic read x\n', '1.5.11'), ['1:acl-user']);
  });
  test('1.5 keeps blanks around a PSK key and refuses them; CRLF alone is fine', () => {
    assert.deepEqual(errors('psk', 'id2 : DEADbeef \r\n', '1.5.11'), ['1:psk-key']);
    assert.deepEqual(errors('psk', 'id2:DEADbeef\r\n', '1.5.11'), []);
    assert.deepEqual(errors('psk', 'id2 : DEADbeef \r\n', '1.6.15'), []);
  });
});

suite('hashing plaintext passwords for 1.x', () => {
  test("1.x gets mosquitto_passwd's $6$ form: base64(12-byte salt), base64(SHA-512(password + salt))", () => {
    const edits = hashPlaintextEdits('alice:correct horse\n', parseVersion('1.6.15')!, nodePasswordHasher);
    assert.equal(edits.length, 1);
    const match = /^\$6\$([^$]+)\$([^$]+)$/.exec(edits[0].newText);
    assert.ok(match, edits[0].newText.slice(0, 4));
    const salt = Buffer.from(match[1], 'base64');
    assert.equal(salt.length, 12);
    assert.equal(match[2], createHash('sha512').update('correct horse').update(salt).digest('base64'));
  });
  test('2.0 still gets $7$', () => {
    const edits = hashPlaintextEdits('alice:x\n', parseVersion('2.0.11')!, nodePasswordHasher);
    assert.match(edits[0].newText, /^\$7\$101\$/);
  });
});

suite('password hashes before 2.0', () => {
  test('a $7$ hash is dropped by 1.x (warning, the broker starts), read by 2.0', () => {
    const hash = formatPbkdf2(101, Buffer.alloc(12, 1).toString('base64'), Buffer.alloc(64, 2).toString('base64'));
    const on16 = validateCompanion('passwd', `alice:${hash}\n`, settings('1.6.15'));
    assert.deepEqual(
      on16.map((d) => [d.code, d.severity]),
      [['password-hash', 2]],
    );
    assert.match(String(on16[0].message), /\$7\$.*2\.0/);
    assert.deepEqual(validateCompanion('passwd', `alice:${hash}\n`, settings('2.0.11')), []);
  });
});
