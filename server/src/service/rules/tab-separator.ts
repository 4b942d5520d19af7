import { findDirective } from '../data';
import { EVERY_DIRECTIVE, directiveRule, span } from '../engine/rule';
import { lineOf } from '../parser/parser';
import { columnsRange } from '../model/positions';

/** A tab where the broker only accepts spaces: in the keyword, or indenting the line. */
export default directiveRule({
  id: 'tab-separator',
  directives: EVERY_DIRECTIVE,
  lineLocal: true,
  title: 'Tab used as a separator or for indentation',
  check(d, { report }) {
    const tab = d.name.indexOf('\t');
    if (tab === -1) {
      return;
    }
    const head = d.name.slice(0, tab);
    const known = head.length > 0 && findDirective(head) !== undefined;
    const message = known
      ? `A tab separates '${head}' from its value, but the broker splits on spaces only: it reads the unknown directive '${d.name.replace(/\t/g, '\\t')}' and refuses to start. Use a space.`
      : 'This line contains a tab where the broker expects a space (tabs are not white space to it), so the directive is unknown and the broker refuses to start.';
    report({
      file: d.file,
      at: span(d, d.nameStart + tab, d.nameStart + tab + 1),
      message,
      severity: 'error',
    });
  },
  fix({ directive, file }) {
    if (!directive) {
      return [];
    }
    const name = directive.name;
    const line = lineOf(file, directive);
    if (/^[\t ]*#/.test(name)) {
      // A tab-indented comment: the comment goes back to the first column.
      return [
        {
          title: 'Move the comment to the first column',
          edits: [{ range: { start: { line, character: 0 }, end: { line, character: directive.nameEnd } }, newText: name.replace(/^[\t ]+/, '') }],
          preferred: true,
        },
      ];
    }
    return [
      {
        title: 'Replace tabs with spaces',
        edits: [{ range: columnsRange(file, directive, directive.nameStart, directive.nameEnd), newText: name.replace(/\t/g, ' ') }],
        preferred: true,
      },
    ];
  },
});
