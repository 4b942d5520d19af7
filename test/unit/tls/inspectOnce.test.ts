import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { suite, test } from 'node:test';
import type { FileSystemAccess, TlsInspector } from '../../../server/src/service';
import { analyze, FindingsCache, parse } from '../../../server/src/service';
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
