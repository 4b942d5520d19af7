/** Reading one companion file of any kind (the checks are the rules in rules/companion/, run by engine/companion.ts). */
import type { AclFile } from './acl/acl';
import { parseAcl } from './acl/acl';
import type { ColonFile } from './colonFile';
import { parseColonFile } from './colonFile';
import type { CompanionKind } from './findings';

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
