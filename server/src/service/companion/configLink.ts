/**
 * The configuration side of companion files: which files acl_file, password_file and psk_file
 * name, their diagnostics (keyed by the file's path, like included files) and the summary on
 * the naming line.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { ConfigModel } from '../model/config';
import type { Directive, Span } from '../parser/parser';
import { rangeIn } from '../model/positions';
import { nameOf, pathValue } from '../model/reading';
import type { AnalysisSettings, FileSystemAccess } from '../types';
import { basename, dirname, isPosixAbsolute, isWindowsAbsolute } from '../util/paths';
import { pathContext, resolveBrokerPath } from '../model/brokerPaths';
import { parseColonFile } from './colonFile';
import type { CompanionKind } from './findings';
import { COMPANION_DIRECTIVES, COMPANION_FILE_ERRORS, overrideSeverity, toDiagnostics } from './findings';
import { passwordUsers } from './passwd/passwd';
import { validateCompanion } from './analysis';
import { checkDynsec } from './dynsec/dynsec';

/** One acl_file / password_file / psk_file line and the file it names. */
export interface CompanionReference {
  readonly directive: Directive;
  readonly kind: CompanionKind;
  /** The path as the broker reads it, and where it is on the line. */
  readonly value: string;
  readonly at: Span & { readonly on: Directive };
  /**
   * The path on this machine: absolute paths through the path mappings, else as written;
   * relative ones against the folder of the main configuration (a guess: the broker uses its
   * working directory).
   */
  readonly resolved?: string;
}

/** Every companion file the configuration names, in reading order. */
export function companionReferences(model: ConfigModel, settings: AnalysisSettings, fs: FileSystemAccess): CompanionReference[] {
  const mainPath = model.main.uri;
  const baseDir = isPosixAbsolute(mainPath) || isWindowsAbsolute(mainPath) ? dirname(mainPath) : undefined;
  const result: CompanionReference[] = [];
  for (const d of model.order) {
    const kind = COMPANION_DIRECTIVES[nameOf(d)];
    if (!kind) {
      continue;
    }
    const value = pathValue(d, settings.brokerVersion);
    if (!value) {
      continue;
    }
    const at = { on: d, start: value.start, end: value.start + value.text.length };
    // Through the path mappings (model/brokerPaths.ts): a Compose project's /mosquitto/config/passwd is read from the repository.
    const where = resolveBrokerPath(value.text, pathContext(settings, fs.hostPlatform, baseDir));
    const resolved = where.kind === 'local' ? where.local : undefined;
    result.push({ directive: d, kind, value: value.text, at, resolved });
  }
  return result;
}

/** A plugin_opt_config_file line of the dynamic-security plugin and the JSON file it names. */
export interface DynsecReference {
  readonly directive: Directive;
  readonly value: string;
  /** The value's place on the line. */
  readonly at: Span & { readonly on: Directive };
  /** The path on this machine (as for companion files); undefined when it is only on the broker's machine. */
  readonly resolved?: string;
}

const PLUGIN_PATHS: ReadonlySet<string> = new Set(['plugin', 'auth_plugin', 'global_plugin']);
const DYNSEC_LIBRARY = /(^|[\\/])mosquitto_dynamic_security\.(so|dll)$/;

/**
 * Every `plugin_opt_config_file` (or `auth_opt_config_file`) that follows a plugin line naming
 * mosquitto_dynamic_security.so/.dll: options belong to the plugin line before them.
 */
export function dynsecReferences(model: ConfigModel, settings: AnalysisSettings, fs: FileSystemAccess): DynsecReference[] {
  const mainPath = model.main.uri;
  const baseDir = isPosixAbsolute(mainPath) || isWindowsAbsolute(mainPath) ? dirname(mainPath) : undefined;
  const result: DynsecReference[] = [];
  let dynsec = false;
  for (const d of model.order) {
    const name = nameOf(d);
    if (PLUGIN_PATHS.has(name)) {
      const path = pathValue(d, settings.brokerVersion);
      dynsec = path !== undefined && DYNSEC_LIBRARY.test(path.text.trim());
      continue;
    }
    if (!dynsec || (d.name !== 'plugin_opt_config_file' && d.name !== 'auth_opt_config_file') || d.value.length === 0) {
      continue;
    }
    const at = { on: d, start: d.valueStart, end: d.valueEnd };
    const where = resolveBrokerPath(d.value, pathContext(settings, fs.hostPlatform, baseDir));
    result.push({ directive: d, value: d.value, at, resolved: where.kind === 'local' ? where.local : undefined });
  }
  return result;
}

