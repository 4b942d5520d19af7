import type { TextEdit } from 'vscode-languageserver-types';
import type { ParsedFile } from '../parser/parser';
import { lineOf } from '../parser/parser';

/** The line break the file uses (CRLF when any line ends in CRLF). */
export function lineBreakOf(file: ParsedFile): string {
  return file.lines.some((l) => l.hadCarriageReturn) ? '\r\n' : '\n';
}

/** Whether a line break follows this line in the text. */
export function hasLineBreakAfter(file: ParsedFile, line: number): boolean {
  return line < file.lines.length - 1 || (line === file.lines.length - 1 && file.text.endsWith('\n'));
}

function documentLineLength(file: ParsedFile, line: number): number {
  return file.lines[line]?.text.length ?? 0;
}

/** Inserts whole lines above `line`. */
export function insertLinesBefore(file: ParsedFile, line: number, lines: readonly string[]): TextEdit {
  const eol = lineBreakOf(file);
  if (line >= file.lines.length) {
    return insertLinesAfter(file, file.lines.length - 1, lines);
  }
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: lines.map((l) => l + eol).join('') };
}

/** Inserts whole lines below `line` (at the end of the file when it is the last line). */
export function insertLinesAfter(file: ParsedFile, line: number, lines: readonly string[]): TextEdit {
  const eol = lineBreakOf(file);
  if (hasLineBreakAfter(file, line)) {
    const at = { line: line + 1, character: 0 };
    return { range: { start: at, end: at }, newText: lines.map((l) => l + eol).join('') };
  }
  const last = file.lines[line];
  const at = { line, character: last ? last.text.length : 0 };
  return { range: { start: at, end: at }, newText: lines.map((l) => eol + l).join('') };
}

/** Deletes a whole line with its line break. */
export function deleteLine(file: ParsedFile, line: number): TextEdit {
  if (hasLineBreakAfter(file, line)) {
    return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  }
  if (line > 0) {
    return {
      range: { start: { line: line - 1, character: documentLineLength(file, line - 1) }, end: { line, character: documentLineLength(file, line) } },
      newText: '',
    };
  }
  return { range: { start: { line, character: 0 }, end: { line, character: documentLineLength(file, line) } }, newText: '' };
}

/** Replaces the text of a line (its line break is kept). */
export function replaceLine(file: ParsedFile, line: number, text: string): TextEdit {
  return { range: { start: { line, character: 0 }, end: { line, character: file.lines[line]?.text.length ?? 0 } }, newText: text };
}

/**
 * The line to insert above so the new lines do not separate `line` from the comment lines
 * directly above it (which usually describe it).
 */
export function aboveAttachedComments(file: ParsedFile, line: number): number {
  let at = line;
  while (at > 0 && file.lines[at - 1]?.kind === 'comment') {
    at--;
  }
  return at;
}

/**
 * Where new global lines go: above the first `listener` or `connection` line (and the
 * comments that describe it), else at the end of the file.
 */
export function globalInsertionLine(file: ParsedFile): number {
  const first = file.directives.find((d) => d.name === 'listener' || d.name === 'connection');
  return first ? aboveAttachedComments(file, lineOf(file, first)) : file.lines.length;
}
