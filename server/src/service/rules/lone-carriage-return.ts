import { configurationRule, span } from '../engine/rule';

/**
 * A carriage return that does not end the broker's line: editors show a line break there, the
 * broker (which splits at line feeds only) reads the text on both sides as one line.
 */
// Not kept across edits (no `sectionsOnly`): it reads the text of the files, which no section holds.
export default configurationRule({
  id: 'lone-carriage-return',
  title: 'Line break made of a lone carriage return (CR)',
  check({ model, report }) {
    for (const file of model.files) {
      for (const line of file.loneCarriageReturns) {
        const text = file.lines[line]?.text ?? '';
        report({
          file: file.uri,
          at: span(file.lines[line], text.indexOf('\r'), text.length),
          severity: 'warning',
          message:
            'These lines are separated by lone carriage returns (old Mac line endings). The broker only breaks lines at line feeds, so it reads them as a single line. Use LF or CRLF line endings.',
        });
      }
    }
  },
});
