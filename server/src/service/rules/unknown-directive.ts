import { DIRECTIVE_NAMES, findDirective } from '../data';
import { closestMatches } from '../util/editDistance';
import { EVERY_DIRECTIVE, atName, directiveRule } from '../engine/rule';
import type { Candidates } from '../model/fixSupport';
import { replaceWithEach } from '../model/fixSupport';

/**
 * Keywords the broker does not know. Keywords that are unknown for a more specific reason
 * (tab, indented comment, letter case, byte order mark, `key=value`) have rules of their own.
 */
export function isSpeciallyExplained(name: string): boolean {
  return (
    name.includes('\t') ||
    name.startsWith('#') ||
    name.charCodeAt(0) === 0xfeff ||
    // `key=value` / `key: value` with a known key (assignment-syntax); other text with '=' stays unknown.
    findDirective(/^([A-Za-z_][A-Za-z0-9_.]*)\s*[=:]/.exec(name)?.[1] ?? '') !== undefined ||
    (findDirective(name) === undefined && findDirective(name.toLowerCase()) !== undefined)
  );
}

export default directiveRule<Candidates>({
  id: 'unknown-directive',
  directives: EVERY_DIRECTIVE,
  lineLocal: true,
  title: 'Directive the broker does not know',
  check(d, { report }) {
    const prefix = d.spec?.prefix;
    if (prefix !== undefined && d.name.length < prefix.length + 3) {
      // The broker insists on a key of at least three characters after the prefix.
      report(
        atName(
          d,
          `'${d.name}' is not a valid plugin option: the key after '${prefix}' must be at least 3 characters long, so the broker refuses to start.`,
          'error',
        ),
      );
      return;
    }
    if (d.spec || isSpeciallyExplained(d.name)) {
      return;
    }
    const candidates = closestMatches(d.name, DIRECTIVE_NAMES);
    const hint = candidates.length > 0 ? ` Did you mean ${candidates.map((c) => `'${c}'`).join(', ')}?` : '';
    report(atName(d, `Unknown directive '${d.name}': the broker refuses to start.${hint}`, 'error', { data: { candidates } }));
  },
  fix({ diagnostic, payload }) {
    return replaceWithEach(diagnostic.range, payload?.candidates ?? []);
  },
});
