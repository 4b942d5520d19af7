import type { Position, Range } from 'vscode-languageserver-types';
import type { DirectiveSpec } from '../data/types';
import { findDirective } from '../data';
import { isCSpace } from '../model/reading';

/** A space-delimited token of one line; offsets are UTF-16 columns in that line. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** One directive line, cut up the way the broker's tokenizer cuts it. */
export interface Directive {
  /** URI (or path) of the file the line is in. */
  readonly file: string;
  /**
   * 0-based line number.
   * @deprecated Lines are position-free: use `lineOf(file, directive)` (the parse's position map).
   */
  readonly line: number;
  /** The sort key of its line (see ParsedLine.key). */
  readonly key: number;
  /** The line's text (without `\n` and trailing `\r`), the same string as its ParsedLine's. */
  readonly text: string;
  /** The keyword exactly as the broker reads it: up to the first space (tabs included). */
  readonly name: string;
  /** Columns of the keyword. */
  readonly nameStart: number;
  readonly nameEnd: number;
  /** @deprecated use `nameStart`/`nameEnd` (a span: `nameSpan(d)`). */
  readonly nameRange: Range;
  /** Catalogue entry for the keyword (prefix families included); undefined when unknown. */
  readonly spec: DirectiveSpec | undefined;
  /** Space-separated tokens after the keyword (what `strtok_r(…, " ")` returns next). */
  readonly args: readonly Token[];
  /** Everything after the single separator space behind the keyword, untrimmed. */
  readonly rest: string;
  /** Column where `rest` starts. */
  readonly restStart: number;
  /** The string value as 1.6.9+ reads it: `rest` with surrounding white space trimmed. */
  readonly value: string;
  /** Columns of `value` (both at the end of the keyword when there is no value). */
  readonly valueStart: number;
  readonly valueEnd: number;
  /** @deprecated use `valueStart`/`valueEnd`. */
  readonly valueRange: Range;
  /** @deprecated the whole line is columns 0 to `text.length`. */
  readonly range: Range;
}

/** How the broker sees one physical line. */
export type LineKind = 'blank' | 'comment' | 'directive';

export interface ParsedLine {
  /** @deprecated Lines are position-free: use `lineOf(file, line)` (the parse's position map). */
  readonly line: number;
  /**
   * Where the line sorts among the lines of its document, fixed when it is parsed: keys increase
   * along `ParsedFile.lines`, so the position map finds a line object by binary search. Lines
   * kept by a later parse keep their key; a line inserted between two gets a key between theirs.
   */
  readonly key: number;
  /** Line text without `\n` and trailing `\r`. */
  readonly text: string;
  readonly kind: LineKind;
  /** True when the line ended in `\r\n` (or trailing `\r`s). */
  readonly hadCarriageReturn: boolean;
  readonly directive?: Directive;
}

/** Where a line's first NUL character is. */
export interface NulMark {
  readonly line: number;
  readonly column: number;
}

/** A parsed file. Parsing never throws; every node carries its range. */
export interface ParsedFile {
  readonly uri: string;
  readonly text: string;
  readonly lines: readonly ParsedLine[];
  readonly directives: readonly Directive[];
  /** The text begins with a UTF-8 byte order mark (U+FEFF), which the broker does not skip. */
  readonly hasBom: boolean;
  /** 0-based line of the first NUL character (where every release stops at the latest). */
  readonly nulLine: number | undefined;
  /** The first NUL of each line that has one, in line order (how a release reads them: `nulReading`). */
  readonly nuls: readonly NulMark[];
  /**
   * 0-based (broker) lines that contain a carriage return before their end: editors break the
   * line there, the broker does not (it splits at line feeds only). See toEditorPosition.
   */
  readonly loneCarriageReturns: readonly number[];
  /**
   * Broker lines that editors split into more lines, with how many extra line breaks (lone
   * carriage returns, including ones the broker strips at the end of the line), in order.
   */
  readonly editorLineBreaks: readonly (readonly [line: number, extra: number])[];
  /**
   * Where each line object of this parse is (0-based line): parsed lines and directives carry
   * no position, so an inserted line shifts nothing. Read it with `lineOf`. Two parses of a
   * document may share line objects; each has its own map.
   */
  readonly positions: PositionMap;
}

/**
 * Line objects of one parse (its ParsedLines and their Directives) to their 0-based lines: a
 * binary search by `key` over the parse's lines (nothing to build per parse, nothing stored on
 * the shared line objects).
 */
