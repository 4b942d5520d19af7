/**
 * The CLI's effective settings for one configuration file, and where each came from:
 * command-line flags, then the nearest `.mosquitto-lint.json`, then the defaults (the installed
 * broker's version, linux, paths checked).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalysisSettings, ContainerDetection, PathMapping, Platform, RuleSeverity, Version } from './service';
import {
  defaultSettings,
  describeDetection,
  describeKnownReleases,
  describeMapping,
  detectContainers,
  formatVersion,
  isKnownRelease,
  NEWEST_RELEASE,
  parseVersion,
  readCompose,
  readDockerfile,
} from './service';
import type { LoadedConfigFile } from './configFile';
import { findConfigFile, loadConfigFile } from './configFile';
import { hostPlatform, nodeFileSystem } from './nodeFileSystem';

/** Settings given as flags (only those the user gave). */
export interface CommandLineSettings {
  version?: Version | 'auto';
  platform?: Platform;
  checkPaths?: boolean;
  rules: Record<string, RuleSeverity>;
  /** --path-map (local paths already absolute). */
  pathMappings?: readonly PathMapping[];
  /** --compose FILE (absolute). */
  compose?: string;
  /** --detect-containers. */
  detectContainers?: boolean;
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
  /** The Compose file or Dockerfile used, if any. */
  container?: ContainerDetection;
  /** Lines for the user: the container project and the path mappings used. */
  notes: string[];
}

/** A release the catalogue covers, from `X.Y` or `X.Y.Z`; undefined otherwise. */
export function knownRelease(text: string): Version | undefined {
  const parsed = parseVersion(text);
  return parsed && isKnownRelease(parsed) ? parsed : undefined;
}

/**
 * Resolves the settings for a configuration in `folder`. Throws an Error with a message for
 * the user when the configuration file cannot be used. `detect` is asked only for `auto`.
 */
export function resolveSettings(
  flags: CommandLineSettings,
  folder: string,
  detect: () => DetectedBroker | undefined,
  knownRules: ReadonlySet<string>,
  configs: Map<string, LoadedConfigFile>,
  file?: string,
): ResolvedSettings {
  const configPath = findConfigFile(folder);
  let config: LoadedConfigFile | undefined;
  if (configPath) {
    config = configs.get(configPath);
    if (!config) {
      config = loadConfigFile(configPath);
      const problems = [
        ...config.problems,
        ...Object.keys(config.settings.rules ?? {})
          .filter((id) => !knownRules.has(id))
          .map((id) => `unknown rule id '${id}'`),
      ];
      if (config.settings.brokerVersion && config.settings.brokerVersion !== 'auto' && !knownRelease(config.settings.brokerVersion)) {
        problems.push(`brokerVersion '${config.settings.brokerVersion}' is not a mosquitto release this tool knows (${describeKnownReleases()})`);
      }
      if (problems.length > 0) {
        throw new Error(`${configPath}: ${problems.join('; ')}`);
      }
      configs.set(configPath, config);
    }
  }
  const fromFile = config ? path.relative(process.cwd(), config.path) || config.path : '';
  const sources: Record<string, string> = {};
  const notes: string[] = [];

  // A Compose file or Dockerfile: --compose, or a search when --detect-containers (or the
  // file's detectContainers) asks for one. It gives mappings, and the release and platform
  // where nothing more explicit does.
  let container: ContainerDetection | undefined;
  const configFile = file ?? path.join(folder, 'mosquitto.conf');
  if (flags.compose !== undefined) {
    container = readContainerFile(flags.compose, configFile);
  } else if (flags.detectContainers ?? config?.settings.detectContainers ?? false) {
    const cwd = process.cwd();
    container = detectContainers(configFile, nodeFileSystem(), configFile.startsWith(cwd + path.sep) ? cwd : undefined);
    if (!container) {
      notes.push('no Compose file or Dockerfile running eclipse-mosquitto found');
    }
  }
  const containerName = container ? path.relative(process.cwd(), container.file) || container.file : '';
  if (container) {
    notes.push(`using ${describeDetection(container)}`, ...container.notes);
  }

  let version: Version;
  const requested = flags.version ?? config?.settings.brokerVersion;
  const requestedFrom = flags.version !== undefined ? '--broker-version' : fromFile;
  if (requested !== undefined && requested !== 'auto') {
    version = typeof requested === 'string' ? knownRelease(requested)! : requested;
    sources.brokerVersion = requestedFrom;
  } else if (container?.version) {
    version = container.version;
    sources.brokerVersion = `image tag in ${containerName}`;
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
  } else if (container) {
    platform = container.platform;
    sources.platform = containerName;
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
  // Mappings: --path-map first, then the file's (relative to its folder), then the container's.
  const fileMappings: PathMapping[] = Object.entries(config?.settings.pathMappings ?? {}).map(([brokerPath, local]) => ({
    brokerPath,
    localPath: path.resolve(path.dirname(config?.path ?? folder), local),
    origin: fromFile,
  }));
  const pathMappings = [...(flags.pathMappings ?? []), ...fileMappings, ...(container?.mappings ?? [])];
  if (pathMappings.length > 0) {
    notes.push(`path mappings: ${pathMappings.map(describeMapping).join('; ')}`);
    sources.pathMappings = [...new Set(pathMappings.map((m) => m.origin))].join(', ');
  }
  return { settings: defaultSettings({ brokerVersion: version, platform, checkPaths, rules, pathMappings }), sources, config, container, notes };
}

/** Reads `--compose FILE` (a Compose file or a Dockerfile) for the service running `config`; throws for the user. */
function readContainerFile(composeFile: string, config: string): ContainerDetection {
  let text: string;
  try {
    text = fs.readFileSync(composeFile, 'utf8');
  } catch (error) {
    throw new Error(`${composeFile}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const found =
    /Dockerfile[^\\/]*$/i.test(composeFile) && !/\.ya?ml$/i.test(composeFile)
      ? readDockerfile(composeFile, text, undefined, nodeFileSystem())
      : readCompose(composeFile, text, config, nodeFileSystem());
  if (!found) {
    throw new Error(`${composeFile}: no service there runs the eclipse-mosquitto image or mounts ${config}`);
  }
  return found;
}

/** `--print-config`: every effective setting with its source, as text lines. */
export function describeSettings(resolved: ResolvedSettings): string[] {
  const { settings, sources, config } = resolved;
  const lines = [
    `configuration file: ${config ? config.path : `none (no ${'.mosquitto-lint.json'} in this folder or above)`}`,
    `brokerVersion: ${formatVersion(settings.brokerVersion)}  (${sources.brokerVersion})`,
    `platform: ${settings.platform}  (${sources.platform})`,
    `checkPaths: ${String(settings.checkPaths)}  (${sources.checkPaths})`,
    `pathMappings: ${(settings.pathMappings ?? []).length === 0 ? 'none' : (settings.pathMappings ?? []).map(describeMapping).join('; ')}${sources.pathMappings ? `  (${sources.pathMappings})` : ''}`,
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
    pathMappings: {
      value: (settings.pathMappings ?? []).map((m) => ({
        brokerPath: m.brokerPath,
        localPath: m.localPath ?? null,
        volume: m.volume ?? null,
        origin: m.origin,
      })),
      source: sources.pathMappings ?? 'default',
    },
  };
  for (const [id, severity] of Object.entries(settings.rules)) {
    result[`rules.${id}`] = { value: severity, source: sources[`rules.${id}`] };
  }
  result.ignore = { value: config?.settings.ignore ?? [], source: sources.ignore ?? 'default' };
  return result;
}
