import type { Directive } from '../parser/parser';
import { readBool } from '../util/numbers';
import { atLeast } from '../version';
import type { Rule } from './rule';
import { atName, nameOf } from './rule';

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
    return atLeast(version, '1.5.6') && !atLeast(version, '2.1.0');
  }
  return spec.scope === 'security' || name === 'auth_opt_*' || name === 'plugin_opt_*';
}

/** `per_listener_settings true` after security options: the broker refuses to start. */
export const perListenerSettingsOrder: Rule = {
  id: 'per-listener-settings-order',
  title: 'per_listener_settings after security options',
  check({ model, settings, report }) {
    const version = settings.brokerVersion;
    if (!atLeast(version, '1.5.0')) {
      return;
    }
    const acrossFiles = atLeast(version, '1.5.7');
    const firstSecurity = new Map<string, Directive>();
    for (const d of model.order) {
      if (nameOf(d) === 'per_listener_settings') {
        if (readBool(d.args[0]?.text) !== true) {
          continue;
        }
        const earlier = acrossFiles ? [...firstSecurity.values()].sort((a, b) => model.order.indexOf(a) - model.order.indexOf(b))[0] : firstSecurity.get(d.file);
        if (earlier) {
          report(atName(d, `per_listener_settings must come before every security option, but '${earlier.name}' is set earlier (line ${earlier.line + 1}${earlier.file !== d.file ? ' of an included file' : ''}): the broker refuses to start. Move this line to the top of the main file.`, 'error', {
            related: [{ file: earlier.file, range: earlier.nameRange, message: 'first security option' }],
          }));
        }
      } else if (isSecurityOption(d, version) && !firstSecurity.has(d.file)) {
        firstSecurity.set(d.file, d);
      }
    }
  },
};
