import { EVERY_DIRECTIVE, directiveRule, lineSpan } from '../engine/rule';
import { lineOf } from '../parser/parser';

/** `#` starts a comment only in the first column. */
export default directiveRule({
  id: 'indented-comment',
  directives: EVERY_DIRECTIVE,
  lineLocal: true,
  title: 'Comment that does not start in the first column',
  check(d, { report }) {
    if (d.name.startsWith('#')) {
      report({
        file: d.file,
        at: lineSpan(d),
        message:
          "The broker treats '#' as a comment only in the first column: this indented line is read as the unknown directive '#' and the broker refuses to start. Remove the leading spaces.",
        severity: 'error',
      });
    }
  },
  fix({ directive, file }) {
    if (!directive || directive.nameStart === 0) {
      return [];
    }
    const line = lineOf(file, directive);
    return [
      {
        title: 'Move the comment to the first column',
        edits: [{ range: { start: { line, character: 0 }, end: { line, character: directive.nameStart } }, newText: '' }],
        preferred: true,
      },
    ];
  },
});
