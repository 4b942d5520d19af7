import type { Range } from 'vscode-languageserver-types';

/**
 * One line as mosquitto's file readers see it: fgets() splits on '\n' only, and the line
 * length is unlimited (the buffer grows). `text` excludes the '\n'; a '\r' before it stays
 * in `text` (the readers strip it as trailing white space, or keep it, depending on the file).
 */
export interface ReaderLine {
  /** 0-based line number in the file. */
  readonly line: number;
  readonly text: string;
  /** False for a last line without a line break. */
  readonly hasNewline: boolean;
}

/** Splits a companion file into the lines mosquitto's readers get. */
export function readerLines(text: string): ReaderLine[] {
  const parts = text.split('\n');
  const lines: ReaderLine[] = [];
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    if (last && part.length === 0) {
      return;
    }
    lines.push({ line: index, text: part, hasNewline: !last });
  });
  return lines;
}

/** C isspace() in the "C" locale. */
export function isCSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\v' || ch === '\f';
}

/** A piece of a line and where it starts. */
export interface Span {
  readonly text: string;
  readonly start: number;
}

/** mosquitto's trimblanks(): drops C white space at both ends. */
export function trimBlanks(span: Span): Span {
  let start = 0;
  let end = span.text.length;
  while (start < end && isCSpace(span.text[start])) {
    start++;
  }
  while (end > start && isCSpace(span.text[end - 1])) {
    end--;
  }
  return { text: span.text.slice(start, end), start: span.start + start };
}

/** Drops C white space at the end only (what the ACL reader does to every line first). */
export function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && isCSpace(text[end - 1])) {
    end--;
  }
  return text.slice(0, end);
}

/**
 * A strtok_r() walk over one line: `next(delims)` returns the next token, skipping leading
 * delimiters; `rest()` is strtok_r(NULL, "") — everything after the delimiter that ended the
 * previous token, or undefined when nothing is left.
 */
export class Tokenizer {
  private position = 0;

  constructor(private readonly text: string) {}

  next(delimiters: string): Span | undefined {
    let start = this.position;
    while (start < this.text.length && delimiters.includes(this.text[start])) {
      start++;
    }
    if (start >= this.text.length) {
      this.position = this.text.length;
      return undefined;
    }
    let end = start;
    while (end < this.text.length && !delimiters.includes(this.text[end])) {
      end++;
    }
    // strtok_r writes a NUL over the delimiter and continues after it.
    this.position = end < this.text.length ? end + 1 : end;
    return { text: this.text.slice(start, end), start };
  }

  rest(): Span | undefined {
    if (this.position >= this.text.length) {
      return undefined;
    }
    const span = { text: this.text.slice(this.position), start: this.position };
    this.position = this.text.length;
    return span;
  }
}

/** The range of a span on a line. */
export function spanRange(line: number, span: Span): Range {
  return { start: { line, character: span.start }, end: { line, character: span.start + span.text.length } };
}

/** The range of a whole line's visible text (without a trailing '\r'). */
export function lineRange(line: ReaderLine): Range {
  const length = line.text.endsWith('\r') ? line.text.length - 1 : line.text.length;
  return { start: { line: line.line, character: 0 }, end: { line: line.line, character: length } };
}

/** UTF-8 length of a string (the readers' length limits count bytes). */
export function byteLength(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
