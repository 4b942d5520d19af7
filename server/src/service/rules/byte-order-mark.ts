import { configurationRule, span } from '../engine/rule';

/** A UTF-8 byte order mark: the broker reads it as part of the first keyword. */
// Not kept across edits (no `sectionsOnly`): it reads the text of the files, which no section holds.
export default configurationRule({
  id: 'byte-order-mark',
  title: 'File starts with a byte order mark',
  check({ model, report }) {
    for (const file of model.files) {
      if (file.hasBom) {
        report({
          file: file.uri,
          at: span(file.lines[0], 0, 1),
          message:
            'The file starts with a UTF-8 byte order mark. The broker does not skip it, so the first line becomes an unknown directive and the broker refuses to start. Save the file as UTF-8 without BOM.',
          severity: 'error',
        });
      }
    }
  },
  fix: ({ diagnostic }) => [{ title: 'Remove the byte order mark', edits: [{ range: diagnostic.range, newText: '' }], preferred: true }],
});
