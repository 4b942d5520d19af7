import { findDirective } from '../data';
import type { Rule } from './rule';
import { atName } from './rule';

/** `Listener` for `listener`: keywords are case-sensitive. */
export const directiveCase: Rule = {
  id: 'directive-case',
  title: 'Directive written in the wrong letter case',
  check({ model, report }) {
    for (const d of model.order) {
      if (d.spec || /[\t=:#]/.test(d.name) || d.name.charCodeAt(0) === 0xfeff) {
        continue;
      }
      const lower = d.name.toLowerCase();
      if (findDirective(lower)) {
        report(atName(d, `Directive names are case-sensitive: the broker does not know '${d.name}' and refuses to start. Write '${lower}'.`, 'error', { data: { candidates: [lower] } }));
      }
    }
  },
};
