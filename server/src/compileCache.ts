/**
 * Runs a CommonJS bundle with V8's code cache kept on disk, so that a short CLI run does not
 * compile the bundle again each time (Node.js 20 has no `module.enableCompileCache`).
 *
 * The cache is written after the run, so it also holds the functions that run compiled on
 * demand. Each cache file is named by a hash of the source, the Node.js version and the
 * architecture, and lives in a folder of the current user that nobody else may write to;
 * V8 itself rejects data that does not fit. Anything that goes wrong with the cache
 * (no folder, no permission, a full disk) only means compiling as usual.
 * `NODE_DISABLE_COMPILE_CACHE=1` turns it off (the variable Node.js 22 uses for its own cache).
 */
import { createHash } from 'node:crypto';
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

/** Compiles and runs `source` as the CommonJS module `filename`, with the code cache. */
export function loadBundle(source: string, filename: string): LoadedBundle {
  const folder = cacheFolder();
  const key = createHash('sha256').update(process.version).update(process.arch).update(source).digest('hex').slice(0, 32);
  const cacheFile = folder !== undefined ? join(folder, `${key}.bin`) : undefined;
  let cachedData: Buffer | undefined;
  if (cacheFile !== undefined) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new Script(Module.wrap(source), { filename, cachedData });
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
      if (cacheFile === undefined || usable) {
        return;
      }
      try {
        // Written under a temporary name and renamed: a concurrent run never reads half a file.
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, cacheFile);
      } catch {
        // No cache this time.
      }
    },
  };
}
