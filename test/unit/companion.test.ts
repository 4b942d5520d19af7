import * as assert from 'node:assert/strict';
import { pbkdf2Sync } from 'node:crypto';
import { suite, test } from 'node:test';
import { nodePasswordHasher } from '../../server/src/passwordHasher';
import { companionKindOfPath, hashPlaintextEdits, parseAcl, parseColonFile, parseVersion, plaintextLines, validateCompanion } from '../../server/src/service';
import { settings } from './helpers';

suite('companion files: detection by name', () => {
  test('names inside a mosquitto folder', () => {
    assert.equal(companionKindOfPath('/etc/mosquitto/aclfile'), 'acl');
    assert.equal(companionKindOfPath('/srv/mosquitto/config/site.acl'), 'acl');
    assert.equal(companionKindOfPath('/etc/mosquitto/passwd'), 'passwd');
    assert.equal(companionKindOfPath('C:\\mosquitto\\pwfile'), 'passwd');
    assert.equal(companionKindOfPath('/etc/mosquitto/users.pwfile'), 'passwd');
    assert.equal(companionKindOfPath('/etc/mosquitto/pskfile'), 'psk');
    assert.equal(companionKindOfPath('/etc/mosquitto/ids.psk'), 'psk');
  });
  test('never /etc/passwd or files outside mosquitto folders', () => {
    assert.equal(companionKindOfPath('/etc/passwd'), undefined);
    assert.equal(companionKindOfPath('/home/me/passwd'), undefined);
    assert.equal(companionKindOfPath('/etc/mosquitto/mosquitto.conf'), undefined);
  });
});

suite('companion files: reader quirks', () => {
  test('ACL: topic with spaces keeps them; the access word is the first word', () => {
    const line = parseAcl('topic read my topic/x  \n').lines[0];
    assert.ok(line.kind === 'topic');
    assert.equal(line.topic?.text, 'my topic/x');
    assert.equal(line.access, 'read');
  });
  test('ACL: topic without access type grants readwrite', () => {
    const line = parseAcl('topic foo/#\n').lines[0];
    assert.ok(line.kind === 'topic');
    assert.equal(line.access, 'readwrite');
    assert.equal(line.accessWord, undefined);
  });
  test('colon files: password is cut at the next colon, name and password trimmed, CRLF stripped', () => {
    const line = parseColonFile(' alice : pa:ss \r\n').lines[0];
    assert.ok(line.kind === 'entry');
    assert.equal(line.name.text, 'alice');
    assert.equal(line.secret?.text, 'pa');
  });
  test('colon files: "name:" with a line break has an empty secret, without one a missing secret', () => {
    const withBreak = parseColonFile('alice:\n').lines[0];
    const atEnd = parseColonFile('alice:').lines[0];
    assert.ok(withBreak.kind === 'entry' && atEnd.kind === 'entry');
    assert.equal(withBreak.secret?.text, '');
    assert.equal(atEnd.secret, undefined);
  });
  test('bad input never throws and yields diagnostics, not a crash', () => {
    for (const text of ['\0\0', ':::', '\r\r\r', 'topic '.repeat(10000), '$$$:$$$\n']) {
      for (const kind of ['acl', 'passwd', 'psk'] as const) {
        assert.ok(Array.isArray(validateCompanion(kind, text, settings())));
      }
    }
  });
});

suite('companion files: hashing plaintext passwords', () => {
  const v21 = parseVersion('2.1.2')!;
  const v20 = parseVersion('2.0.11')!;
  test('only plaintext lines, never lines with a second colon, hashes or comments', () => {
    assert.deepEqual(plaintextLines('# c\nalice:secret\nbob:$7$1$x$y\ncarol:a:b\n\ndave : pw \n'), [1, 5]);
  });
  test('replaces just the password field with mosquitto_passwd parameters per release', () => {
    const calls: string[] = [];
    const edits = hashPlaintextEdits('alice:secret\n', v20, (pw, p) => {
      calls.push(`${pw}/${p.saltBytes}/${p.iterations}`);
      return 'HASHED';
    });
    assert.deepEqual(calls, ['secret/12/101']);
    assert.deepEqual(edits, [{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 12 } }, newText: 'HASHED' }]);
    hashPlaintextEdits('alice:secret\n', v21, (pw, p) => {
      calls.push(`${pw}/${p.saltBytes}/${p.iterations}`);
      return 'HASHED';
    });
    assert.equal(calls[1], 'secret/64/1000');
  });
  test('the node hasher writes a $7$ field the release accepts and that verifies with PBKDF2-SHA512', () => {
    for (const version of [v20, v21]) {
      const [edit] = hashPlaintextEdits('alice:secret\n', version, nodePasswordHasher);
      const [, type, iterations, salt, hash] = edit.newText.split('$');
      assert.equal(type, '7');
      const expected = pbkdf2Sync('secret', Buffer.from(salt, 'base64'), Number(iterations), 64, 'sha512').toString('base64');
      assert.equal(hash, expected);
      assert.deepEqual(validateCompanion('passwd', `alice:${edit.newText}\n`, settings(version === v20 ? '2.0.11' : '2.1.2')), []);
    }
  });
});
