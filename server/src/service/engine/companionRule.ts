/**
 * The kinds of rule for the files mosquitto.conf points at, and what each is handed. The
 * readers (companion/acl, passwd, psk, dynsec) say how the selected release cuts and reads a
 * line; the rules (rules/companion/<id>.ts) judge:
 * - an *ACL line rule* gets one line of an ACL file at a time (with its raw text);
 * - a *password line rule* / *PSK line rule* gets one line of a password or PSK file at a time,
 *   as the selected release reads it (`ColonReading`: listed, repeated, checked further);
 * - an *ACL file rule*, *password file rule* or *PSK file rule* sees the whole file, for checks
 *   across lines (a user named twice) or against the configuration (the password file's users);
 * - a *dynamic-security rule* sees the plugin's JSON file as the plugin loads it;
 * - the *summary rule* (companion-file-errors) sees the diagnostics of each file the
 *   configuration names and puts one summary on the naming line.
 * A rule's quick fix lives in the rule's file: `fix` reads back the typed payload the rule
 * attached to its finding; code actions look the rule up by id.
 */
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { AclFile, AclLine } from '../companion/acl/acl';
import type { ColonFile, ColonReading } from '../companion/colonFile';
import type { DynsecDocument } from '../companion/dynsec/dynsec';
import type { CompanionKind, CompanionSeverity } from '../companion/findings';
import type { ReaderLine } from '../companion/reader';
import type { Version } from '../version';
import type { Fix, RuleBase } from './rule';

/** One problem a companion rule found; the runner adds the rule id as its code. */
export interface CompanionRuleFinding<Payload = undefined> {
  readonly range: Range;
  readonly message: string;
  readonly severity: CompanionSeverity;
  /** The rule's typed payload for its quick fix. */
  readonly data?: Payload;
}

/** What every companion rule sees besides its input. */
export interface CompanionRuleContext<Payload = undefined> {
  /** The selected release. */
  readonly version: Version;
  /** Users of the password file configured next to this ACL file, when the configuration has exactly one. */
  readonly passwordUsers?: ReadonlySet<string>;
  report(finding: CompanionRuleFinding<Payload>): void;
}

/** What a companion quick fix sees: the diagnostic as published and the payload it carries (from the client: check its shape). */
export interface CompanionFixContext<Payload = undefined> {
  readonly diagnostic: Diagnostic;
  readonly payload: Payload | undefined;
}

/** Id and title as for the configuration's rules; the fix sees the diagnostic and its payload only. */
interface CompanionRuleBase<Payload> extends Omit<RuleBase<Payload>, 'fix'> {
  /** Quick fixes for one of this rule's diagnostics. */
  fix?(context: CompanionFixContext<Payload>): Fix[];
}

/** Handed one line of an ACL file at a time. */
export interface AclLineRule<Payload = undefined> extends CompanionRuleBase<Payload> {
  readonly kind: 'acl-line';
  check(line: AclLine, raw: ReaderLine, context: CompanionRuleContext<Payload>): void;
}

/** Sees a whole ACL file (checks across lines or against the password file). */
export interface AclFileRule<Payload = undefined> extends CompanionRuleBase<Payload> {
  readonly kind: 'acl-file';
  check(file: AclFile, context: CompanionRuleContext<Payload>): void;
}

/** Handed one line of a password or PSK file at a time, as the selected release reads it. */
export interface ColonLineRule<Payload = undefined> extends CompanionRuleBase<Payload> {
  readonly kind: 'passwd-line' | 'psk-line';
  check(line: ColonReading, context: CompanionRuleContext<Payload>): void;
}

/** Sees a whole password or PSK file as the selected release reads it (checks across lines). */
export interface ColonFileRule<Payload = undefined> extends CompanionRuleBase<Payload> {
  readonly kind: 'passwd-file' | 'psk-file';
  check(lines: readonly ColonReading[], file: ColonFile, context: CompanionRuleContext<Payload>): void;
}

