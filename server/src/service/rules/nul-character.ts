import { configurationRule } from '../engine/rule';

/** The broker stops reading at a NUL character and silently ignores the rest of the file. */
// Not kept across edits (no `sectionsOnly`): it reads the text of the files, which no section holds.
export default configurationRule({
  id: 'nul-character',
  title: 'NUL character in the file',
  check({ model, report }) {
    for (const file of model.files) {
      if (file.nulLine === undefined) {
        continue;
      }
      const line = file.lines[file.nulLine];
      const column = line ? line.text.indexOf('\0') : 0;
      report({
        file: file.uri,
        range: { start: { line: file.nulLine, character: Math.max(0, column) }, end: { line: file.nulLine, character: Math.max(0, column) + 1 } },
        severity: 'warning',
        message: 'The file contains a NUL character: the broker stops reading here and silently ignores this line and everything after it.',
      });
    }
  },
});
