import { DIRECTIVE_NAMES, findDirective } from '../data';
import { closestMatches } from '../util/editDistance';
import type { Rule } from './rule';
import { atName } from './rule';

/**
 * Keywords the broker does not know. Keywords that are unknown for a more specific reason
 * (tab, indented comment, letter case, byte order mark, `key=value`) have rules of their own.
 */
export function isSpeciallyExplained(name: string): boolean {
  return (
    name.includes('\t') ||
    name.startsWith('#') ||
    name.charCodeAt(0) === 0xfeff ||
    /[=:]/.test(name) ||
    (findDirective(name) === undefined && findDirective(name.toLowerCase()) !== undefined)
  );
}

export const unknownDirective: Rule = {
  id: 'unknown-directive',
  title: 'Directive the broker does not know',
  check({ model, report }) {
    for (const d of model.order) {
      if (d.spec || isSpeciallyExplained(d.name)) {
        continue;
      }
      const candidates = closestMatches(d.name, DIRECTIVE_NAMES);
      const hint = candidates.length > 0 ? ` Did you mean ${candidates.map((c) => `'${c}'`).join(', ')}?` : '';
      report(atName(d, `Unknown directive '${d.name}': the broker refuses to start.${hint}`, 'error', { data: { candidates } }));
    }
  },
};