export class PositionMap {
  constructor(private readonly lines: readonly ParsedLine[]) {}

  /** The 0-based line of a line object of this parse (undefined for an object of another parse). */
  get(at: ParsedLine | Directive): number | undefined {
    const key = at.key;
    const lines = this.lines;
    let lo = 0;
    let hi = lines.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const line = lines[mid];
      if (line.key < key) {
        lo = mid + 1;
      } else if (line.key > key) {
        hi = mid - 1;
      } else {
        return line === at || line.directive === at ? mid : undefined;
      }
    }
    return undefined;
  }

  has(at: ParsedLine | Directive): boolean {
    return this.get(at) !== undefined;
  }
}

/**
 * A place on one line, without the line's number: the line object (a directive or a parsed
 * line) and columns. Findings anchor on spans; the line is looked up (`lineOf`) only when a
 * diagnostic is assembled, so findings kept across edits stay right when lines move.
 */
export interface Span {
  readonly on: Directive | ParsedLine;
  readonly start: number;
  readonly end: number;
}

/** The 0-based line of a line object of this parse; throws for an object of another parse. */
export function lineOf(file: ParsedFile, at: Directive | ParsedLine): number {
  const line = file.positions.get(at);
  if (line === undefined) {
    throw new Error(`line object not in ${file.uri}`);
  }
  return line;
}

/** The LSP range of a span of this parse (broker lines; see toEditorPosition). */
export function spanRange(file: ParsedFile, span: Span): Range {
  const line = lineOf(file, span.on);
  return { start: { line, character: span.start }, end: { line, character: span.end } };
}

const SPACE = 0x20;

/** Splits `text` on spaces only, as `strtok_r(…, " ")` does, starting at column `from`. */
export function splitTokens(text: string, from = 0): Token[] {
  const tokens: Token[] = [];
  let i = from;
  const n = text.length;
  while (i < n) {
    while (i < n && text.charCodeAt(i) === SPACE) {
      i++;
    }
    if (i >= n) {
      break;
    }
    const start = i;
    while (i < n && text.charCodeAt(i) !== SPACE) {
      i++;
    }
    tokens.push({ text: text.slice(start, i), start, end: i });
  }
  return tokens;
}

/** Parses one physical line (without its line break). */
export function parseLine(file: string, line: number, raw: string, key = line): ParsedLine {
  let end = raw.length;
  while (end > 0 && raw.charCodeAt(end - 1) === 0x0d) {
    end--;
  }
  const hadCarriageReturn = end !== raw.length;
  const text = end === raw.length ? raw : raw.slice(0, end);
  if (text.charCodeAt(0) === 0x23 /* # */) {
    return { line, key, text, kind: 'comment', hadCarriageReturn };
  }
  let k = 0;
  while (k < text.length && text.charCodeAt(k) === SPACE) {
    k++;
  }
  if (k === text.length) {
    return { line, key, text, kind: 'blank', hadCarriageReturn };
  }
  let keywordEnd = k;
  while (keywordEnd < text.length && text.charCodeAt(keywordEnd) !== SPACE) {
    keywordEnd++;
  }
  const keyword = text.slice(k, keywordEnd);
  const spec = findDirective(keyword);
  // A known keyword is the catalogue's own string (equal text): one shared string instead of
  // a copy per line keeps the parse smaller, and later comparisons and lookups by name cheaper.
  const name = spec !== undefined && spec.prefix === undefined ? spec.name : keyword;
  const restStart = Math.min(keywordEnd + 1, text.length);
  const args = splitTokens(text, keywordEnd);
  // Most lines are 'keyword value': the rest of the line, the trimmed value and the only token
  // are then the same text, so they share one string rather than three copies.
  const only = args.length === 1 ? args[0] : undefined;
  const rest = only !== undefined && only.start === restStart && only.end === text.length ? only.text : text.slice(restStart);
  let vs = restStart;
  let ve = text.length;
  while (vs < ve && isCSpace(text.charCodeAt(vs))) {
    vs++;
  }
  while (ve > vs && isCSpace(text.charCodeAt(ve - 1))) {
    ve--;
  }
  if (vs === ve) {
    vs = ve = keywordEnd;
  }
  const directive: Directive = {
    file,
    line,
    key,
    text,
    name,
    nameStart: k,
    nameEnd: keywordEnd,
    nameRange: { start: { line, character: k }, end: { line, character: keywordEnd } },
    spec,
    args,
    rest,
    restStart,
    value: vs === restStart && ve === text.length ? rest : only !== undefined && only.start === vs && only.end === ve ? only.text : text.slice(vs, ve),
    valueStart: vs,
    valueEnd: ve,
    valueRange: { start: { line, character: vs }, end: { line, character: ve } },
    range: { start: { line, character: 0 }, end: { line, character: text.length } },
  };
  return { line, key, text, kind: 'directive', hadCarriageReturn, directive };
}

