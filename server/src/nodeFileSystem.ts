import * as fs from 'node:fs';
import type { FileSystemAccess, PathInfo, Platform, TlsInspector } from './service';
import { nodeTlsInspector } from './tlsInspector';

/** The host platform in the service's terms. */
export function hostPlatform(): Platform {
  return process.platform === 'win32' ? 'windows' : process.platform === 'darwin' ? 'macos' : 'linux';
}

/** File access backed by Node's fs (the server overlays open documents on top of it). */
export function nodeFileSystem(): FileSystemAccess {
  return {
    hostPlatform: hostPlatform(),
    tls: nodeTlsInspector(),
    stat(path: string): PathInfo | undefined {
      try {
        const stat = fs.statSync(path);
        let readable = true;
        try {
          fs.accessSync(path, fs.constants.R_OK);
        } catch {
          readable = false;
        }
        return { kind: stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other', readable };
      } catch {
        return undefined;
      }
    },
    readDirectory(path: string): readonly string[] | undefined {
      try {
        return fs.readdirSync(path);
      } catch {
        return undefined;
      }
    },
    readFile(path: string): string | undefined {
      try {
        return decodeConfigBytes(fs.readFileSync(path)).text;
      } catch {
        return undefined;
      }
    },
  };
}

/** Result of decoding a configuration file's bytes. */
export interface DecodedText {
  readonly text: string;
  /** UTF-16 files cannot be read by the broker at all. */
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** The bytes look like a binary file rather than text. */
  readonly binary: boolean;
}

/**
 * Decodes bytes the way the broker sees them: as UTF-8, keeping a byte order mark (the
 * broker does not skip it); invalid sequences become U+FFFD.
 */
export function decodeConfigBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', binary: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', binary: false };
  }
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  let nul = 0;
  for (const b of sample) {
    if (b === 0) {
      nul++;
    } else if (b < 0x09 || (b > 0x0d && b < 0x20)) {
      control++;
    }
  }
  const binary = sample.length > 0 && (nul > sample.length / 8 || control > sample.length / 4);
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), encoding: 'utf-8', binary };
}

/**
 * A file system whose answers are reused for `ttlMs`: the server analyses on every keystroke,
 * and the files a configuration names (certificates, include_dir folders) do not change that
 * fast. `clear()` forgets everything (on save, or when the client reports file changes).
 */
export interface CachedFileSystem extends FileSystemAccess {
  clear(): void;
  /** Modification time in ms, undefined when the path does not exist. */
  mtime(path: string): number | undefined;
}

export function cachedFileSystem(base: FileSystemAccess, ttlMs: number, now: () => number = Date.now): CachedFileSystem {
  const cache = new Map<string, { at: number; value: unknown }>();
  const remember = <T>(key: string, compute: () => T): T => {
    const hit = cache.get(key);
    const time = now();
    if (hit && time - hit.at < ttlMs) {
      return hit.value as T;
    }
    const value = compute();
    cache.set(key, { at: time, value });
    return value;
  };
  return {
    hostPlatform: base.hostPlatform,
    stat: (path) => remember(`s:${path}`, () => base.stat(path)),
    readDirectory: (path) => remember(`d:${path}`, () => base.readDirectory(path)),
    readFile: (path) => remember(`f:${path}`, () => base.readFile(path)),
    ...(base.tls ? { tls: cachedTlsInspector(base.tls, remember) } : {}),
    mtime: (path) =>
      remember(`m:${path}`, () => {
        try {
          return fs.statSync(path).mtimeMs;
        } catch {
          return undefined;
        }
      }),
    clear: () => cache.clear(),
  };
}

/** The inspector's answers, reused like the other answers about the disk. */
function cachedTlsInspector(base: TlsInspector, remember: <T>(key: string, compute: () => T) => T): TlsInspector {
  return {
    inspect: (path) => remember(`t:${path}`, () => base.inspect(path)),
    verifyChain: (certfile, trust) => remember(`v:${certfile}\0${trust.cafile ?? ''}\0${trust.capath ?? ''}`, () => base.verifyChain(certfile, trust)),
    inspectCaPath: (folder) => remember(`c:${folder}`, () => base.inspectCaPath(folder)),
    userAccess: (path, user) => remember(`u:${path}\0${user}`, () => base.userAccess(path, user)),
  };
}
