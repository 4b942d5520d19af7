/**
 * The "name:secret" reader shared by the password file and the PSK file (pwfile__parse in
 * 2.0's security_default.c; password_parse.c and psk_file.c in 2.1). What each release then
 * does with an entry differs and lives in passwd/ and psk/.
 */
import type { ReaderLine, Span } from './reader';
import { readerLines, Tokenizer, trimBlanks } from './reader';

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
