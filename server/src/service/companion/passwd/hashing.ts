/**
 * "Hash plaintext passwords": rewrites plaintext password fields into the form the selected
 * release's mosquitto_passwd writes (`$7$` PBKDF2-SHA512 from 2.0, `$6$` salted SHA-512 before). The hashing itself is injected (the service has no crypto).
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Version } from '../../version';
import { SINCE } from '../../model/reading';
import { atLeast } from '../../version';
import { parseColonFile } from '../colonFile';
import { spanRange } from '../reader';
import { hashFormat } from './passwd';

/**
 * PBKDF2 parameters as each release's mosquitto_passwd uses them: 2.0 writes a 12-byte salt
 * and 101 iterations (src/password_mosq.h); 2.1 a 64-byte salt and 1000 iterations
 * (libcommon/password_common.c). 2.0 brokers only accept 12-byte salts. 1.5/1.6 write
 * `$6$` + base64(12-byte salt) + `$` + base64(SHA-512(password + salt)) (src/mosquitto_passwd.c,
 * checked by pw__digest in src/security_default.c); `iterations: 0` selects that form.
 */
export interface Pbkdf2Parameters {
  readonly saltBytes: number;
  readonly iterations: number;
}

export function pbkdf2ParametersFor(version: Version): Pbkdf2Parameters {
  if (!atLeast(version, SINCE.release2_0)) {
    return { saltBytes: 12, iterations: 0 };
  }
  return atLeast(version, SINCE.passwdLongSalts) ? { saltBytes: 64, iterations: 1000 } : { saltBytes: 12, iterations: 101 };
}

/** Formats the 1.x `$6$` field from raw salt and digest bytes (both base64 with padding). */
export function formatSha512(saltBase64: string, hashBase64: string): string {
  return `$6$${saltBase64}$${hashBase64}`;
}

/** Computes the hash field for one password (`$7$…`, or `$6$…` when iterations is 0; implemented with node:crypto by the server and CLI). */
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
