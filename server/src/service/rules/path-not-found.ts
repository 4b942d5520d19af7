import { directivesWhere } from '../data';
import { PATH_OPTIONS } from '../data/paths';
import { dirname, isAbsoluteFor, isCheckableOn, resolveConfigPath } from '../util/paths';
import { directiveRule } from '../engine/rule';
import { nameOf, pathValue } from '../model/reading';
import { missingPathIsFatal } from '../model/paths';

/** The file or folder looked for. */
export interface MissingPath {
  readonly path: string;
}

/** Files and folders named in the configuration that do not exist on this machine. */
export default directiveRule<MissingPath>({
  id: 'path-not-found',
  directives: directivesWhere((spec) => spec.path !== undefined),
  title: 'File or folder that does not exist',
  check(d, { model, settings, fs, report }) {
    if (!settings.checkPaths) {
      return;
    }
    const use = PATH_OPTIONS[nameOf(d)];
    const path = use ? pathValue(d, settings.brokerVersion) : undefined;
    if (!use || !path || !isCheckableOn(path.text, fs.hostPlatform) || !isAbsoluteFor(path.text, fs.hostPlatform)) {
      return;
    }
    const resolved = resolveConfigPath(path.text, undefined);
    if (resolved === undefined) {
      return;
    }
    const target = use.kind === 'parent' ? dirname(resolved) : resolved;
    const info = fs.stat(target);
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
  },
});
