import { directivesWhere } from '../data';
import { PATH_OPTIONS } from '../data/paths';
import { dirname } from '../util/paths';
import { directiveRule, span } from '../engine/rule';
import { describeVolume, pathContext, resolveBrokerPath, serviceFolder } from '../model/brokerPaths';
import { nameOf, pathValue } from '../model/reading';
import { missingPathEffect } from '../model/paths';

/** The file or folder looked for. */
export interface MissingPath {
  readonly path: string;
}

/**
 * Files and folders named in the configuration that do not exist on this machine, looked up
 * through the path mappings (model/brokerPaths.ts). Inside a named volume: a note. A folder
 * the packaged service creates before starting the broker: a note saying who creates it.
 */
export default directiveRule<MissingPath>({
  id: 'path-not-found',
  directives: directivesWhere((spec) => spec.path !== undefined),
  title: 'File or folder that does not exist',
  check(d, context) {
    const { settings, report } = context;
    if (!settings.checkPaths) {
      return;
    }
    const use = PATH_OPTIONS[nameOf(d)];
    const path = use ? pathValue(d, settings.brokerVersion) : undefined;
    if (!use || !path) {
      return;
    }
    const at = span(d, path.start, path.start + path.text.length);
    const resolved = resolveBrokerPath(path.text, pathContext(settings, context.fs.hostPlatform));
    if (resolved.kind === 'volume') {
      report({
        file: d.file,
        at,
        severity: 'information',
        message: `'${path.text}' is inside ${describeVolume(resolved.mapping)}, whose content cannot be seen from here: not checked.`,
      });
      return;
    }
    if (resolved.kind !== 'local' || resolved.relative) {
      return;
    }
    const target = use.kind === 'parent' ? dirname(resolved.local) : resolved.local;
    const info = context.fs.stat(target);
    // What a missing path does is worked out from the model only when there is something to
    // report: an existing, readable file is the common case, and reads no placement.
    // One report for a path that is missing or of the wrong kind: its severity and consequence.
    const reportMissing = (message: string, data?: MissingPath): void => {
      const { fatal, effect } = missingPathEffect(d, context.model, settings.brokerVersion);
      report({ file: d.file, at, severity: fatal ? 'error' : 'warning', message: `${message}: ${effect}.`, ...(data ? { data } : {}) });
    };
    const mapped = resolved.mapping;
    const where = mapped
      ? ` (looked up at '${resolved.local}' through the mapping ${mapped.brokerPath} → ${mapped.localPath ?? ''} from ${mapped.origin})`
      : ' (checked on this machine; ignore it if the broker runs elsewhere, e.g. in a container)';
    if (!info) {
      const brokerFolder = use.kind === 'parent' ? dirname(path.text) : path.text;
      const creator = use.kind !== 'file' && !mapped ? serviceFolder(brokerFolder, settings.platform) : undefined;
      if (creator !== undefined) {
        report({
          file: d.file,
          at,
          severity: 'information',
          message: `The folder '${brokerFolder}' does not exist on this machine, but ${creator}.`,
          data: { path: target },
        });
        return;
      }
      const what = use.kind === 'parent' ? `The folder '${target}' for this file does not exist` : `'${path.text}' does not exist`;
      reportMissing(`${what}${where}`, { path: target });
    } else if (use.kind === 'file' && info.kind === 'directory') {
      reportMissing(`'${path.text}' is a folder, but '${d.name}' needs a file`);
    } else if (use.kind !== 'file' && info.kind !== 'directory') {
      reportMissing(`'${target}' is not a folder`);
    } else if (!info.readable && use.kind === 'file') {
      report({
        file: d.file,
        at,
        severity: 'warning',
        message: `'${path.text}' exists but cannot be read here${where}. The broker reads it after dropping privileges (to the 'mosquitto' user on Linux).`,
      });
    }
  },
});
