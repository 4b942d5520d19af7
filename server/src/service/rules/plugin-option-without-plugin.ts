import { atName, directiveRule } from '../engine/rule';
import { directivesWhere } from '../data';

/** `plugin_opt_*`/`auth_opt_*` or `auth_plugin_deny_special_chars` with no plugin line before it. */
export default directiveRule({
  id: 'plugin-option-without-plugin',
  directives: directivesWhere((spec) => spec.scope === 'plugin'),
  title: 'Plugin option before any plugin line',
  check(d, { model, report }) {
    if (model.placements.get(d)?.kind === 'no-plugin') {
      report(
        atName(
          d,
          `'${d.name}' belongs to a plugin, but no 'plugin' (or 'auth_plugin') line comes before it in this file: the broker refuses to start.`,
          'error',
        ),
      );
    }
  },
});
