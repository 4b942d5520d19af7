import type { Rule } from './rule';

/**
 * A carriage return that does not end the broker's line: editors show a line break there,
 * the broker (which splits at line feeds only) reads both lines as one.
 */
export const loneCarriageReturn: Rule = {
  id: 'lone-carriage-return',
  title: 'Line break made of a lone carriage return (CR)',
  check({ model, report }) {
    for (const file of model.files) {
      for (const line of file.loneCarriageReturns) {
        const text = file.lines[line]?.text ?? '';
        report({
          file: file.uri,
          range: { start: { line, character: text.length }, end: { line: line + 1, character: 0 } },
          severity: 'warning',
          message: 'This line ends with a lone carriage return (old Mac line ending). The broker only breaks lines at line feeds, so it reads this line and the next as one line. Use LF or CRLF line endings.',
        });
      }
    }
  },
};