/**
 * Reads the dynamic-security JSON files through `fs`, adds their diagnostics to `result` (keyed
 * by path) and a summary on the plugin_opt_config_file line when the file has problems. The
 * plugin never stops the broker over this file, so the summary is a warning.
 */
function validateDynsecFiles(model: ConfigModel, settings: AnalysisSettings, fs: FileSystemAccess, result: Map<string, Diagnostic[]>, source: string): void {
  const summarySeverity = overrideSeverity('warning', settings.rules[COMPANION_FILE_ERRORS]);
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
    const problems = diagnostics.filter((x) => x.severity === DiagnosticSeverity.Error || x.severity === DiagnosticSeverity.Warning);
    if (problems.length === 0 || summarySeverity === undefined) {
      continue;
    }
    const first = problems[0];
    const message = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
    result.get(reference.directive.file)?.push({
      range: rangeIn(model, reference.at),
      severity: SUMMARY_SEVERITY[summarySeverity],
      code: COMPANION_FILE_ERRORS,
      source,
      message: `'${basename(target)}' has ${problems.length} problem${problems.length > 1 ? 's' : ''} the dynamic-security plugin skips or works around (the broker still starts). Line ${first.range.start.line + 1}: ${message(first)}`,
      relatedInformation: problems.slice(0, 5).map((e) => ({ location: { uri: target, range: e.range }, message: message(e) })),
    });
  }
}

const SUMMARY_SEVERITY: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Reads the companion files through `fs`, adds their diagnostics to `result` (keyed by path)
 * and a summary on each naming line whose file has errors.
 */
export function validateCompanionFiles(
  model: ConfigModel,
  settings: AnalysisSettings,
  fs: FileSystemAccess,
  result: Map<string, Diagnostic[]>,
  source: string,
): void {
  validateDynsecFiles(model, settings, fs, result, source);
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
  const summarySeverity = overrideSeverity('error', settings.rules[COMPANION_FILE_ERRORS]);
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
    const errors = diagnostics.filter((x) => x.severity === DiagnosticSeverity.Error);
    if (errors.length === 0 || summarySeverity === undefined) {
      continue;
    }
    const first = errors[0];
    const list = result.get(reference.directive.file);
    list?.push({
      range: rangeIn(model, reference.at),
      severity: SUMMARY_SEVERITY[summarySeverity],
      code: COMPANION_FILE_ERRORS,
      source,
      message: `'${basename(target)}' has ${errors.length} error${errors.length > 1 ? 's' : ''}: the broker refuses to start. Line ${first.range.start.line + 1}: ${typeof first.message === 'string' ? first.message : first.message.value}`,
      relatedInformation: errors
        .slice(0, 5)
        .map((e) => ({ location: { uri: target, range: e.range }, message: typeof e.message === 'string' ? e.message : e.message.value })),
    });
  }
}

/** How a configuration names `path`: its kind and the context its checks need; undefined when it does not. */
export function companionContextFor(
  model: ConfigModel,
  settings: AnalysisSettings,
  fs: FileSystemAccess,
  path: string,
): { kind: CompanionKind; passwordUsers?: ReadonlySet<string> } | undefined {
  const references = companionReferences(model, settings, fs);
  const own = references.find((r) => r.resolved === path);
  if (!own) {
    return undefined;
  }
  if (own.kind !== 'acl') {
    return { kind: own.kind };
  }
  const passwordFiles = [...new Set(references.filter((r) => r.kind === 'passwd' && r.resolved !== undefined).map((r) => r.resolved ?? ''))];
  const text = passwordFiles.length === 1 ? fs.readFile(passwordFiles[0]) : undefined;
  return { kind: 'acl', passwordUsers: text !== undefined ? passwordUsers(parseColonFile(text)) : undefined };
}
