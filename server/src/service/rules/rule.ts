import type { DiagnosticTag, Range } from 'vscode-languageserver-types';
import type { ConfigModel } from '../model/config';
import type { Directive } from '../parser/parser';
import type { ValueMode } from '../data/types';
import type { AnalysisSettings, FileSystemAccess } from '../types';
import type { Version } from '../version';
import { atLeast } from '../version';

/** Severity of one finding, before user overrides. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A related location shown with a finding (e.g. the first of two duplicates). */
export interface RelatedLocation {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

/** One problem found by a rule. */
export interface Finding {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
  readonly severity: Severity;
  readonly tags?: readonly DiagnosticTag[];
  readonly related?: readonly RelatedLocation[];
  /** Machine-readable details for quick fixes (e.g. did-you-mean candidates). */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** What a rule sees. */
export interface RuleContext {
  readonly model: ConfigModel;
  readonly settings: AnalysisSettings;
  readonly fs: FileSystemAccess;
  report(finding: Finding): void;
}

/** One diagnostic rule. Its id is stable: the diagnostic code, the setting key and the docs anchor. */
export interface Rule {
  readonly id: string;
  /** One line for docs and settings. */
  readonly title: string;
  check(context: RuleContext): void;
}

/** Reports a finding on a whole directive line's keyword. */
export function atName(d: Directive, message: string, severity: Severity, extra: Partial<Finding> = {}): Finding {
  return { file: d.file, range: d.nameRange, message, severity, ...extra };
}

/** Reports a finding on a directive's value (or its keyword when there is no value). */
export function atValue(d: Directive, message: string, severity: Severity, extra: Partial<Finding> = {}): Finding {
  const empty = d.valueRange.start.character === d.valueRange.end.character;
  return { file: d.file, range: empty ? d.nameRange : d.valueRange, message, severity, ...extra };
}

/** Range of one argument token. */
export function tokenRange(d: Directive, index: number): Range {
  const token = d.args[index];
  if (!token) {
    return d.nameRange;
  }
  return { start: { line: d.line, character: token.start }, end: { line: d.line, character: token.end } };
}

/** The directive's canonical name (families by their pattern, synonyms by themselves). */
export function nameOf(d: Directive): string {
  return d.spec?.prefix !== undefined ? d.spec.name : d.name;
}

/**
 * How the selected release cuts the value out of the line. Differs from the catalogue for
 * plugin paths: a trimmed string up to 2.0, one token in 2.1.0, the raw rest of the line
 * from 2.1.1.
 */
export function valueModeOf(d: Directive, version: Version): ValueMode | undefined {
  const name = nameOf(d);
  if (name === 'plugin' || name === 'auth_plugin' || name === 'global_plugin') {
    return atLeast(version, '2.1.1') ? 'raw' : atLeast(version, '2.1.0') ? 'token' : 'string';
  }
  return d.spec?.valueMode;
}
