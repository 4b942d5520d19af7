import { findDirective } from '../data';
import { EVERY_DIRECTIVE, atName, directiveRule } from '../engine/rule';
import type { Candidates } from '../model/fixSupport';
import { replaceWithEach } from '../model/fixSupport';

/** `Listener` for `listener`: keywords are case-sensitive. */
export default directiveRule<Candidates>({
  id: 'directive-case',
  directives: EVERY_DIRECTIVE,
  lineLocal: true,
  title: 'Directive written in the wrong letter case',
  check(d, { report }) {
    if (d.spec || /[\t=:#]/.test(d.name) || d.name.charCodeAt(0) === 0xfeff) {
      return;
    }
    const lower = d.name.toLowerCase();
    if (findDirective(lower)) {
      report(
        atName(d, `Directive names are case-sensitive: the broker does not know '${d.name}' and refuses to start. Write '${lower}'.`, 'error', {
          data: { candidates: [lower] },
        }),
      );
    }
  },
  fix({ diagnostic, payload }) {
    return replaceWithEach(diagnostic.range, payload?.candidates ?? []);
  },
});
