/**
 * The files mosquitto.conf points at (acl_file, password_file, psk_file) as languages of their
 * own: readers that behave like each release's, checks, and the features built on them.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AnalysisSettings } from '../types';
import type { AclFile } from './acl/acl';
import { checkAcl, parseAcl } from './acl/acl';
import type { ColonFile } from './colonFile';
import { parseColonFile } from './colonFile';
import type { CompanionFinding, CompanionKind } from './findings';
import { COMPANION_LANGUAGE_IDS, toDiagnostics } from './findings';
import { checkPasswordFile } from './passwd/passwd';
import { checkPskFile } from './psk/psk';

export * from './findings';
export { parseAcl, checkAcl, describeAclLine, suggestAccess, suggestKeyword, topicFilterProblem, ACL_ACCESS_TYPES, ACL_KEYWORDS } from './acl/acl';
export type { AclFile, AclLine, AclAccess } from './acl/acl';
export { parseColonFile, colonEntries } from './colonFile';
export type { ColonFile, ColonLine } from './colonFile';
export { hashProblem, hashFormat, base64DecodedLength, passwordUsers } from './passwd/passwd';
export { readerLines } from './reader';

/** A parsed companion file of any kind. */
export type CompanionParse = { readonly kind: 'acl'; readonly file: AclFile } | { readonly kind: 'passwd' | 'psk'; readonly file: ColonFile };

/** Parses a companion file. Never throws. */
export function parseCompanion(kind: CompanionKind, text: string): CompanionParse {
  return kind === 'acl' ? { kind, file: parseAcl(text) } : { kind, file: parseColonFile(text) };
}

/** Context from the configuration that names the file. */
export interface CompanionContext {
  /** Users of the password file configured next to this ACL file, when there is one. */
  readonly passwordUsers?: ReadonlySet<string>;
}

/** Findings of one companion file for the selected release. */
export function companionFindings(parsed: CompanionParse, settings: AnalysisSettings, context: CompanionContext = {}): CompanionFinding[] {
  switch (parsed.kind) {
    case 'acl':
      return checkAcl(parsed.file, context.passwordUsers);
    case 'passwd':
      return checkPasswordFile(parsed.file, settings.brokerVersion);
    default:
      return checkPskFile(parsed.file, settings.brokerVersion);
  }
}

/** Diagnostics of one companion file, with the user's severities applied. */
export function validateCompanion(kind: CompanionKind, text: string, settings: AnalysisSettings, context: CompanionContext = {}, source = 'mosquitto'): Diagnostic[] {
  return toDiagnostics(companionFindings(parseCompanion(kind, text), settings, context), settings, source);
}

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
export { hashPlaintextEdits, plaintextLines, pbkdf2ParametersFor, formatPbkdf2 } from './passwd/hashing';
export type { PasswordHasher, Pbkdf2Parameters } from './passwd/hashing';
