import type { AnalysisSettings, ContainerDetection, PathMapping, Platform, RuleSeverity, Version } from './service';
import { defaultSettings, formatVersion, NEWEST_RELEASE, parseVersion } from './service';
import { hostPlatform } from './nodeFileSystem';
import type { AnalysisTargetParams, PlatformSource, VersionSource } from './protocol';

/** The `mosquitto` settings section as the client sends it. */
export interface UserSettings {
  brokerVersion?: string;
  platform?: string;
  checkPaths?: boolean;
  rules?: Record<string, string>;
  brokerPath?: string;
  checkWithBrokerOnSave?: boolean;
  /** `mosquitto.inlayHints.*`: all hints, and each kind. */
  inlayHints?: {
    enabled?: boolean;
    listenerSummary?: boolean;
    scope?: boolean;
    defaults?: boolean;
    includeFiles?: boolean;
  };
  /** Path as the broker sees it → path here (`${workspaceFolder}` allowed). */
  pathMappings?: Record<string, string>;
  /** Read Compose files and Dockerfiles for mappings, release and platform (default true). */
  detectContainers?: boolean;
}

const SEVERITIES = new Set(['off', 'hint', 'information', 'warning', 'error']);

/** What the settings are resolved against, besides the user's settings. */
export interface TargetInputs {
  /** Version of the installed broker (`brokerVersion: auto`, trusted workspaces). */
  readonly detectedVersion?: Version;
  /** A Compose/Dockerfile project that runs this configuration. */
  readonly container?: ContainerDetection;
  /** Folder that `${workspaceFolder}` stands for. */
  readonly workspaceFolder?: string;
  /** Mappings from elsewhere (a `.mosquitto-lint.json`), after the setting's and before the container's. */
  readonly extraMappings?: readonly PathMapping[];
  /** Resolves a relative local path of a mapping (default: against the workspace folder). */
  readonly resolveLocal?: (path: string) => string;
}

/** Analysis settings and where their version and platform came from. */
export interface ResolvedTarget {
  readonly settings: AnalysisSettings;
  readonly versionSource: VersionSource;
  readonly platformSource: PlatformSource;
}

/** `mosquitto.pathMappings` as mappings: `${workspaceFolder}` substituted, relative paths resolved. */
export function settingMappings(user: UserSettings | undefined, inputs: TargetInputs = {}): PathMapping[] {
  const mappings: PathMapping[] = [];
  for (const [brokerPath, local] of Object.entries(user?.pathMappings ?? {})) {
    if (typeof local !== 'string' || brokerPath.length === 0 || local.length === 0) {
      continue;
    }
    const substituted = inputs.workspaceFolder !== undefined ? local.replace(/\$\{workspaceFolder\}/g, inputs.workspaceFolder) : local;
    if (substituted.includes('${')) {
      continue; // a variable we cannot fill in (no workspace folder)
    }
    mappings.push({ brokerPath, localPath: inputs.resolveLocal ? inputs.resolveLocal(substituted) : substituted, origin: 'setting' });
  }
  return mappings;
}

/**
 * Turns user settings into analysis settings. Version: the setting, else (`auto`) the
 * container image's tag, the installed broker's version, the newest release. Platform: the
 * setting, else Linux for a container project, else this machine's. Mappings: the setting's
 * first (they win over detected ones for the same folder), then the container project's.
 */
export function resolveTarget(user: UserSettings | undefined, inputs: TargetInputs = {}): ResolvedTarget {
  const requested = user?.brokerVersion;
  const fromSetting = requested && requested !== 'auto' ? parseVersion(requested) : undefined;
  const container = user?.detectContainers === false ? undefined : inputs.container;
  const containerSource: (VersionSource & PlatformSource) | undefined = container ? container.kind : undefined;
  let brokerVersion: Version;
  let versionSource: VersionSource;
  if (fromSetting) {
    brokerVersion = fromSetting;
    versionSource = 'setting';
  } else if (container?.version && containerSource) {
    brokerVersion = container.version;
    versionSource = containerSource;
  } else if (inputs.detectedVersion) {
    brokerVersion = inputs.detectedVersion;
    versionSource = 'installed-broker';
  } else {
    brokerVersion = NEWEST_RELEASE;
    versionSource = 'default';
  }
  const chosen = user?.platform;
  let platform: Platform;
  let platformSource: PlatformSource;
  if (chosen === 'linux' || chosen === 'windows' || chosen === 'macos') {
    platform = chosen;
    platformSource = 'setting';
  } else if (container && containerSource) {
    platform = container.platform;
    platformSource = containerSource;
  } else {
    platform = hostPlatform();
    platformSource = 'host';
  }
  const rules: Record<string, RuleSeverity> = {};
  for (const [id, severity] of Object.entries(user?.rules ?? {})) {
    if (SEVERITIES.has(severity)) {
      rules[id] = severity as RuleSeverity;
    }
  }
  const pathMappings = [...settingMappings(user, inputs), ...(inputs.extraMappings ?? []), ...(container?.mappings ?? [])];
  return {
    settings: defaultSettings({ brokerVersion, platform, checkPaths: user?.checkPaths ?? true, rules, pathMappings }),
    versionSource,
    platformSource,
  };
}

/**
 * Turns user settings into analysis settings. `auto` version: the detected broker's version
 * when there is one, else the newest release; `auto` platform: this machine's.
 */
export function toAnalysisSettings(user: UserSettings | undefined, detectedVersion?: Version): AnalysisSettings {
  return resolveTarget(user, { detectedVersion }).settings;
}

const VERSION_WHY: Record<VersionSource, string> = {
  setting: "the 'mosquitto.brokerVersion' setting",
  compose: 'the image tag in the Compose file',
  dockerfile: 'the image tag in the Dockerfile',
  'installed-broker': 'the installed broker',
  default: 'the newest release this extension knows (no setting, container or installed broker says otherwise)',
};
const PLATFORM_WHY: Record<PlatformSource, string> = {
  setting: "the 'mosquitto.platform' setting",
  compose: 'the Compose file runs it in the Linux-based eclipse-mosquitto image',
  dockerfile: 'the Dockerfile builds on the Linux-based eclipse-mosquitto image',
  host: 'the system the editor runs on',
};

/** The `mosquitto/analysisTarget` notification for a document. */
export function analysisTarget(uri: string, target: ResolvedTarget, container: ContainerDetection | undefined): AnalysisTargetParams {
  const { settings } = target;
  const version = formatVersion(settings.brokerVersion);
  const summary = `Checked against mosquitto ${version} (from ${VERSION_WHY[target.versionSource]}) on ${settings.platform} (from ${PLATFORM_WHY[target.platformSource]}).`;
  return {
    uri,
    brokerVersion: version,
    versionSource: target.versionSource,
    platform: settings.platform,
    platformSource: target.platformSource,
    summary,
    pathMappings: (settings.pathMappings ?? []).map((m) => ({
      brokerPath: m.brokerPath,
      origin: m.origin,
      ...(m.localPath !== undefined ? { localPath: m.localPath } : {}),
      ...(m.volume !== undefined ? { volume: m.volume } : {}),
    })),
    ...(container ? { containerFile: container.file } : {}),
    notes: container?.notes ?? [],
  };
}
