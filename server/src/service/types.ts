import type { Version } from './version';

/** Operating system the broker runs on; it changes a few rules (websockets, paths). */
export type Platform = 'linux' | 'windows' | 'macos';

/** Severity a user can assign to a rule. */
export type RuleSeverity = 'off' | 'hint' | 'information' | 'warning' | 'error';

/** Settings that change what the analysis reports. */
export interface AnalysisSettings {
  /** The broker release to check against. */
  readonly brokerVersion: Version;
  readonly platform: Platform;
  /** Check that files and folders named in the configuration exist on this machine. */
  readonly checkPaths: boolean;
  /** Per-rule severity overrides, keyed by rule id. */
  readonly rules: Readonly<Record<string, RuleSeverity>>;
}

/** What the file system says about a path. */
export interface PathInfo {
  readonly kind: 'file' | 'directory' | 'other';
  readonly readable: boolean;
}

/**
 * File access injected into the service (the service itself never touches fs).
 * All paths are native absolute paths of the machine the analysis runs on.
 */
export interface FileSystemAccess {
  /** Platform of the machine the files are on (decides which path spellings can be checked). */
  readonly hostPlatform: Platform;
  /** undefined when the path does not exist. */
  stat(path: string): PathInfo | undefined;
  /** Entry names of a directory, undefined when it cannot be read. */
  readDirectory(path: string): readonly string[] | undefined;
  /** Text of a file, undefined when it cannot be read. */
  readFile(path: string): string | undefined;
}

/** A file system that knows no files: for analyses without disk access. */
export const NO_FILE_SYSTEM: FileSystemAccess = {
  hostPlatform: 'linux',
  stat: () => undefined,
  readDirectory: () => undefined,
  readFile: () => undefined,
};
