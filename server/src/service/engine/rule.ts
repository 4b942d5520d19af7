/**
 * The three kinds of rule and what each is handed:
 * - a *directive rule* names the directives it inspects (canonical names, or EVERY_DIRECTIVE)
 *   and gets one directive at a time, dispatched by name from a single pass over the reading
 *   order;
 * - a *section rule* gets one section at a time (the listeners the broker opens, or the
 *   bridges) with its entries;
 * - a *configuration rule* sees the whole model (cross-section and cross-file checks).
 * A rule's quick fix lives in the rule's file: `fix` reads back the typed payload the rule
 * attached to its finding.
 */
import type { Diagnostic, DiagnosticTag, Range, TextEdit } from 'vscode-languageserver-types';
import type { DirectiveName } from '../data';
import type { ConfigModel, Placement, Section } from '../model/config';
import type { Directive, ParsedFile, ParsedLine, Span } from '../parser/parser';
import type { AnalysisSettings, FileSystemAccess } from '../types';

/** Severity of one finding, before user overrides. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * 1-based line number of a line object, for messages that name another line ("the first is on
 * line 12"): looked up when the diagnostic is assembled, so a kept finding never names a stale line.
 */
export type LineNumber = (at: Directive | ParsedLine) => number;

/** A finding's message: text, or text that names lines (see LineNumber). */
export type Message = string | ((lineNumber: LineNumber) => string);

/**
 * A related location shown with a finding (e.g. the first of two duplicates): `at` (a span on a
 * line of a configuration file) or `range` (only for files that are not parsed configuration
 * files, e.g. companion files).
 */
/**
 * Where a finding (or a related location) is: `at`, a span (line object + columns) on a line of
 * a parsed configuration file, or `range` only for files that are not parsed configuration
 * files (companion files). Exactly one of them.
 */
export type Place = { readonly at: Span; readonly range?: undefined } | { readonly range: Range; readonly at?: undefined };

export type RelatedLocation = Place & {
  readonly file: string;
  readonly message: string;
};

/** What a finding may carry besides its place, message and severity. */
export interface FindingDetails<Payload = undefined> {
  readonly tags?: readonly DiagnosticTag[];
  readonly related?: readonly RelatedLocation[];
  /** The rule's typed payload for its quick fix. */
  readonly data?: Payload;
}

/** One problem found by a rule, and where (Place). */
export type Finding<Payload = undefined> = Place &
  FindingDetails<Payload> & {
    readonly file: string;
    readonly message: Message;
    readonly severity: Severity;
  };

/** What every rule sees besides its input. */
export interface RuleContext<Payload = undefined> {
  readonly model: ConfigModel;
  readonly settings: AnalysisSettings;
  readonly fs: FileSystemAccess;
  /**
   * Where a directive landed: `model.placements.get(d)`. A directive rule that asks this for the
   * directive it was handed, and reads neither `context.model` nor `context.fs` there, has its
   * findings on that line kept while the model is patched from the one they were found in (see
   * `modelLineage`): use only what a patch keeps of it — the kind, `included`,
   * `perListenerSettings`, `plugin`, and of the target section its kind, id, header, port,
   * address, name and `explicit`, never its entries (read those through `context.model`).
   */
  placement(d: Directive): Placement | undefined;
  report(finding: Finding<Payload>): void;
}

/** What a quick fix sees: the analysis, the file and the diagnostic with the rule's payload. */
export interface FixContext<Payload = undefined> {
  readonly model: ConfigModel;
  readonly file: ParsedFile;
  readonly fileId: string;
  readonly fs: FileSystemAccess;
  /** The diagnostic as the analysis produced it. */
  readonly diagnostic: Diagnostic;
  /** The payload the rule attached to the finding (undefined when it attached none). */
  readonly payload: Payload | undefined;
  /** The directive on the diagnostic's line. */
  readonly directive: Directive | undefined;
}

/** One quick fix before it is wrapped into a CodeAction. */
export interface Fix {
  readonly title: string;
  readonly edits: TextEdit[];
  readonly preferred?: boolean;
  /**
   * A client command run instead of (or after) the edits, e.g. `mosquitto.setPlatform` to
   * change a setting. Clients that do not know it show the action but cannot run it.
   */
  readonly command?: { readonly command: string; readonly arguments?: readonly unknown[] };
  /**
   * The same change as one snippet edit (a placeholder the user types over), for clients that
   * accept snippet edits in a WorkspaceEdit; `edits` for the others.
   */
  readonly snippet?: { readonly range: TextEdit['range']; readonly snippet: string };
}

/** Marks a directive rule that inspects every directive line (known or not). */
export const EVERY_DIRECTIVE = '*';

/** Which sections a section rule is handed. */
export type SectionSelection =
  /** The listeners the broker opens (the default listener when it is used), in order. */
  | 'active-listeners'
  /** Every bridge (`connection` block), in order. */
  | 'bridges';

export interface RuleBase<Payload> {
  /** Stable kebab-case id: the diagnostic code, the setting key and the docs anchor. */
  readonly id: string;
  /** One line for docs and settings. */
  readonly title: string;
  /** Quick fixes for one of this rule's diagnostics. */
  fix?(context: FixContext<Payload>): Fix[];
}

