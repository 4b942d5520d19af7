/**
 * The CLI's on-disk V8 code cache (server/src/compileCache.ts): a second load takes the
 * compiled code from the cache, a changed source or an unsafe folder never does.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, suite, test } from 'node:test';
import { loadBundle } from '../../server/src/compileCache';

const SOURCE = 'exports.double = (n) => n * 2;\nexports.where = __filename;\nexports.answer = () => 21 * 2;\n';

suite('compile cache of the CLI bundle', () => {
  let work = '';
  const saved = { TMPDIR: process.env.TMPDIR, NODE_DISABLE_COMPILE_CACHE: process.env.NODE_DISABLE_COMPILE_CACHE };
  beforeEach(() => {
    work = fs.mkdtempSync(path.join(tmpdir(), 'mosquitto-lint-cc-'));
    process.env.TMPDIR = work; // os.tmpdir() follows TMPDIR
    delete process.env.NODE_DISABLE_COMPILE_CACHE;
  });
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = value;
      }
    }
    fs.rmSync(work, { recursive: true, force: true });
  });
  const cacheFiles = (): string[] => fs.readdirSync(work).flatMap((d) => fs.readdirSync(path.join(work, d)).map((f) => path.join(d, f)));
  const bundleFile = (): string => path.join(work, 'cli.js');

  test('the first load compiles and saves; the next one runs from the cache with the same exports', () => {
    const first = loadBundle(SOURCE, bundleFile());
    assert.equal(first.fromCache, false);
    const exports = first.exports as { double(n: number): number; where: string; answer(): number };
    assert.equal(exports.double(4), 8);
    assert.equal(exports.answer(), 42);
    assert.equal(exports.where, bundleFile());
    first.saveCache();
    assert.equal(cacheFiles().length, 1);
    assert.equal(fs.statSync(path.join(work, cacheFiles()[0])).mode & 0o077, 0, 'readable by its owner only');

    const second = loadBundle(SOURCE, bundleFile());
    assert.equal(second.fromCache, true);
    assert.equal((second.exports as { double(n: number): number }).double(5), 10);
  });

  test('a changed source does not use the cache of the old one', () => {
    loadBundle(SOURCE, bundleFile()).saveCache();
    const changed = loadBundle(SOURCE.replace('n * 2', 'n * 3'), bundleFile());
    assert.equal(changed.fromCache, false);
    assert.equal((changed.exports as { double(n: number): number }).double(5), 15);
  });

  test('a cache folder others can write to is not used', { skip: process.platform === 'win32' }, () => {
    loadBundle(SOURCE, bundleFile()).saveCache();
    const folder = path.join(
      work,
      fs.readdirSync(work).find((d) => d.startsWith('mosquitto-lint-compile-cache-'))!,
    );
    fs.chmodSync(folder, 0o777);
    const loaded = loadBundle(SOURCE, bundleFile());
    assert.equal(loaded.fromCache, false);
    assert.equal((loaded.exports as { answer(): number }).answer(), 42);
  });

  test('NODE_DISABLE_COMPILE_CACHE turns it off: nothing read, nothing written', () => {
    process.env.NODE_DISABLE_COMPILE_CACHE = '1';
    const loaded = loadBundle(SOURCE, bundleFile());
    loaded.saveCache();
    assert.equal(loaded.fromCache, false);
    assert.deepEqual(fs.readdirSync(work), []);
  });
});
