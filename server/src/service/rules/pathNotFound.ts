import { PATH_OPTIONS } from '../data/paths';
import type { ConfigModel } from '../model/config';
import { activeListeners, listenerUsesTls } from '../model/config';
import type { Directive } from '../parser/parser';
import type { PathInfo } from '../types';
import type { Version } from '../version';
import { atLeast } from '../version';
import { dirname, isAbsoluteFor, isCheckableOn, resolveConfigPath } from '../util/paths';
import type { Rule } from './rule';
import { nameOf, valueModeOf } from './rule';

/** The path text of a path option and where it starts, as the selected release reads it. */
export function pathValue(d: Directive, trimmed: boolean, version: Version): { text: string; start: number } | undefined {
  const use = PATH_OPTIONS[nameOf(d)];
  if (!use) {
    return undefined;
  }
  if (use.fromSecondToken) {
    if (d.args[0]?.text !== 'file' || d.args.length < 2) {
      return undefined;
    }
    const start = d.args[1].start;
    const raw = d.rest.slice(start - d.restStart).replace(/^[ \t]+/, '');
    return { text: raw, start };
  }
  const mode = valueModeOf(d, version);
  if (mode === 'token') {
    return d.args[0] ? { text: d.args[0].text, start: d.args[0].start } : undefined;
  }
  if (mode === 'raw') {
    return d.rest.length > 0 ? { text: d.rest, start: d.restStart } : undefined;
  }
  if (trimmed) {
    return d.value.length > 0 ? { text: d.value, start: d.valueRange.start.character } : undefined;
  }
  const untrimmed = d.rest.replace(/^[ \t]+/, '');
  return untrimmed.length > 0 ? { text: untrimmed, start: d.restStart + (d.rest.length - untrimmed.length) } : undefined;
}

/**
 * Whether a missing file for this directive stops the selected broker from starting:
 * listener TLS files only matter when the listener switches TLS on (and is opened at all),
 * and options a release accepts but ignores never do.
 */
export function missingPathIsFatal(d: Directive, model: ConfigModel, version: Version): boolean {
  const use = PATH_OPTIONS[nameOf(d)];
  if (!use?.fatal) {
    return false;
  }
  const removed = d.spec?.removed;
  if (removed?.kind === 'ignored' && atLeast(version, removed.version)) {
    return false;
  }
  if (use.tlsListener) {
    const section = model.placements.get(d)?.target;
    return section !== undefined && activeListeners(model).includes(section) && listenerUsesTls(section, version);
  }
  return true;
}

/**
 * Whether a path the user meant (`intended`) but the broker reads differently (`read`, e.g.
 * with a comment, quotes or '= ' glued on) stops the broker. Files and folders that must
 * exist are never found under the changed name; a file the broker creates (pid file) only
 * fails when the change puts it into a folder that does not exist.
 */
export function changedPathIsFatal(d: Directive, model: ConfigModel, version: Version, intended: string, read: string): boolean {
  if (!missingPathIsFatal(d, model, version)) {
    return false;
  }
  return PATH_OPTIONS[nameOf(d)]?.kind !== 'parent' || dirname(read) !== dirname(intended);
}

/** Files and folders named in the configuration that do not exist on this machine. */
export const pathNotFound: Rule = {
  id: 'path-not-found',
  title: 'File or folder that does not exist',
  check({ model, settings, fs, report }) {
    if (!settings.checkPaths) {
      return;
    }
    const trimmed = atLeast(settings.brokerVersion, '1.6.9');
    // Configurations name the same certificate files over and over (every TLS listener):
    // ask the file system once per path and analysis, not once per line.
    const known = new Map<string, PathInfo | undefined>();
    const stat = (target: string): PathInfo | undefined => {
      if (!known.has(target)) {
        known.set(target, fs.stat(target));
      }
      return known.get(target);
    };
    for (const d of model.order) {
      const use = PATH_OPTIONS[nameOf(d)];
      const path = use ? pathValue(d, trimmed, settings.brokerVersion) : undefined;
      if (!use || !path || !isCheckableOn(path.text, fs.hostPlatform) || !isAbsoluteFor(path.text, fs.hostPlatform)) {
        continue;
      }
      const resolved = resolveConfigPath(path.text, undefined);
      if (resolved === undefined) {
        continue;
      }
      const target = use.kind === 'parent' ? dirname(resolved) : resolved;
      const info = stat(target);
      const range = { start: { line: d.line, character: path.start }, end: { line: d.line, character: path.start + path.text.length } };
      const fatal = missingPathIsFatal(d, model, settings.brokerVersion);
      const effect = fatal
        ? 'the broker refuses to start'
        : use.tlsListener
          ? 'the broker does not read it yet, because this listener does not switch TLS on, but it will once TLS is enabled'
          : use.effect ?? 'the broker does not use it';
      const severity = fatal ? 'error' : 'warning';
      const where = ' (checked on this machine; ignore it if the broker runs elsewhere, e.g. in a container)';
      if (!info) {
        const what = use.kind === 'parent' ? `The folder '${target}' for this file does not exist` : `'${path.text}' does not exist`;
        report({ file: d.file, range, severity, message: `${what}${where}: ${effect}.`, data: { path: target } });
      } else if (use.kind === 'file' && info.kind === 'directory') {
        report({ file: d.file, range, severity, message: `'${path.text}' is a folder, but '${d.name}' needs a file: ${effect}.` });
      } else if (use.kind !== 'file' && info.kind !== 'directory') {
        report({ file: d.file, range, severity, message: `'${target}' is not a folder: ${effect}.` });
      } else if (!info.readable && use.kind === 'file') {
        report({ file: d.file, range, severity: 'warning', message: `'${path.text}' exists but cannot be read here${where}. The broker reads it after dropping privileges (to the 'mosquitto' user on Linux).` });
      }
    }
  },
};
