import type { Platform } from '../types';

/** Path style a configuration path is written in. */
export type PathStyle = 'posix' | 'windows';

/** `C:\…`, `C:/…` or `\\server\share`: absolute Windows paths. */
export function isWindowsAbsolute(path: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

export function isPosixAbsolute(path: string): boolean {
  return path.startsWith('/');
}

/** Whether the path is absolute for a broker on `platform`. */
export function isAbsoluteFor(path: string, platform: Platform): boolean {
  return platform === 'windows' ? isWindowsAbsolute(path) || /^[\\/]/.test(path) : isPosixAbsolute(path);
}

/** Whether a path written this way can be checked on a host of platform `host`. */
export function isCheckableOn(path: string, host: Platform): boolean {
  if (host === 'windows') {
    return isWindowsAbsolute(path) || !isPosixAbsolute(path);
  }
  return !isWindowsAbsolute(path) && !/^[A-Za-z]:/.test(path) && !path.includes('%');
}

export function dirname(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (i < 0) {
    return '.';
  }
  if (i === 0) {
    return path.slice(0, 1);
  }
  if (/^[A-Za-z]:[\\/]$/.test(path.slice(0, i + 1)) && i === 2) {
    return path.slice(0, 3);
  }
  return path.slice(0, i);
}

export function basename(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? path : path.slice(i + 1);
}

/** Joins a directory and a relative path with the separator the directory uses. */
export function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  if (dir.endsWith('/') || dir.endsWith('\\')) {
    return dir + name;
  }
  return dir + sep + name;
}

/**
 * Resolves a path from the configuration for checking on this machine: absolute paths as
 * they are, relative ones against `baseDir` (the broker would use its working directory).
 */
export function resolveConfigPath(path: string, baseDir: string | undefined): string | undefined {
  if (isPosixAbsolute(path) || isWindowsAbsolute(path)) {
    return path;
  }
  return baseDir === undefined ? undefined : joinPath(baseDir, path);
}
