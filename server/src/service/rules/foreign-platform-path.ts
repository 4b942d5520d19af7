import { PATH_OPTIONS } from '../data/paths';
import { configurationRule, span } from '../engine/rule';
import type { Finding } from '../engine/rule';
import { foreignStyle } from '../model/brokerPaths';
import { missingPathEffect } from '../model/paths';
import { nameOf, pathValue } from '../model/reading';
import type { Directive } from '../parser/parser';
import type { Platform } from '../types';

const PLATFORM_NAME: Record<Platform, string> = { linux: 'Linux', macos: 'macOS', windows: 'Windows' };

/** The client command the "check this file for Windows" fix runs (client/src/statusItem.ts writes the setting). */
export const SET_PLATFORM_COMMAND = 'mosquitto.selectTarget';

/** Payload of a foreign-platform-path finding, for its quick fixes. */
export interface ForeignPath {
  /** The style the path is written in. */
  readonly style: 'windows' | 'posix';
  /** Most absolute paths of the configuration are Windows paths: offer to check it for Windows. */
  readonly windowsConfig: boolean;
  /** A POSIX spelling of a Windows path (drive dropped, `/` separators), for the edit fix. */
  readonly posixPath?: string;
}

/** `C:\mosquitto\certs\a.crt` → `/mosquitto/certs/a.crt`; undefined for UNC paths. */
export function posixSpelling(path: string): string | undefined {
  const m = /^[A-Za-z]:[\\/](.*)$/.exec(path);
  return m ? `/${m[1].replace(/\\/g, '/')}` : undefined;
}

/**
 * Paths written for another platform than the one the broker runs on. A Linux or macOS broker
 * reads `C:\…`, `C:/…` and `\\server\share` as relative names in its working directory
 * (checked with mosquitto 1.5.11, 1.6.15, 2.0.11, 2.0.22 and 2.1.2: password, ACL, PSK, plugin,
 * certificate files and include_dir refuse to start; test/broker/path-claims.ts). A Windows
 * broker reads `/etc/…` against the root of its current drive: mosquitto passes the path to
 * the C runtime's fopen unchanged (lib/misc_mosq.c `mosquitto__fopen`), which is rarely what
 * was meant.
 */
export default configurationRule<ForeignPath>({
  id: 'foreign-platform-path',
  title: 'Path written for another platform',
  check({ model, settings, report }) {
    const version = settings.brokerVersion;
    const platform = PLATFORM_NAME[settings.platform];
    const found: { d: Directive; text: string; start: number; style: 'windows' | 'posix' }[] = [];
    let windowsPaths = 0;
    let posixPaths = 0;
    for (const d of model.order) {
      const name = nameOf(d);
      const path = PATH_OPTIONS[name] || name === 'include_dir' ? pathValue(d, version) : undefined;
      if (!path) {
        continue;
      }
      if (foreignStyle(path.text, 'linux') === 'windows') {
        windowsPaths++;
      } else if (path.text.startsWith('/')) {
        posixPaths++;
      }
      const style = foreignStyle(path.text, settings.platform);
      if (style) {
        found.push({ d, text: path.text, start: path.start, style });
      }
    }
    const windowsConfig = windowsPaths > posixPaths;
    for (const { d, text, start, style } of found) {
      const at = span(d, start, start + text.length);
      const name = nameOf(d);
      const posixPath = style === 'windows' ? posixSpelling(text) : undefined;
      const data: ForeignPath = { style, windowsConfig, ...(posixPath !== undefined ? { posixPath } : {}) };
      const finding = (severity: Finding['severity'], message: string): Finding<ForeignPath> => ({ file: d.file, at, severity, message, data });
      if (style === 'posix') {
        report(
          finding(
            'warning',
            `'${text}' is a Linux/macOS path, but the broker is checked for Windows: Windows reads it on the current drive (for the service usually C:${text.replace(/\//g, '\\')}). Use a full Windows path, or check this file for another platform.`,
          ),
        );
        continue;
      }
      const asRead = `A ${platform} broker reads the Windows path '${text}' as a name relative to its working directory`;
      if (name === 'include_dir') {
        report(finding('error', `${asRead}, finds no such folder and refuses to start.`));
        continue;
      }
      const { fatal, effect } = missingPathEffect(d, model, version);
      if (PATH_OPTIONS[name]?.kind === 'parent' && !text.slice(2).includes('/')) {
        // `C:\mosquitto\mosquitto.pid` has no '/' at all: one odd file name in the working directory.
        report(finding('warning', `${asRead}: it writes a file named '${text}' there instead.`));
        continue;
      }
      report(finding(fatal ? 'error' : 'warning', `${asRead}, where it does not exist: ${effect}.`));
    }
  },
  fix({ diagnostic, payload }) {
    if (!payload) {
      return [];
    }
    const fixes = [];
    if (payload.style === 'windows' && payload.windowsConfig) {
      fixes.push({
        title: 'Check this configuration for a Windows broker (mosquitto.platform)',
        edits: [],
        preferred: true,
        command: { command: SET_PLATFORM_COMMAND, arguments: [{ platform: 'windows' }] },
      });
    }
    if (payload.style === 'posix') {
      fixes.push({
        title: 'Check this configuration for a Linux broker (mosquitto.platform)',
        edits: [],
        command: { command: SET_PLATFORM_COMMAND, arguments: [{ platform: 'linux' }] },
      });
    }
    if (payload.posixPath !== undefined) {
      fixes.push({
        title: `Use the Linux path '${payload.posixPath}' (edit it to where the file is)`,
        edits: [{ range: diagnostic.range, newText: payload.posixPath }],
      });
    }
    return fixes;
  },
});
