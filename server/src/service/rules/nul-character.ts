import { configurationRule, span } from '../engine/rule';
import type { NulMark } from '../parser/parser';
import { nulReading } from '../model/reading';

/**
 * A NUL character: where the selected release stops reading (that line and the rest of the
 * file are ignored), and lines before it that the release reads as empty because they start
 * with a NUL (see `nulReading`).
 */
// Not kept across edits (no `sectionsOnly`): it reads the text of the files, which no section holds.
export default configurationRule({
  id: 'nul-character',
  title: 'NUL character in the file',
  check({ model, settings, report }) {
    for (const file of model.files) {
      const nuls = nulReading(file, settings.brokerVersion);
      const at = (nul: NulMark, message: string): void =>
        report({
          file: file.uri,
          at: span(file.lines[nul.line], nul.column, nul.column + 1),
          severity: 'warning',
          message,
        });
      for (const nul of nuls.emptied) {
        at(nul, 'This line starts with a NUL character: the broker reads it as an empty line and ignores all of it, then goes on with the next line.');
      }
      if (nuls.stop !== undefined) {
        at(nuls.stop, 'The file contains a NUL character: the broker stops reading here and silently ignores this line and everything after it.');
      }
    }
  },
});
