import { findDirective } from '../data';
import type { Rule } from './rule';

/** A tab where the broker only accepts spaces: in the keyword, or indenting the line. */
export const tabSeparator: Rule = {
  id: 'tab-separator',
  title: 'Tab used as a separator or for indentation',
  check({ model, report }) {
    for (const d of model.order) {
      const tab = d.name.indexOf('\t');
      if (tab === -1) {
        continue;
      }
      const head = d.name.slice(0, tab);
      const known = head.length > 0 && findDirective(head) !== undefined;
      const message = known
        ? `A tab separates '${head}' from its value, but the broker splits on spaces only: it reads the unknown directive '${d.name.replace(/\t/g, '\\t')}' and refuses to start. Use a space.`
        : 'This line contains a tab where the broker expects a space (tabs are not white space to it), so the directive is unknown and the broker refuses to start.';
      report({
        file: d.file,
        range: { start: { line: d.line, character: d.nameRange.start.character + tab }, end: { line: d.line, character: d.nameRange.start.character + tab + 1 } },
        message,
        severity: 'error',
      });
    }
  },
};
