import { directivesWhere } from '../data';
import { PATH_OPTIONS } from '../data/paths';
import { isAbsoluteFor, isWindowsAbsolute } from '../util/paths';
import { directiveRule, span } from '../engine/rule';
import { nameOf, pathValue } from '../model/reading';

/** Relative paths resolve against the broker's working directory, not the config file's folder. */
export default directiveRule({
  id: 'relative-path',
  directives: directivesWhere((spec) => spec.path !== undefined || spec.name === 'include_dir'),
  lineLocal: true,
  title: 'Relative path',
  check(d, { settings, report }) {
    const name = nameOf(d);
    if ((!PATH_OPTIONS[name] && name !== 'include_dir') || name === 'persistence_location') {
      return;
    }
    // include_dir is read raw (the editor looks it up next to this file; the broker does not).
    const path = pathValue(d, settings.brokerVersion);
    if (!path || isAbsoluteFor(path.text, settings.platform) || path.text.includes('%')) {
      return;
    }
    // `C:\…` on a Linux or macOS broker: written for another platform (the platform
    // setting is probably not the one the file is for), not a relative path by intent.
    if (settings.platform !== 'windows' && (isWindowsAbsolute(path.text) || /^[A-Za-z]:[\\/]/.test(path.text))) {
      return;
    }
    const service =
      settings.platform === 'windows'
        ? ' The Windows service runs in C:\\Windows\\System32, so use an absolute path there.'
        : ' Under systemd that is usually /.';
    report({
      file: d.file,
      at: span(d, path.start, path.start + path.text.length),
      severity: 'warning',
      message: `'${path.text}' is relative: the broker resolves it against its working directory, not against this file's folder.${service}`,
    });
  },
});
