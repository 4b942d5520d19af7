/**
 * Runs the companion-file rules (rules/companion/): one pass over the lines of an ACL, password
 * or PSK file for the line rules, then the file rules; the dynamic-security rules over the
 * plugin's JSON file; and, for a configuration, the files it names with the summary rule on the
 * naming lines.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CompanionContext, CompanionParse } from '../companion/analysis';
import { parseCompanion } from '../companion/analysis';
import { parseColonFile } from '../companion/colonFile';
import type { ColonReading } from '../companion/colonFile';
import { companionReferences, dynsecReferences } from '../companion/configLink';
import { readDynsec } from '../companion/dynsec/dynsec';
import type { CompanionFinding, CompanionKind, CompanionSeverity } from '../companion/findings';
import { overrideSeverity, toDiagnostics } from '../companion/findings';
import { passwordUsers, readPasswordFile } from '../companion/passwd/passwd';
import { readPskFile } from '../companion/psk/psk';
import type { ConfigModel } from '../model/config';
import { rangeIn } from '../model/positions';
import { COMPANION_RULES } from '../rules/companion';
import type { AnalysisSettings, FileSystemAccess } from '../types';
import type { Version } from '../version';
import type { CompanionRule, CompanionRuleContext, CompanionRuleFinding, NamedFile, SummaryRule } from './companionRule';

export { COMPANION_RULES };

const BY_ID: ReadonlyMap<string, CompanionRule> = new Map(COMPANION_RULES.map((rule) => [rule.id, rule]));
const ORDER: ReadonlyMap<string, number> = new Map(COMPANION_RULES.map((rule, index) => [rule.id, index]));

/** The companion rule with this id (undefined for other codes). */
export function companionRuleById(id: string): CompanionRule | undefined {
  return BY_ID.get(id);
}

/** Runs `visit` for each rule with a context that collects its findings under its id. */
function collect(
  version: Version,
  passwordUsersOf: ReadonlySet<string> | undefined,
  visit: (rule: CompanionRule, context: CompanionRuleContext<unknown>) => void,
): CompanionFinding[] {
  const findings: CompanionFinding[] = [];
  for (const rule of COMPANION_RULES) {
    const context: CompanionRuleContext<unknown> = {
      version,
      passwordUsers: passwordUsersOf,
      report: (finding: CompanionRuleFinding<unknown>) => findings.push({ code: rule.id, ...finding }),
    };
    visit(rule, context);
  }
  // By position; findings at the same place in table order.
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (ORDER.get(a.code) ?? 0) - (ORDER.get(b.code) ?? 0),
  );
}

/** Findings of one companion file for the selected release. */
export function companionFindings(parsed: CompanionParse, settings: AnalysisSettings, context: CompanionContext = {}): CompanionFinding[] {
  const version = settings.brokerVersion;
  if (parsed.kind === 'acl') {
    const file = parsed.file;
    return collect(version, context.passwordUsers, (rule, ctx) => {
      if (rule.kind === 'acl-line') {
        file.lines.forEach((line, index) => rule.check(line, file.raw[index], ctx));
      } else if (rule.kind === 'acl-file') {
        rule.check(file, ctx);
      }
    });
  }
  const lines: ColonReading[] = parsed.kind === 'passwd' ? readPasswordFile(parsed.file, version) : readPskFile(parsed.file, version);
  const lineKind = parsed.kind === 'passwd' ? 'passwd-line' : 'psk-line';
  const fileKind = parsed.kind === 'passwd' ? 'passwd-file' : 'psk-file';
  return collect(version, undefined, (rule, ctx) => {
    if (rule.kind === lineKind) {
      for (const line of lines) {
        rule.check(line, ctx);
      }
    } else if (rule.kind === fileKind) {
      rule.check(lines, parsed.file, ctx);
    }
  });
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

/** Findings of a dynamic-security JSON file for the selected release. */
export function checkDynsec(text: string, version: Version): CompanionFinding[] {
  const document = readDynsec(text);
  return collect(version, undefined, (rule, ctx) => {
    if (rule.kind === 'dynsec-file') {
      rule.check(document, ctx);
    }
  });
}

const LSP_SEVERITY: Record<CompanionSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const SUMMARY_RULES: readonly SummaryRule[] = COMPANION_RULES.filter((r): r is SummaryRule => r.kind === 'config-summary');

/** The summaries of one named file, on the line that names it (`file` and `range` of that line). */
function summarize(
  named: NamedFile,
  at: { file: string; range: Diagnostic['range'] },
  settings: AnalysisSettings,
  source: string,
  result: Map<string, Diagnostic[]>,
): void {
  for (const rule of SUMMARY_RULES) {
    const summary = rule.summarize(named);
    const severity = summary ? overrideSeverity(summary.severity, settings.rules[rule.id]) : undefined;
    if (!summary || severity === undefined) {
      continue;
    }
    result.get(at.file)?.push({
      range: at.range,
      severity: LSP_SEVERITY[severity],
      code: rule.id,
      source,
      message: summary.message,
      relatedInformation: summary.related.map((e) => ({
        location: { uri: named.path, range: e.range },
        message: typeof e.message === 'string' ? e.message : e.message.value,
      })),
    });
  }
}

/**
 * Reads the files the configuration names (ACL, password, PSK files and the dynamic-security
 * plugin's JSON file) through `fs`, adds their diagnostics to `result` (keyed by path) and the
 * summary rule's findings on the naming lines.
 */
export function validateCompanionFiles(
  model: ConfigModel,
  settings: AnalysisSettings,
  fs: FileSystemAccess,
  result: Map<string, Diagnostic[]>,
  source: string,
): void {
  for (const reference of dynsecReferences(model, settings, fs)) {
    const target = reference.resolved;
    const text = target === undefined ? undefined : fs.readFile(target);
    if (target === undefined || text === undefined) {
      continue;
    }
    let diagnostics = result.get(target);
    if (!diagnostics) {
      diagnostics = toDiagnostics(checkDynsec(text, settings.brokerVersion), settings, source);
      result.set(target, diagnostics);
    }
    summarize({ kind: 'dynsec', path: target, diagnostics }, { file: reference.directive.file, range: rangeIn(model, reference.at) }, settings, source, result);
  }
  const references = companionReferences(model, settings, fs).filter((r) => r.resolved !== undefined);
  if (references.length === 0) {
    return;
  }
  const texts = new Map<string, string | undefined>();
  const read = (p: string): string | undefined => {
    if (!texts.has(p)) {
      texts.set(p, fs.readFile(p));
    }
    return texts.get(p);
  };
  // ACL users are checked against the password file only when the configuration has exactly one.
  const passwordFiles = [...new Set(references.filter((r) => r.kind === 'passwd').map((r) => r.resolved ?? ''))];
  const passwordText = passwordFiles.length === 1 ? read(passwordFiles[0]) : undefined;
  const users = passwordText !== undefined ? passwordUsers(parseColonFile(passwordText)) : undefined;
  for (const reference of references) {
    const target = reference.resolved ?? '';
    const text = read(target);
    if (text === undefined) {
      continue; // path-not-found says so when path checks are on
    }
    let diagnostics = result.get(target);
    if (!diagnostics) {
      diagnostics = validateCompanion(reference.kind, text, settings, { passwordUsers: reference.kind === 'acl' ? users : undefined }, source);
      result.set(target, diagnostics);
    }
    summarize(
      { kind: reference.kind, path: target, diagnostics },
      { file: reference.directive.file, range: rangeIn(model, reference.at) },
      settings,
      source,
      result,
    );
  }
}
