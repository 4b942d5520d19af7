/**
 * "Hash plaintext passwords": rewrites plaintext password fields into the `$7$` PBKDF2-SHA512
 * form mosquitto_passwd writes. The hashing itself is injected (the service has no crypto).
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Version } from '../../version';
import { atLeast } from '../../version';
import { parseColonFile } from '../colonFile';
import { spanRange } from '../reader';
import { hashFormat } from './passwd';

/**
 * PBKDF2 parameters as each release's mosquitto_passwd uses them: 2.0 writes a 12-byte salt
 * and 101 iterations (src/password_mosq.h); 2.1 a 64-byte salt and 1000 iterations
 * (libcommon/password_common.c). 2.0 brokers only accept 12-byte salts.
 */
export interface Pbkdf2Parameters {
  readonly saltBytes: number;
  readonly iterations: number;
}

export function pbkdf2ParametersFor(version: Version): Pbkdf2Parameters {
  return atLeast(version, '2.1.0') ? { saltBytes: 64, iterations: 1000 } : { saltBytes: 12, iterations: 101 };
}

/** Computes `$7$iterations$salt$hash` for one password (implemented with node:crypto by the server and CLI). */
export type PasswordHasher = (password: string, parameters: Pbkdf2Parameters) => string;

/** Formats the broker's `$7$` field from raw salt and derived key bytes (both base64 with padding). */
export function formatPbkdf2(iterations: number, saltBase64: string, hashBase64: string): string {
  return `$7$${iterations}$${saltBase64}$${hashBase64}`;
}

/** Lines whose password field is plain text and can be hashed without losing text. */
export function plaintextLines(text: string): number[] {
  return plaintextEntries(text).map((e) => e.line);
}

function plaintextEntries(text: string): { line: number; range: ReturnType<typeof spanRange>; password: string }[] {
  const file = parseColonFile(text);
  const result: { line: number; range: ReturnType<typeof spanRange>; password: string }[] = [];
  file.lines.forEach((line, index) => {
    if (line.kind !== 'entry' || !line.secret || line.secret.text.length === 0 || line.name.text.length === 0) {
      return;
    }
    if (hashFormat(line.secret.text) !== 'plaintext') {
      return;
    }
    // A second ':' would be cut off by the broker and by mosquitto_passwd: leave such lines alone.
    const raw = file.raw[index].text;
    if (raw.indexOf(':', raw.indexOf(':') + 1) !== -1) {
      return;
    }
    result.push({ line: line.line, range: spanRange(line.line, line.secret), password: line.secret.text });
  });
  return result;
}

/** Edits that replace every plaintext password (or only those on `lines`) with its hash. */
export function hashPlaintextEdits(text: string, version: Version, hasher: PasswordHasher, lines?: readonly number[]): TextEdit[] {
  const parameters = pbkdf2ParametersFor(version);
  return plaintextEntries(text)
    .filter((e) => lines === undefined || lines.includes(e.line))
    .map((e) => ({ range: e.range, newText: hasher(e.password, parameters) }));
}