/**
 * Parses a whole mosquitto.conf text. Lines break at `\n`; trailing `\r` is removed as the
 * broker does. A leading U+FEFF stays part of the first line, because the broker keeps it.
 */
export function parse(text: string, uri = 'untitled:mosquitto.conf', previous?: ParsedFile): ParsedFile {
  // Lines that did not change (same text, same position) are taken over from the previous
  // parse of the same document: after a keystroke only the edited line is parsed again.
  const reusable = previous !== undefined && previous.uri === uri ? previous.lines : undefined;
  const lines: ParsedLine[] = [];
  const directives: Directive[] = [];
  const loneCarriageReturns: number[] = [];
  const editorLineBreaks: [number, number][] = [];
  let start = 0;
  let index = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const raw = nl === -1 ? text.slice(start) : text.slice(start, nl);
    if (raw.includes('\r')) {
      let extra = countBreaks(raw, raw.length);
      if (nl !== -1 && raw.endsWith('\r')) {
        extra--; // the CR of a CRLF line ending
      }
      if (extra > 0) {
        editorLineBreaks.push([index, extra]);
      }
    }
    if (nl === -1 && raw.length === 0 && index > 0) {
      break;
    }
    const old = reusable?.[index];
    const parsed = old !== undefined && sameLine(old, raw) ? old : parseLine(uri, index, raw);
    lines.push(parsed);
    if (parsed.directive) {
      directives.push(parsed.directive);
    }
    // A carriage return inside the broker's line (not just trailing ones): editors break the
    // line there, the broker does not.
    const cr = parsed.text.indexOf('\r');
    if (cr !== -1) {
      loneCarriageReturns.push(index);
    }
    index++;
    if (nl === -1) {
      break;
    }
    start = nl + 1;
  }
  const nulIndex = text.indexOf('\0');
  let nulLine: number | undefined;
  if (nulIndex !== -1) {
    nulLine = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < nulIndex; i = text.indexOf('\n', i + 1)) {
      nulLine++;
    }
  }
  const nuls: NulMark[] = [];
  if (nulLine !== undefined) {
    lines.forEach((line, i) => {
      const column = line.text.indexOf('\0');
      if (column !== -1) {
        nuls.push({ line: i, column });
      }
    });
  }
  return {
    uri,
    text,
    lines,
    directives,
    hasBom: text.charCodeAt(0) === 0xfeff,
    nulLine,
    nuls,
    loneCarriageReturns,
    editorLineBreaks,
    positions: new PositionMap(lines),
  };
}

/** Whether `line` is what parseLine would make of `raw` (same text, same line ending). */
function sameLine(line: ParsedLine, raw: string): boolean {
  if (line.hadCarriageReturn) {
    return raw.length > line.text.length && raw.startsWith(line.text) && /^\r+$/.test(raw.slice(line.text.length));
  }
  return raw === line.text;
}

/**
 * Maps a position in the broker's lines (split at line feeds only) to the editor's lines, which
 * also break at a lone carriage return. Identity for files without lone carriage returns.
 */
export function toEditorPosition(file: ParsedFile, position: Position): Position {
  if (file.editorLineBreaks.length === 0) {
    return position;
  }
  let shift = 0;
  for (const [line, extra] of file.editorLineBreaks) {
    if (line >= position.line) {
      break;
    }
    shift += extra;
  }
  const text = file.lines[position.line]?.text ?? '';
  if (text.includes('\r')) {
    const inside = countBreaks(text, position.character);
    const lastBreak = text.lastIndexOf('\r', Math.max(0, position.character - 1));
    return inside === 0
      ? { line: position.line + shift, character: position.character }
      : { line: position.line + shift + inside, character: position.character - lastBreak - 1 };
  }
  return { line: position.line + shift, character: position.character };
}

/** Editor line breaks (lone CRs) in the first `end` characters of a broker line. */
function countBreaks(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\r'); i !== -1 && i < end; i = text.indexOf('\r', i + 1)) {
    count++;
  }
  return count;
}
