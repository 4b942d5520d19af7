/**
 * Password file checks per release. 2.0 (security_default.c: pwfile__parse then
 * unpwd__decode_passwords) drops entries it cannot decode and starts; 2.1
 * (plugins/password-file/password_parse.c, built into the broker, and
 * libcommon/password_common.c) refuses to start on the first bad line.
 */
import { SINCE } from '../../model/reading';
import type { Version } from '../../version';
import { atLeast } from '../../version';
import type { ColonFile, ColonLine } from '../colonFile';
import type { CompanionFinding } from '../findings';
import { byteLength, spanRange } from '../reader';

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

/** What the selected release does with a password file, as findings. */
export function checkPasswordFile(file: ColonFile, version: Version): CompanionFinding[] {
  const is21 = atLeast(version, SINCE.passwordFileRefused);
  const refuse = is21 ? 'error' : 'warning';
  const findings: CompanionFinding[] = [];
  const seen = new Map<string, number>();
  for (const line of file.lines) {
    if (line.kind === 'no-colon') {
      findings.push({
        code: 'password-line',
        range: spanRange(line.line, line.text),
        severity: 'warning',
        message: "This line has no ':' between user and password hash: the broker skips it, so it defines no user.",
      });
      continue;
    }
    if (line.kind !== 'entry') {
      continue;
    }
    if (checkEntryShape(line, is21, refuse, findings)) {
      continue;
    }
    const first = seen.get(line.name.text);
    if (first !== undefined) {
      findings.push({
        code: 'password-duplicate-user',
        range: spanRange(line.line, line.name),
        severity: refuse,
        message: is21
          ? `User '${line.name.text}' is already defined at line ${first + 1}: the broker refuses to start.`
          : `User '${line.name.text}' is already defined at line ${first + 1}: the broker keeps both entries and only one of the two passwords works. Keep one line per user.`,
      });
      if (is21) {
        continue;
      }
    } else {
      seen.set(line.name.text, line.line);
    }
    const secret = line.secret;
    if (!secret) {
      continue;
    }
    const problem = hashProblem(secret.text, version);
    if (problem) {
      const plaintext = hashFormat(secret.text) === 'plaintext' && secret.text.length > 0;
      findings.push({
        code: 'password-hash',
        range: spanRange(line.line, secret.text.length > 0 ? secret : line.name),
        severity: refuse,
        message: `The password of '${line.name.text}' cannot be used: ${problem}. ${is21 ? 'The broker refuses to start.' : 'The broker drops this user, who can never log in.'}${plaintext ? " The file must hold hashes as mosquitto_passwd writes them: use 'Hash plaintext passwords'." : ''}`,
      });
    } else if (hashFormat(secret.text) === 'argon2id') {
      findings.push({
        code: 'password-hash',
        range: spanRange(line.line, secret),
        severity: 'warning',
        message: `The password of '${line.name.text}' is an argon2id hash, which only brokers built with libargon2 accept; others refuse to start.`,
      });
    }
  }
  return findings;
}

/** Empty names, missing password fields and over-long fields; true when the entry went no further. */
function checkEntryShape(line: Entry, is21: boolean, refuse: 'error' | 'warning', findings: CompanionFinding[]): boolean {
  if (byteLength(line.name.text) > 65535 || (line.secret && byteLength(line.secret.text) > 65535)) {
    findings.push({
      code: 'password-line',
      range: spanRange(line.line, line.name),
      severity: refuse,
      message: is21
        ? 'A user name or password longer than 65535 bytes: the broker refuses to start.'
        : 'A user name or password longer than 65535 bytes: the broker skips this line.',
    });
    return true;
  }
  if (line.name.text.length === 0) {
    findings.push({
      code: 'password-line',
      range: spanRange(line.line, line.name),
      severity: refuse,
      message: is21 ? 'The user name is empty: the broker refuses to start.' : 'The user name is empty; no real user is defined by this line.',
    });
    if (is21) {
      return true;
    }
  }
  if (!line.secret) {
    findings.push({
      code: 'password-line',
      range: spanRange(line.line, line.name),
      severity: refuse,
      message: is21
        ? `Nothing follows the ':' on the last line, which has no line break: the broker refuses to start.`
        : `Nothing follows the ':' on the last line, which has no line break: the broker skips it, so '${line.name.text}' cannot log in.`,
    });
    return true;
  }
  return false;
}

/** Users a password file defines (for ACL cross-checks). */
export function passwordUsers(file: ColonFile): Set<string> {
  return new Set(file.lines.filter((l): l is Entry => l.kind === 'entry').map((l) => l.name.text));
}
