/**
 * Custom messages between the server and its clients, beyond LSP. Documented in
 * server/README.md; other editors may ignore them.
 */
import type { Platform } from './service';

/** Where the checked broker release came from. */
export type VersionSource = 'setting' | 'compose' | 'dockerfile' | 'installed-broker' | 'default';
/** Where the checked platform came from. */
export type PlatformSource = 'setting' | 'compose' | 'dockerfile' | 'host';

/** One path mapping as the client sees it. */
export interface PathMappingInfo {
  /** Folder (or file) as the broker sees it. */
  readonly brokerPath: string;
  /** Where it is on this machine; absent for a named or anonymous volume. */
  readonly localPath?: string;
  /** Name of a named volume. */
  readonly volume?: string;
  /** Where the mapping was declared: `setting`, `docker-compose.yml service 'mqtt'`, `Dockerfile`. */
  readonly origin: string;
}

/**
 * Notification `mosquitto/analysisTarget` (server → client), sent when a document is first
 * analysed and whenever what it is checked against changes: the broker release and platform,
 * where each came from, and the path mappings in use.
 */
export interface AnalysisTargetParams {
  /** The document's URI. */
  readonly uri: string;
  /** `X.Y.Z`. */
  readonly brokerVersion: string;
  readonly versionSource: VersionSource;
  readonly platform: Platform;
  readonly platformSource: PlatformSource;
  /** One sentence for people: what is checked against and why. */
  readonly summary: string;
  readonly pathMappings: readonly PathMappingInfo[];
  /** The Compose file or Dockerfile used, when one was found. */
  readonly containerFile?: string;
  /** Anything worth knowing about the detection (an unknown image tag, a mount not followed). */
  readonly notes: readonly string[];
}

export const ANALYSIS_TARGET_NOTIFICATION = 'mosquitto/analysisTarget';
