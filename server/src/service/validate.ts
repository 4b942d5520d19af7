import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import type { ParsedFile } from './parser/parser';
import { toEditorPosition } from './parser/parser';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { ConfigModel } from './model/config';
import type { Finding, Severity } from './rules/rule';
import { RULES } from './rules';
import type { AnalysisSettings, FileSystemAccess, RuleSeverity } from './types';
import { basename } from './util/paths';
import { validateCompanionFiles } from './companion/configLink';

/** Diagnostic source of every finding. */
export const DIAGNOSTIC_SOURCE = 'mosquitto';
/** Rule id of the summary shown on an include_dir line when included files have errors. */
export const INCLUDED_FILE_ERRORS = 'included-file-errors';
/** Column-0 comment that silences rules on the next line. */
export const SUPPRESSION_COMMENT = 'mosquitto-lint-disable-next-line';
const SUPPRESSION_PATTERN = new RegExp(`^#\\s*${SUPPRESSION_COMMENT}\\b(.*)$`);

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Diagnostics per file (main file and included files), keyed by the file's id. */
export type DiagnosticsByFile = Map<string, Diagnostic[]>;

/** Rule ids silenced per line (0-based) of one file by suppression comments. */
function suppressions(model: ConfigModel, file: string): Map<number, Set<string>> {
  const result = new Map<number, Set<string>>();
  const parsed = model.files.find((f) => f.uri === file);
  if (!parsed) {
    return result;
  }
  for (const line of parsed.lines) {
    if (line.kind !== 'comment') {
      continue;
    }
    const m = SUPPRESSION_PATTERN.exec(line.text);
    if (m) {
      const ids = m[1].split(/[\s,]+/).filter((id) => id.length > 0);
      result.set(line.line + 1, new Set(ids.length > 0 ? ids : ['*']));
    }
  }
  return result;
}

function applyOverride(severity: Severity, override: RuleSeverity | undefined): Severity | undefined {
  if (override === undefined) {
    return severity;
  }
  return override === 'off' ? undefined : override;
}

/** Runs every rule on a built configuration and returns LSP diagnostics per file. */
export function validateConfig(model: ConfigModel, settings: AnalysisSettings, fs: FileSystemAccess): DiagnosticsByFile {
  const result: DiagnosticsByFile = new Map();
  for (const file of model.files) {
    result.set(file.uri, []);
  }
  const suppressed = new Map<string, Map<number, Set<string>>>();
  const isSuppressed = (file: string, line: number, id: string): boolean => {
    let map = suppressed.get(file);
    if (!map) {
      map = suppressions(model, file);
      suppressed.set(file, map);
    }
    const ids = map.get(line);
    return ids !== undefined && (ids.has(id) || ids.has('*'));
  };
  for (const rule of RULES) {
    const report = (finding: Finding): void => {
      const severity = applyOverride(finding.severity, settings.rules[rule.id]);
      if (severity === undefined || isSuppressed(finding.file, finding.range.start.line, rule.id)) {
        return;
      }
      const diagnostic: Diagnostic = {
        range: finding.range,
        severity: SEVERITY[severity],
        code: rule.id,
        source: DIAGNOSTIC_SOURCE,
        message: finding.message,
      };
      if (finding.tags) {
        diagnostic.tags = [...finding.tags];
      }
      if (finding.related) {
        diagnostic.relatedInformation = finding.related.map((r): DiagnosticRelatedInformation => ({ location: { uri: r.file, range: r.range }, message: r.message }));
      }
      if (finding.data) {
        diagnostic.data = finding.data;
      }
      let list = result.get(finding.file);
      if (!list) {
        list = [];
        result.set(finding.file, list);
      }
      list.push(diagnostic);
    };
    try {
      rule.check({ model, settings, fs, report });
    } catch (error) {
      // A rule bug must never take the whole analysis down; say which rule failed.
      report({
        file: model.main.uri,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'warning',
        message: `Internal error in rule ${rule.id}: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  summariseIncludedErrors(model, settings, result);
  validateCompanionFiles(model, settings, fs, result, DIAGNOSTIC_SOURCE);
  mapToEditorLines(model, result);
  for (const list of result.values()) {
    list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  return result;
}

/**
 * Rules work on the broker's lines; editors also break lines at a lone carriage return. Moves
 * every range of files that have such line breaks to the editor's lines.
 */
function mapToEditorLines(model: ConfigModel, result: DiagnosticsByFile): void {
  const byId = new Map(model.files.filter((f) => f.editorLineBreaks.length > 0).map((f) => [f.uri, f]));
  if (byId.size === 0) {
    return;
  }
  const mapRange = (file: ParsedFile, range: Range): Range => ({ start: toEditorPosition(file, range.start), end: toEditorPosition(file, range.end) });
  for (const [id, list] of result) {
    const file = byId.get(id);
    for (const d of list) {
      if (file) {
        d.range = mapRange(file, d.range);
      }
      for (const related of d.relatedInformation ?? []) {
        const target = byId.get(related.location.uri);
        if (target) {
          related.location.range = mapRange(target, related.location.range);
        }
      }
    }
  }
}

function summariseIncludedErrors(model: ConfigModel, settings: AnalysisSettings, result: DiagnosticsByFile): void {
  const severity = applyOverride('error', settings.rules[INCLUDED_FILE_ERRORS]);
  if (severity === undefined) {
    return;
  }
  for (const info of model.includes) {
    const broken = info.files.filter((f) => (result.get(f) ?? []).some((d) => d.severity === DiagnosticSeverity.Error));
    if (broken.length === 0) {
      continue;
    }
    const d = info.directive;
    const diagnostic: Diagnostic = {
      range: d.nameRange,
      severity: SEVERITY[severity],
      code: INCLUDED_FILE_ERRORS,
      source: DIAGNOSTIC_SOURCE,
      message: `Included file${broken.length > 1 ? 's' : ''} ${broken.map((f) => `'${basename(f)}'`).join(', ')} ha${broken.length > 1 ? 've' : 's'} errors: the broker refuses to start.`,
      relatedInformation: broken.map((f) => {
        const first = (result.get(f) ?? []).find((x) => x.severity === DiagnosticSeverity.Error);
        return { location: { uri: f, range: first?.range ?? d.nameRange }, message: typeof first?.message === 'string' ? first.message : 'error' };
      }),
    };
    const list = result.get(d.file);
    list?.push(diagnostic);
  }
}
