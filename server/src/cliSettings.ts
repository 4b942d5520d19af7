/**
 * The CLI's effective settings for one configuration file, and where each came from:
 * command-line flags, then the nearest `.mosquitto-lint.json`, then the defaults (the installed
 * broker's version, linux, paths checked).
 */
import * as path from 'node:path';
import type { AnalysisSettings, Platform, RuleSeverity, Version } from './service';
import { compareVersions, defaultSettings, formatVersion, NEWEST_RELEASE, OLDEST_RELEASE, parseVersion } from './service';
import type { LoadedConfigFile } from './configFile';
import { findConfigFile, loadConfigFile } from './configFile';
import { hostPlatform } from './nodeFileSystem';

/** Settings given as flags (only those the user gave). */
export interface CommandLineSettings {
  version?: Version | 'auto';
  platform?: Platform;
  checkPaths?: boolean;
  rules: Record<string, RuleSeverity>;
}

/** A detected broker version and how to name it. */
export interface DetectedBroker {
  version: Version;
  source: string;
}

/** Effective settings of one file, each value's source, and the configuration file used. */
export interface ResolvedSettings {
  settings: AnalysisSettings;
  /** Setting name (`brokerVersion`, `platform`, `checkPaths`, `rules.<id>`, `ignore`) → where its value came from. */
  sources: Record<string, string>;
  config: LoadedConfigFile | undefined;
}

/** A release the catalogue covers, from `X.Y` or `X.Y.Z`; undefined otherwise. */
export function knownRelease(text: string): Version | undefined {
  const parsed = parseVersion(text);
  if (!parsed || compareVersions(parsed, OLDEST_RELEASE) < 0 || compareVersions(parsed, { ...NEWEST_RELEASE, patch: 999 }) > 0) {
    return undefined;
  }
  return parsed;
}

/**
 * Resolves the settings for a configuration in `folder`. Throws an Error with a message for
 * the user when the configuration file cannot be used. `detect` is asked only for `auto`.
 */
export function resolveSettings(flags: CommandLineSettings, folder: string, detect: () => DetectedBroker | undefined, knownRules: ReadonlySet<string>, configs: Map<string, LoadedConfigFile>): ResolvedSettings {
  const configPath = findConfigFile(folder);
  let config: LoadedConfigFile | undefined;
  if (configPath) {
    config = configs.get(configPath);
    if (!config) {
      config = loadConfigFile(configPath);
      const problems = [...config.problems, ...Object.keys(config.settings.rules ?? {}).filter((id) => !knownRules.has(id)).map((id) => `unknown rule id '${id}'`)];
      if (config.settings.brokerVersion && config.settings.brokerVersion !== 'auto' && !knownRelease(config.settings.brokerVersion)) {
        problems.push(`brokerVersion '${config.settings.brokerVersion}' is not a release from ${formatVersion(OLDEST_RELEASE)} to ${NEWEST_RELEASE.major}.${NEWEST_RELEASE.minor}.x`);
      }
      if (problems.length > 0) {
        throw new Error(`${configPath}: ${problems.join('; ')}`);
      }
      configs.set(configPath, config);
    }
  }
  const fromFile = config ? path.relative(process.cwd(), config.path) || config.path : '';
  const sources: Record<string, string> = {};

  let version: Version;
  const requested = flags.version ?? config?.settings.brokerVersion;
  const requestedFrom = flags.version !== undefined ? '--broker-version' : fromFile;
  if (requested !== undefined && requested !== 'auto') {
    version = typeof requested === 'string' ? knownRelease(requested)! : requested;
    sources.brokerVersion = requestedFrom;
  } else {
    const detected = detect();
    version = detected?.version ?? NEWEST_RELEASE;
    sources.brokerVersion = detected ? detected.source : 'newest known release; no broker found';
  }

  let platform: Platform = 'linux';
  sources.platform = 'default';
  const filePlatform = config?.settings.platform;
  if (flags.platform) {
    platform = flags.platform;
    sources.platform = '--platform';
  } else if (filePlatform) {
    platform = filePlatform === 'auto' ? hostPlatform() : (filePlatform as Platform);
    sources.platform = filePlatform === 'auto' ? `${fromFile} (auto: this machine)` : fromFile;
  }

  let checkPaths = true;
  sources.checkPaths = 'default';
  if (flags.checkPaths !== undefined) {
    checkPaths = flags.checkPaths;
    sources.checkPaths = '--no-check-paths';
  } else if (config?.settings.checkPaths !== undefined) {
    checkPaths = config.settings.checkPaths;
    sources.checkPaths = fromFile;
  }

  const rules: Record<string, RuleSeverity> = {};
  for (const [id, severity] of Object.entries(config?.settings.rules ?? {})) {
    if (severity !== 'default') {
      rules[id] = severity as RuleSeverity;
      sources[`rules.${id}`] = fromFile;
    }
  }
  for (const [id, severity] of Object.entries(flags.rules)) {
    rules[id] = severity;
    sources[`rules.${id}`] = '--rule';
  }
  if (config?.settings.ignore) {
    sources.ignore = fromFile;
  }
  return { settings: defaultSettings({ brokerVersion: version, platform, checkPaths, rules }), sources, config };
}

/** `--print-config`: every effective setting with its source, as text lines. */
export function describeSettings(resolved: ResolvedSettings): string[] {
  const { settings, sources, config } = resolved;
  const lines = [
    `configuration file: ${config ? config.path : `none (no ${'.mosquitto-lint.json'} in this folder or above)`}`,
    `brokerVersion: ${formatVersion(settings.brokerVersion)}  (${sources.brokerVersion})`,
    `platform: ${settings.platform}  (${sources.platform})`,
    `checkPaths: ${String(settings.checkPaths)}  (${sources.checkPaths})`,
  ];
  for (const [id, severity] of Object.entries(settings.rules)) {
    lines.push(`rules.${id}: ${severity}  (${sources[`rules.${id}`]})`);
  }
  lines.push(`ignore: ${JSON.stringify(config?.settings.ignore ?? [])}  (${sources.ignore ?? 'default'})`);
  return lines;
}

/** `--print-config --format json`: the same as an object of `{ value, source }`. */
export function settingsAsJson(resolved: ResolvedSettings): Record<string, { value: unknown; source: string }> {
  const { settings, sources, config } = resolved;
  const result: Record<string, { value: unknown; source: string }> = {
    configFile: { value: config?.path ?? null, source: 'search from the configuration folder upward' },
    brokerVersion: { value: formatVersion(settings.brokerVersion), source: sources.brokerVersion },
    platform: { value: settings.platform, source: sources.platform },
    checkPaths: { value: settings.checkPaths, source: sources.checkPaths },
  };
  for (const [id, severity] of Object.entries(settings.rules)) {
    result[`rules.${id}`] = { value: severity, source: sources[`rules.${id}`] };
  }
  result.ignore = { value: config?.settings.ignore ?? [], source: sources.ignore ?? 'default' };
  return result;
}
