import type { Rule } from './rule';
import { atName } from './rule';

/** `plugin_opt_*`/`auth_opt_*` or `auth_plugin_deny_special_chars` with no plugin line before it. */
export const pluginOptionWithoutPlugin: Rule = {
  id: 'plugin-option-without-plugin',
  title: 'Plugin option before any plugin line',
  check({ model, report }) {
    for (const d of model.order) {
      if (model.placements.get(d)?.kind === 'no-plugin') {
        report(atName(d, `'${d.name}' belongs to a plugin, but no 'plugin' (or 'auth_plugin') line comes before it in this file: the broker refuses to start.`, 'error'));
      }
    }
  },
};
