/**
 * The CLI's on-disk V8 code cache (server/src/compileCache.ts): a second load takes the
 * compiled code from the cache, a changed bundle file or an unsafe folder never does.
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
  const cacheFiles = (): string[] =>
    fs
      .readdirSync(work)
      .filter((d) => d.startsWith('mosquitto-lint-compile-cache-'))
      .flatMap((d) => fs.readdirSync(path.join(work, d)).map((f) => path.join(d, f)));
  const bundleFile = (text = SOURCE): string => {
    const file = path.join(work, 'cli.js');
    fs.writeFileSync(file, text);
    return file;
  };

  test('the first load compiles and saves; the next one runs from the cache with the same exports', () => {
    const first = loadBundle(bundleFile());
    assert.equal(first.fromCache, false);
    const exports = first.exports as { double(n: number): number; where: string; answer(): number };
    assert.equal(exports.double(4), 8);
    assert.equal(exports.answer(), 42);
    assert.equal(exports.where, path.join(work, 'cli.js'));
    first.saveCache();
    assert.equal(cacheFiles().length, 1);
    assert.equal(fs.statSync(path.join(work, cacheFiles()[0])).mode & 0o077, 0, 'readable by its owner only');

    const second = loadBundle(path.join(work, 'cli.js'));
    assert.equal(second.fromCache, true);
    assert.equal((second.exports as { double(n: number): number }).double(5), 10);
  });

  test('a changed bundle file does not use the cache of the old one, even with the same length and times', () => {
    const file = bundleFile();
    const { atime, mtime } = fs.statSync(file);
    loadBundle(file).saveCache();
    // V8 checks only the source's length: the cache must see the change itself.
    bundleFile(SOURCE.replace('n * 2', 'n * 3'));
    fs.utimesSync(file, atime, mtime);
    const changed = loadBundle(file);
    assert.equal(changed.fromCache, false);
    assert.equal((changed.exports as { double(n: number): number }).double(5), 15);
    changed.saveCache();
    assert.equal(cacheFiles().length, 1, 'the new cache replaces the old one');
    assert.equal(loadBundle(file).fromCache, true);
  });

  test("source embedded in the file (the npm package): the file's bytes decide whether the cache is used", () => {
    const embedded = (text: string): string => `// launcher\nconst bundle = ${JSON.stringify(text)};\n`;
    const file = bundleFile(embedded(SOURCE));
    loadBundle(file, SOURCE).saveCache();
    assert.equal(loadBundle(file, SOURCE).fromCache, true);
    const changedSource = SOURCE.replace('n * 2', 'n * 3');
    bundleFile(embedded(changedSource));
    const changed = loadBundle(file, changedSource);
    assert.equal(changed.fromCache, false);
    assert.equal((changed.exports as { double(n: number): number }).double(5), 15);
  });

  test('a cache file cut short or from another format is not used', () => {
    const file = bundleFile();
    loadBundle(file).saveCache();
    const cache = path.join(work, cacheFiles()[0]);
    const whole = fs.readFileSync(cache);
    for (const broken of [whole.subarray(0, 2), whole.subarray(0, 4 + SOURCE.length), Buffer.from('not a cache')]) {
      fs.writeFileSync(cache, broken);
      const loaded = loadBundle(file);
      assert.equal(loaded.fromCache, false);
      assert.equal((loaded.exports as { answer(): number }).answer(), 42);
    }
  });

  test('a cache folder others can write to is not used', { skip: process.platform === 'win32' }, () => {
    loadBundle(bundleFile()).saveCache();
    const folder = path.join(
      work,
      fs.readdirSync(work).find((d) => d.startsWith('mosquitto-lint-compile-cache-'))!,
    );
    fs.chmodSync(folder, 0o777);
    const loaded = loadBundle(bundleFile());
    assert.equal(loaded.fromCache, false);
    assert.equal((loaded.exports as { answer(): number }).answer(), 42);
  });

  test('NODE_DISABLE_COMPILE_CACHE turns it off: nothing read, nothing written', () => {
    process.env.NODE_DISABLE_COMPILE_CACHE = '1';
    const loaded = loadBundle(bundleFile());
    loaded.saveCache();
    assert.equal(loaded.fromCache, false);
    assert.deepEqual(fs.readdirSync(work), ['cli.js']);
  });
});
