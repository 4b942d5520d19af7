import { PATH_OPTIONS } from '../data/paths';
import type { Directive } from '../parser/parser';
import { atLeast } from '../version';
import { dirname, isAbsoluteFor, isCheckableOn, resolveConfigPath } from '../util/paths';
import type { Rule } from './rule';
import { nameOf } from './rule';

/** The path text of a path option and where it starts, as the selected release reads it. */
export function pathValue(d: Directive, trimmed: boolean): { text: string; start: number } | undefined {
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
  if (d.spec?.valueMode === 'raw') {
    return d.rest.length > 0 ? { text: d.rest, start: d.restStart } : undefined;
  }
  if (trimmed) {
    return d.value.length > 0 ? { text: d.value, start: d.valueRange.start.character } : undefined;
  }
  const untrimmed = d.rest.replace(/^[ \t]+/, '');
  return untrimmed.length > 0 ? { text: untrimmed, start: d.restStart + (d.rest.length - untrimmed.length) } : undefined;
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
    for (const d of model.order) {
      const use = PATH_OPTIONS[nameOf(d)];
      const path = use ? pathValue(d, trimmed) : undefined;
      if (!use || !path || !isCheckableOn(path.text, fs.hostPlatform) || !isAbsoluteFor(path.text, fs.hostPlatform)) {
        continue;
      }
      const resolved = resolveConfigPath(path.text, undefined);
      if (resolved === undefined) {
        continue;
      }
      const target = use.kind === 'parent' ? dirname(resolved) : resolved;
      const info = fs.stat(target);
      const range = { start: { line: d.line, character: path.start }, end: { line: d.line, character: path.start + path.text.length } };
      const effect = use.fatal ? 'the broker refuses to start' : nameOf(d) === 'log_dest' ? 'the broker cannot write its log there' : 'the bridge cannot connect';
      const severity = use.fatal ? 'error' : 'warning';
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
