import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { suite, test } from 'node:test';
import { nodeTlsInspector } from '../../../server/src/tlsInspector';
import { tlsDir } from '../tlsMaterial';

suite('TLS inspector (node:crypto, server side)', () => {
  const inspector = nodeTlsInspector();
  const at = (name: string): string => path.join(tlsDir(), name);
  test('recognises PEM, DER certificate and key, PKCS#12, PKCS#7 (PEM and DER), OpenSSH, empty and text files', () => {
    const formats = Object.fromEntries(
      ['fullchain.pem', 'server.der', 'server-key.der', 'server.pfx', 'server-der.p7b', 'empty.pem', 'notes.txt'].map((n) => [
        n,
        inspector.inspect(at(n))?.format,
      ]),
    );
    assert.deepEqual(formats, {
      'fullchain.pem': 'pem',
      'server.der': 'der-certificate',
      'server-key.der': 'der-private-key',
      'server.pfx': 'pkcs12',
      'server-der.p7b': 'pkcs7-der',
      'empty.pem': 'empty',
      'notes.txt': 'text',
    });
    assert.deepEqual(inspector.inspect(at('server.p7b'))?.pemLabels, ['PKCS7']);
    assert.deepEqual(inspector.inspect(at('ssh.key'))?.pemLabels, ['OPENSSH PRIVATE KEY']);
    assert.equal(inspector.inspect(at('int.crl'))?.crls, 1);
  });
  test('certificates: names, CA flag, self-signed, and the public key shared with the private key', () => {
    const facts = inspector.inspect(at('fullchain.pem'));
    assert.equal(facts?.certificates.length, 2);
    assert.equal(facts?.certificates[0].ca, false);
    assert.equal(facts?.certificates[1].ca, true);
    assert.equal(inspector.inspect(at('ca.crt'))?.certificates[0].selfSigned, true);
    assert.equal(inspector.inspect(at('server.key'))?.privateKeys[0].publicKeyId, facts?.certificates[0].publicKeyId);
    assert.notEqual(inspector.inspect(at('other.key'))?.privateKeys[0].publicKeyId, facts?.certificates[0].publicKeyId);
    assert.equal(inspector.inspect(at('encrypted.key'))?.privateKeys[0].encrypted, true);
  });
  test('chains and capath folders', () => {
    assert.deepEqual(inspector.verifyChain(at('fullchain.pem'), {}), { kind: 'trusted' });
    assert.deepEqual(inspector.verifyChain(at('server.crt'), { capath: at('capath') }), { kind: 'trusted' });
    assert.equal(inspector.verifyChain(at('server.crt'), { capath: at('capath-unhashed') })?.kind, 'missing-issuer');
    assert.equal(inspector.verifyChain(at('rogue.crt'), { cafile: at('cachain.pem') })?.kind, 'missing-issuer');
    assert.deepEqual(inspector.inspectCaPath(at('capath-unhashed')), { certificates: 2, hashed: 0, unhashed: ['intermediate.pem', 'root.pem'] });
    assert.deepEqual(inspector.inspectCaPath(at('capath')), { certificates: 2, hashed: 2, unhashed: [] });
  });
  test('reads only regular files up to 1 MB: not folders, FIFOs or larger files', (t) => {
    assert.equal(inspector.inspect(at('big.pem')), undefined);
    assert.equal(inspector.inspect(at('capath')), undefined);
    assert.equal(inspector.inspect(at('does-not-exist.pem')), undefined);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tls-fifo-'));
    try {
      if (spawnSync('mkfifo', [path.join(dir, 'fifo')]).status !== 0) {
        t.skip('mkfifo is not available');
        return;
      }
      // Reading a FIFO without a writer would block forever: the inspector must not open it.
      assert.equal(inspector.inspect(path.join(dir, 'fifo')), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test('cached by path, size and modification time: a changed file is read again', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tls-cache-'));
    try {
      const file = path.join(dir, 'cert.pem');
      copyFileSync(at('server.crt'), file);
      assert.equal(inspector.inspect(file)?.format, 'pem');
      assert.strictEqual(inspector.inspect(file), inspector.inspect(file), 'unchanged: the same answer object');
      writeFileSync(file, 'now text\n');
      utimesSync(file, new Date(), new Date(Date.now() + 5000));
      assert.equal(inspector.inspect(file)?.format, 'text');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test('run-time user: readable, unreadable because of a folder, unknown user', () => {
    assert.equal(inspector.userAccess(at('ca.crt'), 'no-such-user-here'), 'unknown-user');
    assert.equal(inspector.userAccess(at('ca.crt'), 'root'), 'readable');
    if (
      process.platform === 'linux' &&
      typeof process.getuid === 'function' &&
      process.getuid() === 0 &&
      inspector.userAccess(at('ca.crt'), 'mosquitto') !== 'unknown-user'
    ) {
      assert.equal(inspector.userAccess(at('ca.crt'), 'mosquitto'), 'readable');
      assert.equal(inspector.userAccess(at('private/server.key'), 'mosquitto'), 'unreadable');
      assert.equal(inspector.userAccess(at('rootonly.key'), 'mosquitto'), 'unreadable');
    }
  });
});
