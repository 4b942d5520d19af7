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

/** One problem in a companion file. */
export interface CompanionFinding {
  readonly code: string;
  readonly range: Range;
  readonly message: string;
  readonly severity: CompanionSeverity;
  /** Typed details for quick fixes (e.g. the replacement text). */
  readonly data?: CompanionFixData;
}

/** What a quick fix needs: replace the diagnostic's range with `replacement`. */
export interface CompanionFixData {
  readonly replacement: string;
  readonly title: string;
}

/** A companion rule: id (diagnostic code, setting key, docs anchor) and a one-line title. */
export interface CompanionRule {
  readonly id: string;
  readonly kind: CompanionKind | 'dynsec' | 'conf';
  readonly title: string;
}

/** Every companion rule id; the summary on the config line is `companion-file-errors`. */
export const COMPANION_RULES: readonly CompanionRule[] = [
  { id: 'acl-keyword', kind: 'acl', title: 'ACL line that does not start with topic, pattern or user' },
  { id: 'acl-access-type', kind: 'acl', title: 'ACL access type other than read, write, readwrite or deny' },
  { id: 'acl-topic', kind: 'acl', title: 'ACL topic filter that is missing or invalid' },
  { id: 'acl-user', kind: 'acl', title: 'ACL user line without a name' },
  { id: 'acl-pattern-substitution', kind: 'acl', title: 'ACL pattern without %c or %u' },
  { id: 'acl-anonymous', kind: 'acl', title: 'ACL topic lines before any user line (they apply to anonymous clients)' },
  { id: 'acl-duplicate-user', kind: 'acl', title: 'ACL user named in two blocks' },
  { id: 'acl-unknown-user', kind: 'acl', title: 'ACL user missing from the password file' },
  { id: 'password-hash', kind: 'passwd', title: 'Password that is not a hash the broker can read' },
  { id: 'password-line', kind: 'passwd', title: 'Password file line the broker ignores or refuses' },
  { id: 'password-duplicate-user', kind: 'passwd', title: 'User listed twice in the password file' },
  { id: 'psk-key', kind: 'psk', title: 'PSK key that is empty or not hexadecimal' },
  { id: 'psk-line', kind: 'psk', title: 'PSK file line the broker ignores' },
  { id: 'psk-duplicate-identity', kind: 'psk', title: 'PSK identity listed twice' },
  { id: 'dynsec-json', kind: 'dynsec', title: 'Dynamic-security file that is not a JSON object' },
  {
    id: 'dynsec-structure',
    kind: 'dynsec',
    title: 'Dynamic-security entry the plugin skips or reads differently (shape, names, priority, allow, defaultACLAccess)',
  },
  { id: 'dynsec-acl-type', kind: 'dynsec', title: 'Dynamic-security role ACL with an acltype the plugin does not accept' },
  { id: 'dynsec-password', kind: 'dynsec', title: 'Dynamic-security client whose password, salt and iterations the plugin cannot use' },
  { id: 'companion-file-errors', kind: 'conf', title: 'File named by acl_file, password_file, psk_file or the dynamic-security plugin has problems' },
];

/** Rule id of the summary on an acl_file/password_file/psk_file line. */
export const COMPANION_FILE_ERRORS = 'companion-file-errors';

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
    if (f.data) {
      d.data = f.data;
    }
    result.push(d);
  }
  return result.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
