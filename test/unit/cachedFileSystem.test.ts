import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { cachedFileSystem } from '../../server/src/nodeFileSystem';
import type { FileSystemAccess } from '../../server/src/service';

/** A file system that counts how often it is asked. */
function countingFs(): { fs: FileSystemAccess; calls: string[]; exists: Set<string> } {
  const calls: string[] = [];
  const exists = new Set<string>(['/etc/a.crt']);
  return {
    calls,
    exists,
    fs: {
      hostPlatform: 'linux',
      stat: (p) => {
        calls.push(`stat ${p}`);
        return exists.has(p) ? { kind: 'file', readable: true } : undefined;
      },
      readDirectory: (p) => {
        calls.push(`dir ${p}`);
        return [];
      },
      readFile: (p) => {
        calls.push(`read ${p}`);
        return 'x';
      },
    },
  };
}

suite('server: file answers reused between keystrokes', () => {
  test('within the time to live the disk is asked once; after it, again', () => {
    let clock = 0;
    const { fs, calls } = countingFs();
    const cached = cachedFileSystem(fs, 3000, () => clock);
    assert.deepEqual(cached.stat('/etc/a.crt'), { kind: 'file', readable: true });
    clock = 2999;
    cached.stat('/etc/a.crt');
    cached.readDirectory('/etc/conf.d');
    cached.readDirectory('/etc/conf.d');
    assert.deepEqual(calls, ['stat /etc/a.crt', 'dir /etc/conf.d']);
    clock = 6000;
    cached.stat('/etc/a.crt');
    assert.equal(calls.filter((c) => c === 'stat /etc/a.crt').length, 2);
  });
  test('clear() forgets: a file created since is seen at once', () => {
    const { fs, exists } = countingFs();
    const cached = cachedFileSystem(fs, 3000, () => 0);
    assert.equal(cached.stat('/etc/new.key'), undefined);
    exists.add('/etc/new.key');
    assert.equal(cached.stat('/etc/new.key'), undefined, 'still the remembered answer');
    cached.clear();
    assert.deepEqual(cached.stat('/etc/new.key'), { kind: 'file', readable: true });
  });
});