/** A rule handed one directive at a time, for the directives it names. */
export interface DirectiveRule<Payload = undefined> extends RuleBase<Payload> {
  readonly kind: 'directive';
  /** Canonical names (`nameOf`) of the directives it inspects, or EVERY_DIRECTIVE. */
  readonly directives: readonly DirectiveName[] | typeof EVERY_DIRECTIVE;
  /**
   * The findings depend only on the directive and the settings (never on other lines, the
   * model or files): they are kept across edits for lines that did not change. A rule without
   * the flag has its findings kept too on the lines where it read neither `context.model` nor
   * `context.fs` (the engine notes those reads): read them only where the answer needs them,
   * not by destructuring them at the top of `check`.
   */
  readonly lineLocal?: boolean;
  check(directive: Directive, context: RuleContext<Payload>): void;
}

/** A rule handed one section at a time. */
export interface SectionRule<Payload = undefined, Prepared = undefined> extends RuleBase<Payload> {
  readonly kind: 'section';
  readonly sections: SectionSelection;
  /** Work shared by every section of one analysis (e.g. facts about the global section). */
  prepare?(context: RuleContext<Payload>): Prepared;
  /**
   * The findings depend only on the section handed (its kind, id, header, port, address, name,
   * `explicit` and entries) and the settings: never on `prepare`, other sections, the model or
   * files. They are kept across edits while the section's entries are the same objects.
   */
  readonly sectionLocal?: boolean;
  check(section: Section, context: RuleContext<Payload>, prepared: Prepared): void;
}

/** A rule that sees the whole configuration. */
export interface ConfigurationRule<Payload = undefined, PerSection = undefined> extends RuleBase<Payload> {
  readonly kind: 'configuration';
  /**
   * The rule's work on one section (global, default listener, a listener, a bridge), handed to
   * `check` through its `ofSection` argument, so that `check` works over sections, not lines.
   * With a FindingsCache it is kept across edits while the section is the same object: a
   * patched model (model/config.ts updateConfig) keeps the sections an edit did not touch, the
   * placements of their entries and the list of sections; anything else builds new sections.
   * So it may read the section, its entries, their placements, the settings and the number of
   * listeners, never lines outside the section, the files or the file system. It reports
   * nothing itself: `check` reports what it returns.
   */
  perSection?(section: Section, context: RuleContext<Payload>): PerSection;
  /**
   * The findings depend only on the sections (global, default listener, listeners, bridges;
   * see `sectionLocal` for what of a section) and the settings: never on lines outside a
   * section, the files, placements or the file system. They are kept across edits while every
   * section keeps the same entries.
   */
  readonly sectionsOnly?: boolean;
  /** `ofSection`: the rule's `perSection` work on one section (kept across edits, see there). */
  check(context: RuleContext<Payload>, ofSection: (section: Section) => PerSection): void;
}

/** Any rule of the table. */
// The payload type is the rule's own business; the table holds rules of every payload.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Rule = DirectiveRule<any> | SectionRule<any, any> | ConfigurationRule<any, any>;

/** Declares a directive rule. */
export function directiveRule<Payload = undefined>(rule: Omit<DirectiveRule<Payload>, 'kind'>): DirectiveRule<Payload> {
  return { kind: 'directive', ...rule };
}

/** Declares a section rule. */
export function sectionRule<Payload = undefined, Prepared = undefined>(rule: Omit<SectionRule<Payload, Prepared>, 'kind'>): SectionRule<Payload, Prepared> {
  return { kind: 'section', ...rule };
}

/** Declares a configuration rule. */
export function configurationRule<Payload = undefined, PerSection = undefined>(
  rule: Omit<ConfigurationRule<Payload, PerSection>, 'kind'>,
): ConfigurationRule<Payload, PerSection> {
  return { kind: 'configuration', ...rule };
}

/** A finding on a directive's keyword. */
export function atName<Payload = undefined>(d: Directive, message: Message, severity: Severity, extra: FindingDetails<Payload> = {}): Finding<Payload> {
  return { file: d.file, at: nameSpan(d), message, severity, ...extra };
}

/** A finding on a directive's value (or its keyword when there is no value). */
export function atValue<Payload = undefined>(d: Directive, message: Message, severity: Severity, extra: FindingDetails<Payload> = {}): Finding<Payload> {
  return { file: d.file, at: valueSpan(d), message, severity, ...extra };
}

/** A finding on a span of a directive's line (`span`, `tokenSpan`, `nameSpan`…). */
export function atSpan<Payload = undefined>(
  at: Span & { readonly on: Directive },
  message: Message,
  severity: Severity,
  extra: FindingDetails<Payload> = {},
): Finding<Payload> {
  return { file: at.on.file, at, message, severity, ...extra };
}

/** Columns `start` to `end` of a line object. */
export function span(on: Directive | ParsedLine, start: number, end: number): Span {
  return { on, start, end };
}

/** The directive's keyword. */
export function nameSpan(d: Directive): Span & { readonly on: Directive } {
  return { on: d, start: d.nameStart, end: d.nameEnd };
}

/** The directive's value, or its keyword when there is no value. */
export function valueSpan(d: Directive): Span & { readonly on: Directive } {
  return d.valueStart === d.valueEnd ? nameSpan(d) : { on: d, start: d.valueStart, end: d.valueEnd };
}

/** One argument token (the keyword when there is no such token). */
export function tokenSpan(d: Directive, index: number): Span & { readonly on: Directive } {
  const token = d.args[index];
  return token ? { on: d, start: token.start, end: token.end } : nameSpan(d);
}

/** The whole line (without its line break). */
export function lineSpan(on: Directive | ParsedLine): Span {
  return { on, start: 0, end: on.text.length };
}
