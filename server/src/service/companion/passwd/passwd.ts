/**
 * Password file checks per release. 2.0 (security_default.c: pwfile__parse then
 * unpwd__decode_passwords) drops entries it cannot decode and starts; 2.1
 * (plugins/password-file/password_parse.c, built into the broker, and
 * libcommon/password_common.c) refuses to start on the first bad line.
 */
import { SINCE } from '../../model/reading';
import type { Version } from '../../version';
import { atLeast } from '../../version';
import type { ColonFile, ColonLine, ColonReading } from '../colonFile';
import { readColonLines } from '../colonFile';

/** Decoded length of standard base64 (padding optional), undefined when it is not base64. */
export function base64DecodedLength(text: string): number | undefined {
  const m = /^([A-Za-z0-9+/]*)(={0,2})$/.exec(text);
  if (!m || text.length === 0) {
    return undefined;
  }
  const body = m[1].length;
  if ((body + m[2].length) % 4 !== 0 && m[2].length > 0) {
    return undefined;
  }
  if (body % 4 === 1) {
    return undefined;
  }
  return Math.floor((body * 3) / 4);
}

/** C atoi(): leading white space, optional sign, digits; 0 when there are none. */
export function atoi(text: string): number {
  const m = /^[ \t\n\r\v\f]*([+-]?\d+)/.exec(text);
  return m ? Number.parseInt(m[1], 10) : 0;
}

/** The hash families a password field can hold. */
export type HashFormat = 'sha512' | 'sha512-pbkdf2' | 'argon2id' | 'plaintext' | 'unknown';

/** Which format a password field looks like (for messages and the hashing action). */
export function hashFormat(secret: string): HashFormat {
  if (/^\$6\$/.test(secret)) {
    return 'sha512';
  }
  if (/^\$7\$/.test(secret)) {
    return 'sha512-pbkdf2';
  }
  if (secret.startsWith('$argon2id$')) {
    return 'argon2id';
  }
  return secret.startsWith('$') ? 'unknown' : 'plaintext';
}

/**
 * Why the selected release cannot use a password field, or undefined when it can.
 * 2.0 splits on '$' like strtok (empty fields vanish), wants a 12-byte salt and a 64-byte hash;
 * 2.1 wants a leading '$', accepts 12- or 64-byte salts and knows argon2id (only in builds with
 * libargon2, which the brokers here are not).
 */
export function hashProblem(secret: string, version: Version): string | undefined {
  const is21 = atLeast(version, SINCE.passwordFileRefused);
  if (secret.length === 0) {
    return 'the password field is empty';
  }
  let fields: string[];
  let type: string;
  if (is21) {
    if (!secret.startsWith('$')) {
      return 'it is not a hash (plain text?)';
    }
    if (secret.startsWith('$argon2id$')) {
      return undefined;
    }
    if (!/^\$[67]\$/.test(secret)) {
      return 'the hash type is not $6$, $7$ or $argon2id$';
    }
    type = secret[1];
    fields = secret
      .slice(3)
      .split('$')
      .filter((f) => f.length > 0);
  } else {
    fields = secret.split('$').filter((f) => f.length > 0);
    type = fields.shift() ?? '';
    if (type !== '6' && type !== '7') {
      return secret.startsWith('$') ? 'the hash type is not $6$ or $7$' : 'it is not a hash (plain text?)';
    }
    if (type === '7' && !atLeast(version, SINCE.release2_0)) {
      return 'the $7$ (PBKDF2) hashes came with 2.0; this release reads only $6$ hashes';
    }
  }
  if (type === '7') {
    const iterations = fields.shift();
    if (iterations === undefined) {
      return 'the hash is incomplete';
    }
    if (atoi(iterations) < 1) {
      return 'the iteration count is not a positive number';
    }
  }
  const salt = fields.shift();
  if (salt === undefined) {
    return 'the hash is incomplete';
  }
  const saltLength = base64DecodedLength(salt);
  if (saltLength === undefined || !(saltLength === 12 || (is21 && saltLength === 64))) {
    return is21 ? 'the salt is not 12 or 64 bytes of base64' : 'the salt is not 12 bytes of base64';
  }
  const hash = fields.shift();
  if (hash === undefined) {
    return 'the hash is incomplete';
  }
  if (base64DecodedLength(hash) !== 64) {
    return 'the hash is not 64 bytes of base64';
  }
  return undefined;
}

type Entry = Extract<ColonLine, { kind: 'entry' }>;

/** Whether the selected release refuses to start over a bad password-file line (2.1) or drops the entry and starts (before). */
export function passwordFileRefuses(version: Version): boolean {
  return atLeast(version, SINCE.passwordFileRefused);
}

/**
 * The lines of a password file as the selected release reads them: an entry is listed unless
 * it is over-long, has nothing after the ':' on a last line without a line break, or (2.1) has
 * an empty name; 2.1 stops at a repeated user, 2.0 keeps both and decodes both passwords.
 */
export function readPasswordFile(file: ColonFile, version: Version): ColonReading[] {
  const refuses = passwordFileRefuses(version);
  return readColonLines(file, (entry) => !(refuses && entry.name.text.length === 0) && entry.secret !== undefined, refuses);
}

/** Users a password file defines (for ACL cross-checks). */
export function passwordUsers(file: ColonFile): Set<string> {
  return new Set(file.lines.filter((l): l is Entry => l.kind === 'entry').map((l) => l.name.text));
}
