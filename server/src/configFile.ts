/**
 * The shared configuration file `.mosquitto-lint.json`, read by the CLI and the language
 * server: found from a configuration's folder upward, the nearest one wins. Command-line flags
 * and editor settings override what it says.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import type { UserSettings } from './settings';

export const CONFIG_FILE_NAME = '.mosquitto-lint.json';

/** What the file may hold (schemas/mosquitto-lint.schema.json describes the same). */
export interface ConfigFileSettings {
  brokerVersion?: string;
  platform?: string;
  checkPaths?: boolean;
  rules?: Record<string, string>;
  /** Glob patterns, relative to the file's folder, of files whose findings are not reported. */
  ignore?: string[];
  /** Folder as the broker sees it → folder here (relative to this file's folder). */
  pathMappings?: Record<string, string>;
  /** Look for a Compose file or Dockerfile running eclipse-mosquitto. */
  detectContainers?: boolean;
}

/** A configuration file that was found and read. */
export interface LoadedConfigFile {
  readonly path: string;
  readonly settings: ConfigFileSettings;
  /** Problems in the file (unknown keys, wrong types); the valid keys still apply. */
  readonly problems: readonly string[];
}

const SEVERITIES = ['default', 'off', 'hint', 'information', 'warning', 'error'];
const PLATFORMS = ['auto', 'linux', 'windows', 'macos'];

/** The nearest `.mosquitto-lint.json` in `folder` or a folder above it. */
export function findConfigFile(folder: string): string | undefined {
  let current = path.resolve(folder);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    try {
      if (fs.statSync(candidate).isFile()) {
        return candidate;
      }
    } catch {
      // not here: look further up
    }
    const parent = path.dirname(current);
    if (parent === current) {
      return undefined;
    }
    current = parent;
  }
}

/** Reads and checks a configuration file. Throws only for files that cannot be read or parsed. */
export function loadConfigFile(file: string): LoadedConfigFile {
  const raw = fs.readFileSync(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`${file}: must hold a JSON object`);
  }
  const problems: string[] = [];
  const settings: ConfigFileSettings = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    switch (key) {
      case '$schema':
        break;
      case 'brokerVersion':
        if (typeof value === 'string' && /^(auto|\d+\.\d+(\.\d+)?)$/.test(value)) {
          settings.brokerVersion = value;
        } else {
          problems.push(`brokerVersion must be "auto", "X.Y" or "X.Y.Z"`);
        }
        break;
      case 'platform':
        if (typeof value === 'string' && PLATFORMS.includes(value)) {
          settings.platform = value;
        } else {
          problems.push(`platform must be one of ${PLATFORMS.join(', ')}`);
        }
        break;
      case 'checkPaths':
        if (typeof value === 'boolean') {
          settings.checkPaths = value;
        } else {
          problems.push('checkPaths must be true or false');
        }
        break;
      case 'rules':
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
          settings.rules = {};
          for (const [id, severity] of Object.entries(value as Record<string, unknown>)) {
            if (typeof severity === 'string' && SEVERITIES.includes(severity)) {
              settings.rules[id] = severity;
            } else {
              problems.push(`rules.${id} must be one of ${SEVERITIES.join(', ')}`);
            }
          }
        } else {
          problems.push('rules must be an object of rule id → severity');
        }
        break;
      case 'pathMappings':
        if (
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.values(value as Record<string, unknown>).every((v) => typeof v === 'string' && v.length > 0)
        ) {
          settings.pathMappings = value as Record<string, string>;
        } else {
          problems.push('pathMappings must be an object of broker path → local path');
        }
        break;
      case 'detectContainers':
        if (typeof value === 'boolean') {
          settings.detectContainers = value;
        } else {
          problems.push('detectContainers must be true or false');
        }
        break;
      case 'ignore':
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
          settings.ignore = value as string[];
        } else {
          problems.push('ignore must be a list of glob patterns');
        }
        break;
      default:
        problems.push(`unknown key '${key}'`);
    }
  }
  return { path: file, settings, problems };
}

/** Does `file` match one of the file's ignore patterns (relative to the file's folder)? */
export function isIgnored(config: LoadedConfigFile | undefined, file: string): boolean {
  const patterns = config?.settings.ignore ?? [];
  if (patterns.length === 0) {
    return false;
  }
  const relative = path.relative(path.dirname(config!.path), path.resolve(file)).split(path.sep).join('/');
  if (relative.startsWith('../')) {
    return false;
  }
  return patterns.some((pattern) => minimatch(relative, pattern, { dot: true }));
}

/**
 * Editor or command-line settings on top of the file's: a key set in `overrides` wins;
 * rule severities merge per rule.
 */
export function mergeSettings(file: ConfigFileSettings | undefined, overrides: UserSettings): UserSettings {
  const merged: UserSettings = { ...overrides };
  for (const key of ['brokerVersion', 'platform', 'checkPaths', 'detectContainers'] as const) {
    if (merged[key] === undefined && file?.[key] !== undefined) {
      (merged as Record<string, unknown>)[key] = file[key];
    }
  }
  merged.rules = { ...(file?.rules ?? {}), ...(overrides.rules ?? {}) };
  if (file?.pathMappings || overrides.pathMappings) {
    merged.pathMappings = { ...(file?.pathMappings ?? {}), ...(overrides.pathMappings ?? {}) };
  }
  return merged;
}
