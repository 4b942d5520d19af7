import type { Diagnostic, Position } from 'vscode-languageserver-types';

/** Where the last edit left the cursor: the end of the text it inserted. */
export function positionAfterEdit(start: Position, insertedText: string): Position {
  const lines = insertedText.split(/\r\n|\r|\n/);
  if (lines.length === 1) {
    return { line: start.line, character: start.character + insertedText.length };
  }
  return { line: start.line + lines.length - 1, character: lines[lines.length - 1].length };
}

/**
 * Drops the `unknown-directive` finding on the word the user is still typing: the last edit
 * left the cursor right at the end of the unknown name (`liste|` on its way to `listener`).
 * Once the user types a space or edits elsewhere, the finding is back. Every other finding,
 * on that line or any other, is kept.
 */
export function withoutWordBeingTyped(diagnostics: readonly Diagnostic[], lastEdit: Position | undefined): Diagnostic[] {
  if (!lastEdit) {
    return [...diagnostics];
  }
  return diagnostics.filter(
    (d) =>
      !(
        d.code === 'unknown-directive' &&
        d.range.end.line === lastEdit.line &&
        d.range.start.line === lastEdit.line &&
        d.range.end.character === lastEdit.character
      ),
  );
}
