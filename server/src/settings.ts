import type { AnalysisSettings, Platform, RuleSeverity, Version } from './service';
import { defaultSettings, NEWEST_RELEASE, parseVersion } from './service';
import { hostPlatform } from './nodeFileSystem';

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
}

const SEVERITIES = new Set(['off', 'hint', 'information', 'warning', 'error']);

/**
 * Turns user settings into analysis settings. `auto` version: the detected broker's version
 * when there is one, else the newest release; `auto` platform: this machine's.
 */
export function toAnalysisSettings(user: UserSettings | undefined, detectedVersion?: Version): AnalysisSettings {
  const requested = user?.brokerVersion;
  const version = requested && requested !== 'auto' ? parseVersion(requested) : undefined;
  const platform: Platform = user?.platform === 'linux' || user?.platform === 'windows' || user?.platform === 'macos' ? user.platform : hostPlatform();
  const rules: Record<string, RuleSeverity> = {};
  for (const [id, severity] of Object.entries(user?.rules ?? {})) {
    if (SEVERITIES.has(severity)) {
      rules[id] = severity as RuleSeverity;
    }
  }
  return defaultSettings({
    brokerVersion: version ?? detectedVersion ?? NEWEST_RELEASE,
    platform,
    checkPaths: user?.checkPaths ?? true,
    rules,
  });
}
