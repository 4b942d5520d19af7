import { describeVolume } from '../model/brokerPaths';
import { atLeast } from '../version';
import { atName, configurationRule } from '../engine/rule';
import { SINCE } from '../model/reading';

/** include_dir problems the broker reports (or silently ignores). */
// Not kept across edits (no `sectionsOnly`): it reads what include_dir found on the file system.
export default configurationRule({
  id: 'include-dir',
  title: 'include_dir used where the broker ignores or refuses it',
  check({ model, settings, report }) {
    const is21 = atLeast(settings.brokerVersion, SINCE.release2_1);
    for (const info of model.includes) {
      const d = info.directive;
      if (info.status === 'nested') {
        report(
          atName(
            d,
            is21
              ? "'include_dir' is only allowed in the main configuration file: the broker refuses to start."
              : "'include_dir' inside an included file is silently ignored by this broker version; only the main file may include folders.",
            is21 ? 'error' : 'warning',
          ),
        );
      } else if (info.status === 'unreadable' && settings.checkPaths && !/[ \t]$/.test(d.rest)) {
        const through = info.mapping ? ` through the mapping ${info.mapping.brokerPath} → ${info.mapping.localPath ?? ''} from ${info.mapping.origin}` : '';
        report(
          atName(
            d,
            `The folder '${d.rest}' cannot be read on this machine${info.directory !== d.rest ? ` (looked for ${info.directory ?? ''}${through})` : ''}: the broker refuses to start if it is missing where it runs.`,
            'error',
          ),
        );
      } else if (info.status === 'in-volume' && info.mapping) {
        report(
          atName(
            d,
            `The folder '${d.rest}' is inside ${describeVolume(info.mapping)}, whose content cannot be seen from here: the files it includes are not checked.`,
            'information',
          ),
        );
      } else if (info.status === 'ok' && settings.platform === 'windows') {
        const backups = info.skipped.filter((name) => /\.conf.+$/i.test(name));
        if (backups.length > 0) {
          report(
            atName(
              d,
              `The Windows broker lists this folder with the pattern *.conf, which can also match ${backups.map((b) => `'${b}'`).join(', ')}: editor backups may be loaded as configuration. Remove them from the folder.`,
              'warning',
            ),
          );
        }
      }
      if (/[ \t]$/.test(d.rest)) {
        report(
          atName(
            d,
            "The folder name ends in white space, which the broker keeps as part of the path for 'include_dir': it cannot open that folder and refuses to start. Remove the trailing blanks.",
            'error',
          ),
        );
      }
    }
  },
});
