/**
 * The files mosquitto.conf points at (acl_file, password_file, psk_file) as languages of their
 * own: readers that behave like each release's, checks, and the features built on them.
 */
import type { CompanionKind } from './findings';
import { COMPANION_LANGUAGE_IDS } from './findings';

export * from './findings';
export {
  parseAcl,
  aclAccessRefusal,
  aclTopicRefusal,
  aclUserNameReading,
  describeAclLine,
  suggestAccess,
  suggestKeyword,
  topicFilterProblem,
  ACL_ACCESS_TYPES,
  ACL_KEYWORDS,
} from './acl/acl';
export type { AclFile, AclLine, AclAccess } from './acl/acl';
export { parseColonFile, colonEntries } from './colonFile';
export type { ColonFile, ColonLine, ColonReading } from './colonFile';
export { hashProblem, hashFormat, base64DecodedLength, passwordUsers, readPasswordFile } from './passwd/passwd';
export { readPskFile } from './psk/psk';
export { readerLines } from './reader';

export { parseCompanion } from './analysis';
export type { CompanionParse, CompanionContext } from './analysis';

/** The companion kind of a language id, if it is one. */
export function companionKindOfLanguage(languageId: string): CompanionKind | undefined {
  return (Object.keys(COMPANION_LANGUAGE_IDS) as CompanionKind[]).find((k) => COMPANION_LANGUAGE_IDS[k] === languageId);
}

/**
 * The companion kind a path's name suggests, only inside a folder named mosquitto (any level):
 * `aclfile`, `*.acl`, `passwd`, `pwfile`, `*.pwfile`, `pskfile`, `*.psk`. Never claims a
 * `passwd` elsewhere (such as /etc/passwd).
 */
export function companionKindOfPath(path: string): CompanionKind | undefined {
  const parts = path.split(/[\\/]+/);
  const name = parts.pop() ?? '';
  if (!parts.some((p) => /^mosquitto$/i.test(p))) {
    return undefined;
  }
  if (name === 'aclfile' || /^.+\.acl$/i.test(name)) {
    return 'acl';
  }
  if (name === 'passwd' || name === 'pwfile' || /^.+\.pwfile$/i.test(name)) {
    return 'passwd';
  }
  if (name === 'pskfile' || /^.+\.psk$/i.test(name)) {
    return 'psk';
  }
  return undefined;
}
export { hashPlaintextEdits, plaintextLines, pbkdf2ParametersFor, formatPbkdf2, formatSha512 } from './passwd/hashing';
export type { PasswordHasher, Pbkdf2Parameters } from './passwd/hashing';
export { companionHover, companionCompletion, companionSymbols } from './features';
export { companionReferences, companionContextFor, dynsecReferences } from './configLink';
export { readDynsec, DYNSEC_ROLE_ACL_TYPES } from './dynsec/dynsec';
export type { DynsecDocument } from './dynsec/dynsec';
export type { CompanionReference } from './configLink';
