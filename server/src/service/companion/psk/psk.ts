/**
 * The PSK file as each release reads it. Both read it with the password-file reader, then
 * refuse to start when any key is not hexadecimal (security_default.c psk__file_parse in 2.0,
 * src/psk_file.c in 2.1). 2.1 skips empty identities and repeated identities first; before 1.6
 * the key keeps the blanks around it (only the line break is dropped).
 */
import type { Version } from '../../version';
import { SINCE } from '../../model/reading';
import { atLeast } from '../../version';
import type { ColonFile, ColonReading } from '../colonFile';
import { readColonLines } from '../colonFile';

/** Whether the selected release skips empty and repeated identities (2.1) instead of keeping them. */
export function pskSkipsIdentities(version: Version): boolean {
  return atLeast(version, SINCE.pskIdentitiesSkipped);
}

/** The lines of a PSK file as the selected release reads them (see `ColonReading`). */
export function readPskFile(file: ColonFile, version: Version): ColonReading[] {
  const skips = pskSkipsIdentities(version);
  return readColonLines(file, (entry) => !(skips && entry.name.text.length === 0), skips);
}

/**
 * The key the selected release checks for hexadecimal digits: from 1.6 the trimmed key; before,
 * everything after the first ':' with only the line break dropped (`trimmed: false`).
 */
export function pskKeyAsRead(line: ColonReading, version: Version): { readonly text: string; readonly trimmed: boolean } {
  if (atLeast(version, SINCE.companionFilesChecked)) {
    return { text: line.line.kind === 'entry' ? (line.line.secret?.text ?? '') : '', trimmed: true };
  }
  const colon = line.raw.text.indexOf(':');
  return { text: colon < 0 ? '' : line.raw.text.slice(colon + 1).replace(/[\r\n]+$/, ''), trimmed: false };
}

/** Whether a key holds hexadecimal digits only (an empty key passes, as in the broker). */
export function isHexKey(key: string): boolean {
  return /^[0-9a-fA-F]*$/.test(key);
}