/** Sees the dynamic-security JSON file as the plugin loads it. */
export interface DynsecRule<Payload = undefined> extends CompanionRuleBase<Payload> {
  readonly kind: 'dynsec-file';
  check(document: DynsecDocument, context: CompanionRuleContext<Payload>): void;
}

/** A file the configuration names, with its diagnostics (user severities applied). */
export interface NamedFile {
  /** `companion`: acl_file, password_file, psk_file; `dynsec`: the dynamic-security plugin's JSON file. */
  readonly kind: CompanionKind | 'dynsec';
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** The summary on the line that names a file. */
export interface FileSummary {
  readonly severity: CompanionSeverity;
  readonly message: string;
  /** The diagnostics shown as related information (the first few). */
  readonly related: readonly Diagnostic[];
}

/** Sees the diagnostics of each file the configuration names; its summary goes on the naming line. */
export interface SummaryRule extends CompanionRuleBase<undefined> {
  readonly kind: 'config-summary';
  summarize(file: NamedFile): FileSummary | undefined;
}

/** Any companion rule. */
// The payload type is the rule's own business; the table holds rules of every payload.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type CompanionRule = AclLineRule<any> | AclFileRule<any> | ColonLineRule<any> | ColonFileRule<any> | DynsecRule<any> | SummaryRule;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Declares a rule handed one ACL line at a time. */
export function aclLineRule<Payload = undefined>(rule: Omit<AclLineRule<Payload>, 'kind'>): AclLineRule<Payload> {
  return { kind: 'acl-line', ...rule };
}

/** Declares a rule that sees a whole ACL file. */
export function aclFileRule<Payload = undefined>(rule: Omit<AclFileRule<Payload>, 'kind'>): AclFileRule<Payload> {
  return { kind: 'acl-file', ...rule };
}

/** Declares a rule handed one password-file line at a time. */
export function passwordLineRule<Payload = undefined>(rule: Omit<ColonLineRule<Payload>, 'kind'>): ColonLineRule<Payload> {
  return { kind: 'passwd-line', ...rule };
}

/** Declares a rule that sees a whole password file. */
export function passwordFileRule<Payload = undefined>(rule: Omit<ColonFileRule<Payload>, 'kind'>): ColonFileRule<Payload> {
  return { kind: 'passwd-file', ...rule };
}

/** Declares a rule handed one PSK-file line at a time. */
export function pskLineRule<Payload = undefined>(rule: Omit<ColonLineRule<Payload>, 'kind'>): ColonLineRule<Payload> {
  return { kind: 'psk-line', ...rule };
}

/** Declares a rule that sees a whole PSK file. */
export function pskFileRule<Payload = undefined>(rule: Omit<ColonFileRule<Payload>, 'kind'>): ColonFileRule<Payload> {
  return { kind: 'psk-file', ...rule };
}

/** Declares a rule over the dynamic-security JSON file. */
export function dynsecRule<Payload = undefined>(rule: Omit<DynsecRule<Payload>, 'kind'>): DynsecRule<Payload> {
  return { kind: 'dynsec-file', ...rule };
}

/** Declares the summary rule. */
export function summaryRule(rule: Omit<SummaryRule, 'kind'>): SummaryRule {
  return { kind: 'config-summary', ...rule };
}

/** The payload of a fix that replaces the diagnostic's range with `replacement`. */
export interface TextReplacement {
  readonly replacement: string;
  readonly title: string;
}

/** The fix for a `TextReplacement` payload (nothing when the payload has another shape). */
export function replaceText({ diagnostic, payload }: CompanionFixContext<TextReplacement>): Fix[] {
  if (typeof payload?.replacement !== 'string' || typeof payload.title !== 'string') {
    return [];
  }
  return [{ title: payload.title, edits: [{ range: diagnostic.range, newText: payload.replacement }], preferred: true }];
}
