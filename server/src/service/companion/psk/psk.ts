/**
 * PSK file checks per release. Both read it with the password-file reader, then refuse to
 * start when any key is not hexadecimal (security_default.c psk__file_parse in 2.0,
 * src/psk_file.c in 2.1). 2.1 also skips empty identities and repeated identities first.
 */
import type { Version } from '../../version';
import { SINCE } from '../../model/reading';
import { atLeast } from '../../version';
import type { ColonFile } from '../colonFile';
import type { CompanionFinding } from '../findings';
import { byteLength, spanRange } from '../reader';

/** What the selected release does with a PSK file, as findings. */
export function checkPskFile(file: ColonFile, version: Version): CompanionFinding[] {
  const is21 = atLeast(version, SINCE.pskIdentitiesSkipped);
  const trimmed = atLeast(version, SINCE.companionFilesChecked);
  const findings: CompanionFinding[] = [];
  const seen = new Map<string, number>();
  for (const line of file.lines) {
    if (line.kind === 'no-colon') {
      findings.push({
        code: 'psk-line',
        range: spanRange(line.line, line.text),
        severity: 'warning',
        message: "This line has no ':' between identity and key: the broker skips it.",
      });
      continue;
    }
    if (line.kind !== 'entry') {
      continue;
    }
    const identity = line.name;
    if (byteLength(identity.text) > 65535 || (line.secret && byteLength(line.secret.text) > 65535)) {
      findings.push({
        code: 'psk-line',
        range: spanRange(line.line, identity),
        severity: 'warning',
        message: 'An identity or key longer than 65535 bytes: the broker skips this line.',
      });
      continue;
    }
    if (identity.text.length === 0) {
      findings.push({
        code: 'psk-line',
        range: spanRange(line.line, identity),
        severity: 'warning',
        message: is21 ? 'The identity is empty: the broker skips this line.' : 'The identity is empty: no client can use this key.',
      });
      if (is21) {
        continue;
      }
    }
    const first = seen.get(identity.text);
    if (first !== undefined) {
      findings.push({
        code: 'psk-duplicate-identity',
        range: spanRange(line.line, identity),
        severity: 'warning',
        message: is21
          ? `Identity '${identity.text}' is already defined at line ${first + 1}: the broker ignores this line.`
          : `Identity '${identity.text}' is already defined at line ${first + 1}: the broker keeps both and only one of the keys is used. Keep one line per identity.`,
      });
      if (is21) {
        continue;
      }
    } else {
      seen.set(identity.text, line.line);
    }
    const key = line.secret;
    if (!key) {
      findings.push({
        code: 'psk-line',
        range: spanRange(line.line, identity),
        severity: 'warning',
        message: `Nothing follows the ':' on the last line, which has no line break: the broker skips it, so '${identity.text}' has no key.`,
      });
      continue;
    }
    if (key.text.length === 0) {
      findings.push({
        code: 'psk-key',
        range: spanRange(line.line, identity),
        severity: 'warning',
        message: `The key of '${identity.text}' is empty: the broker starts, but an empty pre-shared key is almost certainly a mistake.`,
      });
      continue;
    }
    if (!trimmed && /[^0-9a-fA-F]/.test(rawKeyBefore16(file.raw[line.line]?.text ?? ''))) {
      findings.push({
        code: 'psk-key',
        range: spanRange(line.line, key),
        severity: 'error',
        message: `Before 1.6 the broker keeps the blanks around the key of '${identity.text}' (only the line break is dropped), and a blank is not a hexadecimal digit: it refuses to start. Remove the blanks.`,
      });
      continue;
    }
    if (!/^[0-9a-fA-F]*$/.test(key.text)) {
      findings.push({
        code: 'psk-key',
        range: spanRange(line.line, key),
        severity: 'error',
        message: `The key of '${identity.text}' contains characters that are not hexadecimal digits: the broker refuses to start.`,
      });
    }
  }
  return findings;
}

/** The key as 1.5 keeps it: everything after the first ':' with only trailing CR/LF dropped. */
function rawKeyBefore16(text: string): string {
  const colon = text.indexOf(':');
  return colon < 0 ? '' : text.slice(colon + 1).replace(/[\r\n]+$/, '');
}
