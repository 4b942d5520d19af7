import type { Directive } from '../parser/parser';
import { lineOf } from '../parser/parser';
import { readBool } from '../util/numbers';
import { atLeast } from '../version';
import { atName, configurationRule, nameSpan } from '../engine/rule';
import { SINCE, nameOf } from '../model/reading';
import { aboveAttachedComments, deleteLine, insertLinesBefore } from '../model/lineEdits';

/** Options the broker counts as security settings for the per_listener_settings ordering check. */
export function isSecurityOption(d: Directive, version: import('../version').Version): boolean {
  const spec = d.spec;
  if (!spec) {
    return false;
  }
  const name = nameOf(d);
  if (name === 'global_plugin' || name === 'plugin_load') {
    return false;
  }
  if (name === 'check_retain_source') {
    return atLeast(version, SINCE.checkRetainSourceIsSecurity) && !atLeast(version, SINCE.release2_1);
  }
  return spec.scope === 'security' || name === 'auth_opt_*' || name === 'plugin_opt_*';
}

/** `per_listener_settings true` after security options: the broker refuses to start. */
// It reads the reading order, lines outside any section included, but only when the global
// section (where every per_listener_settings line lands) has a 'per_listener_settings true':
// that answer is kept across edits while the global section is untouched.
export default configurationRule<undefined, boolean>({
  id: 'per-listener-settings-order',
  title: 'per_listener_settings after security options',
  perSection(section) {
    return section.entries.some((d) => nameOf(d) === 'per_listener_settings' && readBool(d.args[0]?.text) === true);
  },
  check({ model, settings, report }, ofSection) {
    const version = settings.brokerVersion;
    if (!atLeast(version, SINCE.release1_5) || !ofSection(model.global)) {
      return;
    }
    const acrossFiles = atLeast(version, SINCE.securityOrderAcrossFiles);
    const firstSecurity = new Map<string, Directive>();
    for (const d of model.order) {
      if (nameOf(d) === 'per_listener_settings') {
        if (readBool(d.args[0]?.text) !== true) {
          continue;
        }
        const earlier = acrossFiles
          ? [...firstSecurity.values()].sort((a, b) => model.order.indexOf(a) - model.order.indexOf(b))[0]
          : firstSecurity.get(d.file);
        if (earlier) {
          report(
            atName(
              d,
              (lineNumber) =>
                `per_listener_settings must come before every security option, but '${earlier.name}' is set earlier (line ${lineNumber(earlier)}${earlier.file !== d.file ? ' of an included file' : ''}): the broker refuses to start. Move this line to the top of the main file.`,
              'error',
              {
                related: [{ file: earlier.file, at: nameSpan(earlier), message: 'first security option' }],
              },
            ),
          );
        }
      } else if (isSecurityOption(d, version) && !firstSecurity.has(d.file)) {
        firstSecurity.set(d.file, d);
      }
    }
  },
  fix({ directive, file }) {
    if (!directive) {
      return [];
    }
    const first = file.directives[0];
    if (!first || first === directive) {
      return []; // the earlier security option is in another file
    }
    const target = aboveAttachedComments(file, lineOf(file, first));
    const line = lineOf(file, directive);
    return [
      {
        title: 'Move per_listener_settings to the top of the file',
        edits: [insertLinesBefore(file, target, [directive.text]), deleteLine(file, line)],
        preferred: true,
      },
    ];
  },
});
