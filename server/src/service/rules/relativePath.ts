import { PATH_OPTIONS } from '../data/paths';
import { atLeast } from '../version';
import { isAbsoluteFor, isWindowsAbsolute } from '../util/paths';
import type { Rule } from './rule';
import { nameOf } from './rule';
import { pathValue } from './pathNotFound';

/** Relative paths resolve against the broker's working directory, not the config file's folder. */
export const relativePath: Rule = {
  id: 'relative-path',
  title: 'Relative path',
  check({ model, settings, report }) {
    const trimmed = atLeast(settings.brokerVersion, '1.6.9');
    for (const d of model.order) {
      const name = nameOf(d);
      if ((!PATH_OPTIONS[name] && name !== 'include_dir') || name === 'persistence_location') {
        continue;
      }
      // include_dir is read raw (the editor looks it up next to this file; the broker does not).
      const path = name === 'include_dir' ? (d.rest.length > 0 ? { text: d.rest, start: d.restStart } : undefined) : pathValue(d, trimmed, settings.brokerVersion);
      if (!path || isAbsoluteFor(path.text, settings.platform) || path.text.includes('%')) {
        continue;
      }
      // `C:\…` on a Linux or macOS broker: written for another platform (the platform
      // setting is probably not the one the file is for), not a relative path by intent.
      if (settings.platform !== 'windows' && (isWindowsAbsolute(path.text) || /^[A-Za-z]:[\\/]/.test(path.text))) {
        continue;
      }
      const service = settings.platform === 'windows' ? ' The Windows service runs in C:\\Windows\\System32, so use an absolute path there.' : ' Under systemd that is usually /.';
      report({
        file: d.file,
        range: { start: { line: d.line, character: path.start }, end: { line: d.line, character: path.start + path.text.length } },
        severity: 'warning',
        message: `'${path.text}' is relative: the broker resolves it against its working directory, not against this file's folder.${service}`,
      });
    }
  },
};
