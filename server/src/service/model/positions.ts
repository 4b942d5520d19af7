/**
 * Positions of line objects in a configuration. Parsed lines and directives carry columns
 * only; where a line is comes from its file's position map (`lineOf`), looked up when a
 * diagnostic, a feature answer or a fix needs it. These helpers find the file of a directive
 * among the model's files (the main file and included files).
 */
import type { Range } from 'vscode-languageserver-types';
import type { Directive, ParsedFile, ParsedLine, Span } from '../parser/parser';
import { lineOf, spanRange } from '../parser/parser';

/** Anything that holds the parsed files of one analysis (a ConfigModel). */
export interface ParsedFiles {
  readonly files: readonly ParsedFile[];
}

/** The parsed file with this id (undefined when the configuration does not read it). */
export function parsedFileOf(model: ParsedFiles, uri: string): ParsedFile | undefined {
  return model.files.find((f) => f.uri === uri);
}

function fileOfDirective(model: ParsedFiles, d: Directive): ParsedFile {
  // A file read twice (two include_dir lines naming one folder) has a parse per reading.
  const file = model.files.find((f) => f.uri === d.file && f.positions.has(d));
  if (file === undefined) {
    throw new Error(`directive of a file that is not part of the configuration: ${d.file}`);
  }
  return file;
}

/** The 0-based line of a directive of the configuration (in its own file). */
export function lineIn(model: ParsedFiles, d: Directive): number {
  return lineOf(fileOfDirective(model, d), d);
}

/** The range of a span on a directive's line (`nameSpan(d)`, `tokenSpan(d, i)`, `span(d, s, e)`…). */
export function rangeIn(model: ParsedFiles, at: Span & { readonly on: Directive }): Range {
  return spanRange(fileOfDirective(model, at.on), at);
}

/** The range of columns `start` to `end` of a line object of `file`. */
export function columnsRange(file: ParsedFile, on: Directive | ParsedLine, start: number, end: number): Range {
  const line = lineOf(file, on);
  return { start: { line, character: start }, end: { line, character: end } };
}

/** The range of a directive's keyword. */
export function nameRangeIn(model: ParsedFiles, d: Directive): Range {
  return columnsRange(fileOfDirective(model, d), d, d.nameStart, d.nameEnd);
}

/** The range of a directive's value (an empty range at the end of the keyword when it has none). */
export function valueRangeIn(model: ParsedFiles, d: Directive): Range {
  return columnsRange(fileOfDirective(model, d), d, d.valueStart, d.valueEnd);
}

/** The range of a directive's whole line (without the line break). */
export function lineRangeIn(model: ParsedFiles, d: Directive): Range {
  return columnsRange(fileOfDirective(model, d), d, 0, d.text.length);
}
