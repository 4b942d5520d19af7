import * as assert from 'node:assert/strict';
import { pbkdf2Sync } from 'node:crypto';
import { suite, test } from 'node:test';
import { nodePasswordHasher } from '../../server/src/passwordHasher';
import {
  companionCodeActions,
  companionKindOfPath,
  hashPlaintextEdits,
  parseAcl,
  parseColonFile,
  parseVersion,
  plaintextLines,
  readPasswordFile,
  readPskFile,
  validateCompanion,
} from '../../server/src/service';
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

suite('companion files: readers per release and fixes by rule id', () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  test('password file: 2.1 stops at a repeated user and never lists an empty name; 2.0 keeps and checks both', () => {
    const file = parseColonFile('alice:x\n :y\nalice:z\n');
    const on21 = readPasswordFile(file, parseVersion('2.1.2')!);
    const on20 = readPasswordFile(file, parseVersion('2.0.22')!);
    assert.deepEqual(
      on21.map((l) => [l.listed, l.repeatOf, l.checked]),
      [
        [true, undefined, true],
        [false, undefined, false],
        [true, 0, false],
      ],
    );
    assert.deepEqual(
      on20.map((l) => [l.listed, l.repeatOf, l.checked]),
      [
        [true, undefined, true],
        [true, undefined, true],
        [true, 0, true],
      ],
    );
  });
  test('PSK file: a line without a key after the colon is listed (its identity counts for repeats)', () => {
    const lines = readPskFile(parseColonFile('id:00\nid:'), parseVersion('2.0.22')!);
    assert.deepEqual(
      lines.map((l) => [l.listed, l.repeatOf]),
      [
        [true, undefined],
        [true, 0],
      ],
    );
  });
  test("code actions find the fix through the diagnostic's rule id and read its payload back", () => {
    const [diagnostic] = validateCompanion('acl', 'Topic read foo\n', settings('2.1.2'));
    const actions = companionCodeActions('acl', 'Topic read foo\n', 'file:///a.acl', range, [diagnostic]);
    assert.deepEqual(
      actions.map((a) => [a.title, a.edit?.changes?.['file:///a.acl']?.[0]?.newText]),
      [["Change to 'topic'", 'topic']],
    );
  });
  test('a payload under another code, or a payload of the wrong shape, offers no fix', () => {
    const data = { replacement: 'topic', title: "Change to 'topic'" };
    const foreign = { range, message: 'x', code: 'acl-user', data };
    const broken = { range, message: 'x', code: 'acl-keyword', data: { replacement: 3 } };
    assert.deepEqual(companionCodeActions('acl', 'x\n', 'file:///a.acl', range, [foreign, broken]), []);
  });
});
