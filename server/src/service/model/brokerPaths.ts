/**
 * Paths as the broker will see them, resolved to files on this machine. The one place that
 * knows about path mappings (settings, `--path-map`, Compose bind mounts, Dockerfile COPY),
 * named volumes, the platform the broker runs on and the folders its service creates. Rules
 * (path checks), document links, go to definition and include_dir reading all resolve
 * through `resolveBrokerPath`.
 */
import type { AnalysisSettings, Platform } from '../types';
import { isPosixAbsolute, isWindowsAbsolute, joinPath } from '../util/paths';

/**
 * A folder as the broker sees it and where it is on this machine. `localPath` undefined: a
 * named or anonymous volume, whose content cannot be seen from here.
 */
export interface PathMapping {
  /** Absolute path in the broker's file system (e.g. `/mosquitto/config`). */
  readonly brokerPath: string;
  /** Native absolute path on this machine; undefined for a volume. */
  readonly localPath?: string;
  /** Where the mapping was declared, in a few words (`setting`, `docker-compose.yml service 'broker'`). */
  readonly origin: string;
  /** For a volume: its name (undefined for an anonymous volume). */
  readonly volume?: string;
}

/** What a path from the configuration is, for the broker and on this machine. */
export type BrokerPath =
  /** A file or folder that can be looked up here. */
  | { readonly kind: 'local'; readonly local: string; readonly mapping?: PathMapping; readonly relative: boolean }
  /** Inside a named or anonymous volume: cannot be checked here. */
  | { readonly kind: 'volume'; readonly mapping: PathMapping }
  /** A Windows drive or UNC path for a broker on Linux/macOS: it reads a relative name instead. */
  | { readonly kind: 'foreign'; readonly style: 'windows' }
  /** Cannot be looked up here (relative without a folder, `%VAR%`, another host's spelling). */
  | { readonly kind: 'unknown' };

/** What path resolution needs to know. */
export interface PathContext {
  /** Platform the broker runs on. */
  readonly platform: Platform;
  /** Platform of this machine (decides which spellings can be looked up). */
  readonly hostPlatform: Platform;
  readonly mappings: readonly PathMapping[];
  /** Folder relative paths are looked up in (the configuration file's), when known. */
  readonly baseDir?: string;
}

/** The path context of an analysis: its platform and mappings, this machine's platform. */
export function pathContext(settings: AnalysisSettings, hostPlatform: Platform, baseDir?: string): PathContext {
  return { platform: settings.platform, hostPlatform, mappings: settings.pathMappings ?? [], baseDir };
}

/**
 * Whether the broker on `platform` reads this path as written for another platform: a drive
 * or UNC path on Linux/macOS (read as a relative name there), or a POSIX absolute path on
 * Windows (read against the root of the current drive).
 */
export function foreignStyle(path: string, platform: Platform): 'windows' | 'posix' | undefined {
  if (platform !== 'windows') {
    return isWindowsAbsolute(path) ? 'windows' : undefined;
  }
  return isPosixAbsolute(path) && !path.startsWith('//') ? 'posix' : undefined;
}

function normalise(path: string, platform: Platform): string {
  const slashes = platform === 'windows' ? path.replace(/\\/g, '/') : path;
  const trimmed = slashes.length > 1 ? slashes.replace(/\/+$/, '') : slashes;
  return platform === 'windows' ? trimmed.toLowerCase() : trimmed;
}

/** The mapping whose broker folder holds `path` (the longest one), and the rest of the path. */
export function findMapping(path: string, mappings: readonly PathMapping[], platform: Platform): { mapping: PathMapping; rest: string } | undefined {
  const wanted = normalise(path, platform);
  let best: { mapping: PathMapping; rest: string } | undefined;
  for (const mapping of mappings) {
    const root = normalise(mapping.brokerPath, platform);
    const inside = wanted === root || wanted.startsWith(root === '/' ? '/' : `${root}/`);
    if (!inside || (best && normalise(best.mapping.brokerPath, platform).length >= root.length)) {
      continue;
    }
    const rest = wanted === root ? '' : path.slice(root === '/' ? 1 : root.length + 1).replace(/^[\\/]+/, '');
    best = { mapping, rest };
  }
  return best;
}

/** Where a path from the configuration is, as the broker reads it. */
export function resolveBrokerPath(path: string, context: PathContext): BrokerPath {
  if (path.length === 0 || (context.platform === 'windows' && path.includes('%'))) {
    return { kind: 'unknown' };
  }
  // A drive path cannot be found by a Linux broker. A POSIX path on Windows is read on the
  // current drive (foreign-platform-path warns about it); a mapping may still say where it is.
  const foreign = foreignStyle(path, context.platform);
  if (foreign === 'windows') {
    return { kind: 'foreign', style: foreign };
  }
  const absolute = context.platform === 'windows' ? isWindowsAbsolute(path) || isPosixAbsolute(path) : isPosixAbsolute(path);
  if (absolute) {
    const mapped = findMapping(path, context.mappings, context.platform);
    if (mapped) {
      const local = mapped.mapping.localPath;
      if (local === undefined) {
        return { kind: 'volume', mapping: mapped.mapping };
      }
      return { kind: 'local', local: mapped.rest.length > 0 ? joinPath(local, mapped.rest) : local, mapping: mapped.mapping, relative: false };
    }
    // A Windows broker's `/etc/x` is on a drive we cannot name: not looked up anywhere.
    const checkable = context.hostPlatform === 'windows' ? isWindowsAbsolute(path) : context.platform !== 'windows';
    return checkable ? { kind: 'local', local: path, relative: false } : { kind: 'unknown' };
  }
  if (/^[A-Za-z]:/.test(path) || /^[\\/]/.test(path) || context.baseDir === undefined) {
    return { kind: 'unknown' };
  }
  return { kind: 'local', local: joinPath(context.baseDir, path), relative: true };
}

/** Folders a packaged broker's service creates before the broker starts, and who creates them. */
export const SERVICE_FOLDERS: Readonly<Record<string, string>> = {
  '/run/mosquitto': "Debian's and Ubuntu's mosquitto.service creates it before starting the broker",
  '/var/run/mosquitto': "Debian's and Ubuntu's mosquitto.service creates it (as /run/mosquitto) before starting the broker",
  '/var/log/mosquitto': "Debian's and Ubuntu's mosquitto.service creates it before starting the broker",
  '/mosquitto/data': 'the eclipse-mosquitto Docker image has it',
  '/mosquitto/log': 'the eclipse-mosquitto Docker image has it',
};

/** Who creates this folder (when a packaged service or image does), for a broker on Linux. */
export function serviceFolder(folder: string, platform: Platform): string | undefined {
  if (platform !== 'linux') {
    return undefined;
  }
  return SERVICE_FOLDERS[normalise(folder, platform)];
}

/** `the named volume 'data' (docker-compose.yml service 'broker')`, for messages. */
export function describeVolume(mapping: PathMapping): string {
  const what = mapping.volume !== undefined ? `the named volume '${mapping.volume}'` : 'an anonymous volume';
  return `${what} mounted at ${mapping.brokerPath} (${mapping.origin})`;
}

/** Describes a mapping for messages: `/mosquitto/data (named volume 'data', docker-compose.yml)`. */
export function describeMapping(mapping: PathMapping): string {
  const what =
    mapping.localPath === undefined ? (mapping.volume !== undefined ? `named volume '${mapping.volume}'` : 'an anonymous volume') : mapping.localPath;
  return `${mapping.brokerPath} → ${what} (${mapping.origin})`;
}
