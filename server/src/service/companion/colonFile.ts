/**
 * The "name:secret" reader shared by the password file and the PSK file (pwfile__parse in
 * 2.0's security_default.c; password_parse.c and psk_file.c in 2.1). What each release then
 * does with an entry differs and lives in passwd/ and psk/.
 */
import type { ReaderLine, Span } from './reader';
import { byteLength, readerLines, Tokenizer, trimBlanks } from './reader';

/** One line of a password or PSK file. */
export type ColonLine =
  | { readonly kind: 'comment' | 'blank'; readonly line: number }
  /** A line without ':' the readers skip without a word. */
  | { readonly kind: 'no-colon'; readonly line: number; readonly text: Span }
  /** `name` and `secret` are trimmed of white space; `secret` is undefined when nothing follows the colon on a last line without a line break. */
  | { readonly kind: 'entry'; readonly line: number; readonly name: Span; readonly secret?: Span };

/** A parsed password or PSK file. */
export interface ColonFile {
  readonly lines: readonly ColonLine[];
  readonly raw: readonly ReaderLine[];
}

/** Reads a password or PSK file the way the broker does. Never throws. */
export function parseColonFile(text: string): ColonFile {
  const raw = readerLines(text);
  const lines = raw.map((reader): ColonLine => {
    const line = reader.line;
    // fgets() keeps the '\n'; it matters: after "name:" it makes an empty secret, not a missing one.
    const buffer = reader.hasNewline ? `${reader.text}\n` : reader.text;
    if (buffer.startsWith('#')) {
      return { kind: 'comment', line };
    }
    if (!buffer.includes(':')) {
      const trimmed = trimBlanks({ text: reader.text, start: 0 });
      return trimmed.text.length === 0 ? { kind: 'blank', line } : { kind: 'no-colon', line, text: trimmed };
    }
    const tokens = new Tokenizer(buffer);
    const name = tokens.next(':');
    if (!name) {
      return { kind: 'blank', line };
    }
    const secret = tokens.next(':');
    const limit = reader.text.length;
    return { kind: 'entry', line, name: clamp(trimBlanks(name), limit), secret: secret ? clamp(trimBlanks(secret), limit) : undefined };
  });
  return { lines, raw };
}

/** An empty trimmed span may start on the '\n' we added: keep it on the line. */
function clamp(span: Span, limit: number): Span {
  return span.start > limit ? { text: span.text, start: limit } : span;
}

/** Entries only, in file order. */
export function colonEntries(file: ColonFile): Extract<ColonLine, { kind: 'entry' }>[] {
  return file.lines.filter((l): l is Extract<ColonLine, { kind: 'entry' }> => l.kind === 'entry');
}

/** An entry line of a password or PSK file. */
export type ColonEntry = Extract<ColonLine, { kind: 'entry' }>;

/**
 * One line of a password or PSK file as the selected release reads it (readPasswordFile in
 * passwd/, readPskFile in psk/): what the reader does with the entry, before any judgement.
 */
export interface ColonReading {
  readonly line: ColonLine;
  readonly raw: ReaderLine;
  /** A name or secret longer than 65535 bytes (the reader goes no further with the line). */
  readonly tooLong: boolean;
  /** The reader adds the entry to its list of users or identities. */
  readonly listed: boolean;
  /** 0-based line of an earlier listed entry with the same name, when there is one. */
  readonly repeatOf?: number;
  /** The reader goes on to check the secret (a hash to decode, a key to check for hexadecimal digits). */
  readonly checked: boolean;
}

/** Whether an entry's name or secret is longer than the readers' 65535-byte limit. */
export function overLong(entry: ColonEntry): boolean {
  return byteLength(entry.name.text) > 65535 || (entry.secret !== undefined && byteLength(entry.secret.text) > 65535);
}

/**
 * Walks the lines of a password or PSK file the way a release's reader does: `listed` says
 * whether that release lists an entry, `repeatStops` whether a repeated name stops the entry.
 */
export function readColonLines(file: ColonFile, listed: (entry: ColonEntry) => boolean, repeatStops: boolean): ColonReading[] {
  const first = new Map<string, number>();
  return file.lines.map((line, index): ColonReading => {
    const raw = file.raw[index];
    if (line.kind !== 'entry') {
      return { line, raw, tooLong: false, listed: false, checked: false };
    }
    const tooLong = overLong(line);
    if (tooLong || !listed(line)) {
      return { line, raw, tooLong, listed: false, checked: false };
    }
    const repeatOf = first.get(line.name.text);
    if (repeatOf === undefined) {
      first.set(line.name.text, line.line);
    }
    return { line, raw, tooLong, listed: true, repeatOf, checked: repeatOf === undefined || !repeatStops };
  });
}
