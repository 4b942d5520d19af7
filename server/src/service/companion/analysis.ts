/** Parsing and checking one companion file of any kind. */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AnalysisSettings } from '../types';
import type { AclFile } from './acl/acl';
import { checkAcl, parseAcl } from './acl/acl';
import type { ColonFile } from './colonFile';
import { parseColonFile } from './colonFile';
import type { CompanionFinding, CompanionKind } from './findings';
import { toDiagnostics } from './findings';
import { checkPasswordFile } from './passwd/passwd';
import { checkPskFile } from './psk/psk';

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
      return checkAcl(parsed.file, context.passwordUsers, settings.brokerVersion);
    case 'passwd':
      return checkPasswordFile(parsed.file, settings.brokerVersion);
    default:
      return checkPskFile(parsed.file, settings.brokerVersion);
  }
}

/** Diagnostics of one companion file, with the user's severities applied. */
export function validateCompanion(
  kind: CompanionKind,
  text: string,
  settings: AnalysisSettings,
  context: CompanionContext = {},
  source = 'mosquitto',
): Diagnostic[] {
  return toDiagnostics(companionFindings(parseCompanion(kind, text), settings, context), settings, source);
}
