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

/**
 * One directive line, cut up the way the broker's tokenizer cuts it. Columns only: where the
 * line is comes from its parse's position map (`lineOf`), so a line that moves keeps its object.
 */
export interface Directive {
  /** URI (or path) of the file the line is in. */
  readonly file: string;
  /** The sort key of its line (see ParsedLine.key). */
  readonly key: number;
  /**
   * A number no other directive object of this process has (a line parsed again gets a new
   * one): where a cache key must name the objects, not only their text (the findings cache).
   */
  readonly serial: number;
  /** The line's text (without `\n` and trailing `\r`), the same string as its ParsedLine's. */
  readonly text: string;
  /** The keyword exactly as the broker reads it: up to the first space (tabs included). */
  readonly name: string;
  /** Columns of the keyword. */
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Catalogue entry for the keyword (prefix families included); undefined when unknown. */
  readonly spec: DirectiveSpec | undefined;
  /**
   * Space-separated tokens after the keyword (what `strtok_r(…, " ")` returns next), cut from
   * `text` when read rather than kept with the line.
   */
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
  /** A directive is also its own parsed line (one object per line): `kind` 'directive'. */
  readonly kind: 'directive';
  readonly hadCarriageReturn: boolean;
  /** Itself, so that `line.directive` reads the same on every parsed line. */
  readonly directive: Directive;
}

/** How the broker sees one physical line. */
export type LineKind = 'blank' | 'comment' | 'directive';

/** One line as the broker reads it; a directive line is its Directive. */
export interface ParsedLine {
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

/** A parsed file. Parsing never throws; lines carry columns, `positions` says where they are. */
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
  // Counted first, so that the array is made at its size: an array grown by push keeps room
  // for 17 tokens, which for 100k one-token lines is about 13 MB kept for nothing.
  const n = text.length;
  let count = 0;
  for (let i = from; i < n;) {
    while (i < n && text.charCodeAt(i) === SPACE) {
      i++;
    }
    if (i >= n) {
      break;
    }
    count++;
    while (i < n && text.charCodeAt(i) !== SPACE) {
      i++;
    }
  }
  const tokens = new Array<Token>(count);
  let k = 0;
  for (let i = from; k < count;) {
    while (text.charCodeAt(i) === SPACE) {
      i++;
    }
    const start = i;
    while (i < n && text.charCodeAt(i) !== SPACE) {
      i++;
    }
    tokens[k++] = { text: text.slice(start, i), start, end: i };
  }
  return tokens;
}

