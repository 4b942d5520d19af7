import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { AnalysisSettings, RuleSeverity } from '../types';
import type { DirectiveName } from '../data';

/** The languages of the files mosquitto.conf points at. */
export type CompanionKind = 'acl' | 'passwd' | 'psk';

/** Language id of each companion kind. */
export const COMPANION_LANGUAGE_IDS: Readonly<Record<CompanionKind, string>> = {
  acl: 'mosquitto-acl',
  passwd: 'mosquitto-passwd',
  psk: 'mosquitto-psk',
};

/** The directive in mosquitto.conf that names each companion kind. */
export const COMPANION_DIRECTIVES: Readonly<Record<string, CompanionKind>> = {
  acl_file: 'acl',
  password_file: 'passwd',
  psk_file: 'psk',
} satisfies Partial<Record<DirectiveName, CompanionKind>>;

/** Severity before user overrides. */
export type CompanionSeverity = 'error' | 'warning' | 'information' | 'hint';

/** One problem in a companion file; `code` is the id of the rule (rules/companion/) that found it. */
export interface CompanionFinding {
  readonly code: string;
  readonly range: Range;
  readonly message: string;
  readonly severity: CompanionSeverity;
  /** The rule's typed payload for its quick fix (e.g. the replacement text). */
  readonly data?: unknown;
}

const SEVERITY: Record<CompanionSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Applies a user's per-rule severity; undefined when the rule is off. */
export function overrideSeverity(severity: CompanionSeverity, override: RuleSeverity | undefined): CompanionSeverity | undefined {
  if (override === undefined) {
    return severity;
  }
  return override === 'off' ? undefined : override;
}

/** Findings as LSP diagnostics, with the user's severities applied. */
export function toDiagnostics(findings: readonly CompanionFinding[], settings: AnalysisSettings, source: string): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const f of findings) {
    const severity = overrideSeverity(f.severity, settings.rules[f.code]);
    if (severity === undefined) {
      continue;
    }
    const d: Diagnostic = { range: f.range, severity: SEVERITY[severity], code: f.code, source, message: f.message };
    if (f.data !== undefined) {
      d.data = f.data;
    }
    result.push(d);
  }
  return result.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
