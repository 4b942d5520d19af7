import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { suite, test } from 'node:test';
import type { FileSystemAccess, TlsInspector } from '../../../server/src/service';
import { analyze, buildConfig, FindingsCache, parse, updateConfig } from '../../../server/src/service';
import { tlsFileRefs } from '../../../server/src/service/model/tls';
import { settings } from '../helpers';
import { tlsDir } from '../tlsMaterial';
import { diskWithTls } from './tlsHelpers';

/** The disk with the inspector, counting the questions asked of it per path. */
function countingDisk(): { fs: FileSystemAccess; asked: Map<string, number> } {
  const disk = diskWithTls();
  const tls = disk.tls as TlsInspector;
  const asked = new Map<string, number>();
  const count = (key: string): void => void asked.set(key, (asked.get(key) ?? 0) + 1);
  return {
    asked,
    fs: {
      ...disk,
      tls: {
        inspect: (p) => (count(`inspect ${path.basename(p)}`), tls.inspect(p)),
        verifyChain: (certfile, trust) => (count(`chain ${path.basename(certfile)}`), tls.verifyChain(certfile, trust)),
        inspectCaPath: (folder) => (count(`capath ${path.basename(folder)}`), tls.inspectCaPath(folder)),
        userAccess: (p, user) => (count(`access ${path.basename(p)}`), tls.userAccess(p, user)),
      },
    },
  };
}

suite('TLS inspector: asked once per path and analysis', () => {
  const listener = (port: number): string =>
    `listener ${port}\ncafile ${path.join(tlsDir(), 'ca.crt')}\ncertfile ${path.join(tlsDir(), 'server.crt')}\nkeyfile ${path.join(tlsDir(), 'server.key')}\n`;
  const text = `allow_anonymous true\n${listener(8883)}${listener(8884)}${listener(8885)}`;

  test('three listeners naming the same files: each question once per analysis, asked again by the next analysis', () => {
    const { fs, asked } = countingDisk();
    const s = settings('2.0.11', { checkPaths: true });
    const cache = new FindingsCache();
    const first = parse(text, '/tmp/inspect-once.conf');
    analyze({ text, uri: '/tmp/inspect-once.conf', path: '/tmp/inspect-once.conf' }, s, fs, first, cache);
    assert.ok(asked.size > 0);
    for (const [question, times] of asked) {
      assert.equal(times, 1, question);
    }
    // An edit: the next analysis asks again (answers about the disk are not kept across analyses here).
    const edited = text.replace('listener 8885', 'listener 8886');
    analyze({ text: edited, uri: '/tmp/inspect-once.conf', path: '/tmp/inspect-once.conf' }, s, fs, parse(edited, '/tmp/inspect-once.conf', first), cache);
    assert.equal(asked.get('inspect server.crt'), 2);
    for (const [question, times] of asked) {
      assert.equal(times, 2, question);
    }
  });
});

suite('TLS file references: kept per section object', () => {
  const listener = (port: number, cert: string): string =>
    `listener ${port}\ncafile ${path.join(tlsDir(), 'ca.crt')}\ncertfile ${path.join(tlsDir(), cert)}\nkeyfile ${path.join(tlsDir(), 'server.key')}\n`;
  const text = `allow_anonymous true\n${listener(8883, 'server.crt')}${listener(8884, 'server.crt')}`;
  const uri = '/tmp/tls-refs.conf';

  test('an edit in one listener: the other listener keeps its refs (same objects), the edited one gets new ones; other settings make all new', () => {
    const fs = diskWithTls();
    const s = settings('2.0.11', { checkPaths: true });
    const first = parse(text, uri);
    const model = buildConfig({ main: first, path: uri }, s, fs);
    const before = tlsFileRefs(model, s, fs);
    const edited = text.replace(/certfile (\S+)server\.crt\nkeyfile (\S+)\n$/, 'certfile $1fullchain.pem\nkeyfile $2\n');
    assert.notEqual(edited, text);
    const patched = updateConfig(model, { main: parse(edited, uri, first), path: uri }, s, fs);
    assert.equal(patched.listeners[0], model.listeners[0]);
    const after = tlsFileRefs(patched, s, fs);
    assert.equal(after.length, before.length);
    const of = (refs: typeof before, port: number) => refs.filter((r) => r.section.port === port);
    assert.deepEqual(
      of(after, 8883).map((r, i) => r === of(before, 8883)[i]),
      [true, true, true],
    );
    assert.deepEqual(
      of(after, 8884).map((r, i) => r === of(before, 8884)[i]),
      [false, false, false],
    );
    assert.ok(of(after, 8884).some((r) => r.path.endsWith('fullchain.pem')));
    const other = settings('2.0.22', { checkPaths: true });
    const rebuilt = buildConfig({ main: parse(edited, uri), path: uri }, other, fs);
    assert.ok(tlsFileRefs(rebuilt, other, fs).every((r) => !before.includes(r) && !after.includes(r)));
    // The same sections under other settings: worked out again too.
    assert.ok(tlsFileRefs(patched, other, fs).every((r) => !after.includes(r)));
  });
});
