/**
 * Runs a CommonJS bundle with V8's code cache kept on disk, so that a short CLI run does not
 * compile the bundle again each time (Node.js 20 has no `module.enableCompileCache`).
 *
 * The cache is written after the run, so it also holds the functions that run compiled on
 * demand. It lives in a folder of the current user that nobody else may write to, one file per
 * bundle file, Node.js version and architecture. The file starts with a copy of the bundle
 * file's bytes, and the cached code is used only when the bundle file still has exactly those
 * bytes: V8 itself checks only the source's length. Comparing bytes costs far less than
 * hashing them, and needs no `node:crypto` (which loads the stream machinery with it: ~3 ms of a
 * 60 ms run). Anything that goes wrong with the cache (no folder, no permission, a full disk)
 * only means compiling as usual. `NODE_DISABLE_COMPILE_CACHE=1` turns it off (the variable
 * Node.js 22 uses for its own cache).
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface LoadedBundle {
  exports: unknown;
  /** Whether V8 took the compiled code from the cache. */
  fromCache: boolean;
  /** Writes the code cache when there was none that V8 accepted (call after the work is done). */
  saveCache(): void;
}

/** The folder for the cache, or undefined when it cannot be used safely. */
export function cacheFolder(): string | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) {
    return undefined;
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const folder = join(tmpdir(), `mosquitto-lint-compile-cache-${uid ?? userInfo().username}`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = statSync(folder);
    // Code from a folder someone else can write to would run as this user: refuse it.
    if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (process.platform !== 'win32' && (stat.mode & 0o022) !== 0)) {
      return undefined;
    }
    return folder;
  } catch {
    return undefined;
  }
}

/**
 * A short name for `text` (64-bit FNV-1a, as 16 hex digits): for naming cache files, not a
 * check of anything (what a cache file holds is checked by its content).
 */
export function fingerprint(text: string): string {
  let low = 0x84222325;
  let high = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    low = (low ^ text.charCodeAt(i)) >>> 0;
    // Multiply the 64-bit value by the FNV prime 2^40 + 0x1b3, in 32-bit halves.
    const lowTimes = low * 0x1b3;
    const carry = Math.floor(lowTimes / 0x100000000);
    high = (high * 0x1b3 + (low << 8) + carry) >>> 0;
    low = lowTimes >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

/** Bytes before the bundle's copy in a cache file: its length (32-bit little-endian). */
const HEADER = 4;

/**
 * Compiles and runs the CommonJS module in `filename`, with the code cache. `source` is its
 * text when the caller has it already, or text embedded in `filename` (the npm package's
 * launcher carries the bundle as a string): either way the bytes of `filename` decide it.
 */
export function loadBundle(filename: string, source?: string): LoadedBundle {
  const folder = cacheFolder();
  let bytes: Buffer | undefined;
  if (source === undefined || folder !== undefined) {
    try {
      bytes = readFileSync(filename);
    } catch (error) {
      if (source === undefined) {
        throw error;
      }
    }
  }
  const text = source ?? bytes!.toString('utf8');
  const cacheFile =
    folder !== undefined && bytes !== undefined ? join(folder, `${fingerprint(`${process.version}\0${process.arch}\0${filename}`)}.bin`) : undefined;
  let cachedData: Buffer | undefined;
  if (cacheFile !== undefined) {
    try {
      const data = readFileSync(cacheFile);
      const length = data.length >= HEADER ? data.readUInt32LE(0) : -1;
      if (length === bytes!.length && data.length > HEADER + length && bytes!.equals(data.subarray(HEADER, HEADER + length))) {
        cachedData = data.subarray(HEADER + length);
      }
    } catch {
      cachedData = undefined;
    }
  }
  const script = new Script(Module.wrap(text), { filename, cachedData });
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  const bundle = new Module(filename);
  bundle.filename = filename;
  bundle.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(dirname(filename));
  wrapper.call(bundle.exports, bundle.exports, Module.createRequire(filename), bundle, filename, dirname(filename));
  bundle.loaded = true;
  const usable = cachedData !== undefined && !script.cachedDataRejected;
  return {
    exports: bundle.exports,
    fromCache: usable,
    saveCache(): void {
      if (cacheFile === undefined || bytes === undefined || usable) {
        return;
      }
      try {
        const header = Buffer.alloc(HEADER);
        header.writeUInt32LE(bytes.length, 0);
        // Written under a temporary name and renamed: a concurrent run never reads half a file.
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, Buffer.concat([header, bytes, script.createCachedData()]), { mode: 0o600 });
        renameSync(temporary, cacheFile);
      } catch {
        // No cache this time.
      }
    },
  };
}