/** Parses one physical line (without its line break). */
export function parseLine(file: string, raw: string, key = 0): ParsedLine {
  let end = raw.length;
  while (end > 0 && raw.charCodeAt(end - 1) === 0x0d) {
    end--;
  }
  const hadCarriageReturn = end !== raw.length;
  const text = end === raw.length ? raw : raw.slice(0, end);
  if (text.charCodeAt(0) === 0x23 /* # */) {
    return { key, text, kind: 'comment', hadCarriageReturn };
  }
  let k = 0;
  while (k < text.length && text.charCodeAt(k) === SPACE) {
    k++;
  }
  if (k === text.length) {
    return { key, text, kind: 'blank', hadCarriageReturn };
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
  return new DirectiveLine(file, key, text, hadCarriageReturn, name, k, keywordEnd, spec, text.slice(vs, ve), vs, ve);
}

/** The last directive whose tokens were asked for, and its tokens (see DirectiveLine.args). */
let tokensOf: Directive | undefined;
/** The serial of the last directive made. */
let lastSerial = 0;
let lastTokens: readonly Token[] = [];

/**
 * A directive line. Only what cannot be read again cheaply from the line's text is stored:
 * 100k lines make 100k of these objects (Node.js keeps every field in 8 bytes). `kind`,
 * `directive`, `restStart` and `rest` follow from the other fields; the tokens are cut from
 * the text when asked for (`args`).
 */
class DirectiveLine implements Directive {
  // Set once, in the constructor (read only through the Directive interface).
  declare file: string;
  declare key: number;
  declare serial: number;
  declare text: string;
  declare hadCarriageReturn: boolean;
  declare name: string;
  declare nameStart: number;
  declare nameEnd: number;
  declare spec: DirectiveSpec | undefined;
  declare value: string;
  declare valueStart: number;
  declare valueEnd: number;

  constructor(
    file: string,
    key: number,
    text: string,
    hadCarriageReturn: boolean,
    name: string,
    nameStart: number,
    nameEnd: number,
    spec: DirectiveSpec | undefined,
    value: string,
    valueStart: number,
    valueEnd: number,
  ) {
    this.file = file;
    this.key = key;
    this.serial = ++lastSerial;
    this.text = text;
    this.hadCarriageReturn = hadCarriageReturn;
    this.name = name;
    this.nameStart = nameStart;
    this.nameEnd = nameEnd;
    this.spec = spec;
    this.value = value;
    this.valueStart = valueStart;
    this.valueEnd = valueEnd;
  }

  get kind(): 'directive' {
    return 'directive';
  }

  get directive(): Directive {
    return this;
  }

  get restStart(): number {
    return Math.min(this.nameEnd + 1, this.text.length);
  }

  /** Most lines are 'keyword value': the rest of the line is then the value (the same string). */
  get rest(): string {
    const restStart = this.restStart;
    return this.valueStart === restStart && this.valueEnd === this.text.length ? this.value : this.text.slice(restStart);
  }

  /**
   * The tokens after the keyword, cut from the text on each read and not kept: kept, they were
   * a third of a parse's memory (an array and an object per token). The rules that read them
   * are handed one directive at a time, so the tokens of the last directive asked are reused.
   */
  get args(): readonly Token[] {
    return tokensOfLine(this);
  }
}

/** The tokens of a directive (the last one's kept for the next read). */
function tokensOfLine(d: Directive): readonly Token[] {
  if (tokensOf !== d) {
    lastTokens = splitTokens(d.text, d.nameEnd);
    tokensOf = d;
  }
  return lastTokens;
}

/**
 * A copy of `part` that does not point into the string it was cut from. V8 represents a slice
 * of 13 characters or more as a view of the whole string, which then stays in memory as long
 * as the slice does: the lines parsed on each edit would each keep their version of the whole
 * document (3.3 MB at 100k lines; 20 edits on different lines kept 60 MB more). Joined to one
 * character, the part is copied into a string of its own, and the slice after that character
 * is a view of that copy only.
 */
function detached(part: string): string {
  return ` ${part}`.slice(1);
}

/**
 * Keys of a fresh parse are the line index times this gap, so that lines inserted later get
 * whole-number keys between their neighbours' (about ten insertions at one place before the
 * nearest kept lines are parsed again to make room).
 */
const KEY_GAP = 1024;

/**
 * Parses a whole mosquitto.conf text. Lines break at `\n`; trailing `\r` is removed as the
 * broker does. A leading U+FEFF stays part of the first line, because the broker keeps it.
 *
 * With `previous` (an earlier parse of the same document), the lines the two texts have in
 * common at their start and at their end are taken over as they are (same objects), and only
 * the lines between are parsed: inserting a line parses one line and keeps every object below
 * it. Lines carry no position, so nothing in a kept line changes.
 */
export function parse(text: string, uri = 'untitled:mosquitto.conf', previous?: ParsedFile): ParsedFile {
  // The broker's lines are the text up to its final line feed, split at line feeds.
  const end = text.length > 0 && text.charCodeAt(text.length - 1) === 0x0a ? text.length - 1 : text.length;
  const old = previous !== undefined && previous.uri === uri ? previous.lines : undefined;
  let prefix = 0;
  let pos = 0; // where the first line after the common start begins
  let suffix = 0;
  let suffixStart = end + 1; // where the first line of the common end begins
  if (old !== undefined && previous !== undefined) {
    // Most of the two texts is the same: lines inside the common start (or end) of the texts,
    // their line feed included, are the old lines; found from the old lines' lengths, without
    // comparing line by line. The loops after it check the lines at the edges one by one.
    const before = previous.text;
    const same = commonPrefix(before, text);
    while (prefix < old.length) {
      const line = old[prefix];
      const rawEnd = pos + line.text.length + (line.hadCarriageReturn ? 1 : 0);
      if (rawEnd >= same || before.charCodeAt(rawEnd) !== 0x0a) {
        break;
      }
      prefix++;
      pos = rawEnd + 1;
    }
    const sameEnd = commonSuffix(before, text, Math.min(before.length, text.length) - pos);
    let oldEnd = before.length > 0 && before.charCodeAt(before.length - 1) === 0x0a ? before.length - 1 : before.length;
    while (suffix < old.length - prefix) {
      const line = old[old.length - 1 - suffix];
      const rawStart = oldEnd - line.text.length - (line.hadCarriageReturn ? 1 : 0);
      // The line feed before the line is common too, and the line stays after the common start.
      const newStart = text.length - (before.length - rawStart);
      if (rawStart <= 0 || before.length - (rawStart - 1) > sameEnd || before.charCodeAt(rawStart - 1) !== 0x0a || newStart < pos) {
        break;
      }
      suffix++;
      suffixStart = newStart;
      oldEnd = rawStart - 1;
    }
    while (prefix < old.length - suffix && pos <= end && (suffix === 0 || pos < suffixStart)) {
      let lineEnd = text.indexOf('\n', pos);
      if (lineEnd === -1 || lineEnd > end) {
        lineEnd = end;
      }
      if (!sameText(old[prefix], text, pos, lineEnd)) {
        break;
      }
      prefix++;
      pos = lineEnd + 1;
    }
    let lineEnd = suffix > 0 ? suffixStart - 1 : end;
    while (suffix < old.length - prefix && lineEnd >= pos) {
      const lineStart = lineEnd === 0 ? 0 : text.lastIndexOf('\n', lineEnd - 1) + 1;
      if (lineStart < pos || !sameText(old[old.length - 1 - suffix], text, lineStart, lineEnd)) {
        break;
      }
      suffix++;
      suffixStart = lineStart;
      if (lineStart === 0) {
        break;
      }
      lineEnd = lineStart - 1;
    }
  }
  const lines: ParsedLine[] = [];
  const directives: Directive[] = [];
  const loneCarriageReturns: number[] = [];
  const editorLineBreaks: [number, number][] = [];
  /** Adds the next line; `raw` when it was parsed now, `lineFeedAfter` when a line feed ends it. */
  const add = (parsed: ParsedLine, raw: string | undefined, lineFeedAfter: boolean): void => {
    const index = lines.length;
    lines.push(parsed);
    if (parsed.directive) {
      directives.push(parsed.directive);
    }
    // A carriage return inside the broker's line (not just trailing ones): editors break the
    // line there, the broker does not.
    const inside = parsed.text.indexOf('\r') !== -1;
    if (inside) {
      loneCarriageReturns.push(index);
    }
    if (inside || parsed.hadCarriageReturn) {
      // A kept line had exactly one trailing CR (see sameText); a line parsed now counts its own.
      let extra = raw !== undefined ? countBreaks(raw, raw.length) : countBreaks(parsed.text, parsed.text.length) + (parsed.hadCarriageReturn ? 1 : 0);
      if (parsed.hadCarriageReturn && lineFeedAfter) {
        extra--; // the CR of a CRLF line ending
      }
      if (extra > 0) {
        editorLineBreaks.push([index, extra]);
      }
    }
  };

  if (old === undefined) {
    // A fresh parse: one pass over the text.
    for (let start = 0; start <= end;) {
      let lineEnd = text.indexOf('\n', start);
      if (lineEnd === -1 || lineEnd > end) {
        lineEnd = end;
      }
      const raw = text.slice(start, lineEnd);
      add(parseLine(uri, raw, lines.length * KEY_GAP), raw, lineEnd < text.length);
      start = lineEnd + 1;
    }
  } else {
    // The lines between the common start and end (none when they meet).
    const between = (): string[] => {
      const middleEnd = suffix > 0 ? suffixStart - 1 : end;
      return pos <= end && middleEnd >= pos ? detached(text.slice(pos, middleEnd)).split('\n') : [];
    };
    let middle = between();
    let oldMiddle = old.length - prefix - suffix;
    let keys = middleKeys(old, prefix, suffix, oldMiddle, middle.length);
    // No whole number left between the neighbours' keys (many lines inserted at one place):
    // the kept lines nearest to the edit are parsed again too, with keys spread over a wider
    // gap, taking twice as many each time. Keys stay small integers, which V8 stores in place.
    for (let widen = 32; keys === undefined; widen *= 2) {
      for (let k = 0; k < widen && prefix > 0; k++) {
        prefix--;
        pos = pos < 2 ? 0 : text.lastIndexOf('\n', pos - 2) + 1;
      }
      for (let k = 0; k < widen && suffix > 0; k++) {
        suffix--;
        const lineEnd = text.indexOf('\n', suffixStart);
        suffixStart = suffix === 0 || lineEnd === -1 ? end + 1 : lineEnd + 1;
      }
      middle = between();
      oldMiddle = old.length - prefix - suffix;
      keys = middleKeys(old, prefix, suffix, oldMiddle, middle.length);
    }
    const count = prefix + middle.length + suffix;
    for (let index = 0; index < prefix; index++) {
      add(old[index], undefined, index < count - 1 || end < text.length);
    }
    middle.forEach((raw, j) => {
      // Lines in place of as many old lines: an unchanged one among them is kept too.
      const same = oldMiddle === middle.length ? old[prefix + j] : undefined;
      const parsed = same !== undefined && sameText(same, raw, 0, raw.length) ? same : parseLine(uri, raw, keys[j]);
      add(parsed, parsed === same ? undefined : raw, prefix + j < count - 1 || end < text.length);
    });
    for (let index = old.length - suffix; index < old.length; index++) {
      add(old[index], undefined, lines.length < count - 1 || end < text.length);
    }
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

/** Length of the common start of two texts (compared in blocks, then by character). */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + 256 <= n && a.substring(i, i + 256) === b.substring(i, i + 256)) {
    i += 256;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) {
    i++;
  }
  return i;
}

/** Length of the common end of two texts, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let i = 0;
  while (i + 256 <= limit && a.substring(a.length - i - 256, a.length - i) === b.substring(b.length - i - 256, b.length - i)) {
    i += 256;
  }
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) {
    i++;
  }
  return i;
}

/**
 * Whether the line `text[start, end)` is exactly what `line` was parsed from: its text, and one
 * carriage return after it when it had one. (A line that ended in several carriage returns is
 * parsed again: the editor's line breaks depend on how many there were.)
 */
function sameText(line: ParsedLine, text: string, start: number, end: number): boolean {
  const length = line.text.length + (line.hadCarriageReturn ? 1 : 0);
  if (end - start !== length || !text.startsWith(line.text, start)) {
    return false;
  }
  return !line.hadCarriageReturn || text.charCodeAt(end - 1) === 0x0d;
}

/**
 * Keys for `count` new lines that take the place of `replaced` old lines after `prefix` kept
 * lines and before `suffix` kept lines: whole numbers, increasing and strictly between the
 * neighbours' keys. Undefined when they do not fit (the caller then takes in more lines).
 */
function middleKeys(old: readonly ParsedLine[], prefix: number, suffix: number, replaced: number, count: number): number[] | undefined {
  if (replaced === count) {
    // Each new line takes the key of the old line it replaces: the order is the same.
    return old.slice(prefix, prefix + count).map((line) => line.key);
  }
  const low = prefix > 0 ? old[prefix - 1].key : undefined;
  const high = suffix > 0 ? old[old.length - suffix].key : undefined;
  const keys: number[] = [];
  if (low === undefined && high === undefined) {
    for (let j = 0; j < count; j++) {
      keys.push(j * KEY_GAP);
    }
    return keys;
  }
  if (high === undefined) {
    for (let j = 0; j < count; j++) {
      keys.push((low as number) + (j + 1) * KEY_GAP);
    }
    return keys;
  }
  if (low === undefined) {
    for (let j = 0; j < count; j++) {
      keys.push(high - (count - j) * KEY_GAP);
    }
    return keys;
  }
  const step = Math.floor((high - low) / (count + 1));
  if (step < 1) {
    return undefined;
  }
  for (let j = 0; j < count; j++) {
    keys.push(low + step * (j + 1));
  }
  return keys;
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
