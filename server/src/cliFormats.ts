/**
 * Output formats of the lint CLI for CI systems: SARIF 2.1.0 (code scanning), GitHub Actions
 * workflow commands (pull request annotations) and Checkstyle XML (Jenkins, GitLab, reviewdog).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';

/** Diagnostics of one file, as the CLI reports them (file: as given or relative to the working folder). */
export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}

/** A rule the report may name: id and one-line description. */
export interface RuleInfo {
  id: string;
  title: string;
}

export const SEVERITY_WORD: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : String(d.message);
}

export function formatText(results: readonly FileResult[]): string[] {
  return results.flatMap((r) =>
    r.diagnostics.map(
      (d) => `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY_WORD[d.severity ?? 1]} [${String(d.code)}] ${messageText(d)}`,
    ),
  );
}

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
      file: r.file,
      diagnostics: r.diagnostics.map((d) => ({ range: d.range, severity: SEVERITY_WORD[d.severity ?? 1], code: d.code, message: d.message, source: d.source })),
    })),
    null,
    2,
  );
}

const SARIF_LEVEL: Record<number, Sarif.Result.level> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'note',
  [DiagnosticSeverity.Hint]: 'note',
};

/** SARIF artifact URI: relative to the working folder (uriBaseId SRCROOT) when inside it, else absolute. */
function artifactLocation(file: string, cwd: string): Sarif.ArtifactLocation {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  }
  return { uri: pathToFileURL(absolute).href };
}

/**
 * SARIF 2.1.0 log with one run. Rules carry their id, description and, when the rule
 * documentation is at hand, a help URI to the rule's section; results carry physical
 * locations with 1-based lines and columns (column = UTF-16 code unit + 1, as SARIF's default).
 */
export function formatSarif(
  results: readonly FileResult[],
  rules: readonly RuleInfo[],
  options: { version: string; cwd: string; rulesDoc: string | undefined; readme: string | undefined },
): Sarif.Log {
  const used = new Set(results.flatMap((r) => r.diagnostics.map((d) => String(d.code))));
  const descriptors: Sarif.ReportingDescriptor[] = rules.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.title },
    ...(options.rulesDoc ? { helpUri: `${pathToFileURL(options.rulesDoc).href}#${rule.id}` } : {}),
  }));
  for (const id of used) {
    if (!rules.some((r) => r.id === id)) {
      descriptors.push({ id, shortDescription: { text: id === 'broker' ? 'Reported by the installed mosquitto broker.' : id } });
    }
  }
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const sarifResults: Sarif.Result[] = results.flatMap((r) =>
    r.diagnostics.map((d): Sarif.Result => ({
      ruleId: String(d.code),
      ruleIndex: index.get(String(d.code)),
      level: SARIF_LEVEL[d.severity ?? 1],
      message: { text: messageText(d) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(r.file, options.cwd),
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mosquitto-lint',
            semanticVersion: options.version,
            version: options.version,
            ...(options.readme ? { informationUri: pathToFileURL(options.readme).href } : {}),
            rules: descriptors,
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(options.cwd.endsWith(path.sep) ? options.cwd : `${options.cwd}${path.sep}`).href } },
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

/** Escapes workflow command data (%, CR, LF) and, for property values, also ':' and ','. */
function escapeGithub(text: string, property: boolean): string {
  let escaped = text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  if (property) {
    escaped = escaped.replace(/:/g, '%3A').replace(/,/g, '%2C');
  }
  return escaped;
}

const GITHUB_COMMAND: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'notice',
  [DiagnosticSeverity.Hint]: 'notice',
};

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. */
export function formatGithub(results: readonly FileResult[]): string[] {
  return results.flatMap((r) =>
    r.diagnostics.map((d) => {
      const props = [
        `file=${escapeGithub(r.file.split(path.sep).join('/'), true)}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeGithub(`mosquitto-lint ${String(d.code)}`, true)}`,
      ];
      return `::${GITHUB_COMMAND[d.severity ?? 1]} ${props.join(',')}::${escapeGithub(`[${String(d.code)}] ${messageText(d)}`, false)}`;
    }),
  );
}

/** Text for an XML attribute: markup escaped, characters XML 1.0 cannot hold replaced by U+FFFD. */
function xmlAttribute(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

const CHECKSTYLE_SEVERITY: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'info',
};

/** Checkstyle XML: one `<file>` per file, one `<error>` per finding, `source` = `mosquitto-lint.<rule-id>`. */
export function formatCheckstyle(results: readonly FileResult[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const r of results) {
    lines.push(`  <file name="${xmlAttribute(r.file)}">`);
    for (const d of r.diagnostics) {
      lines.push(
        `    <error line="${d.range.start.line + 1}" column="${d.range.start.character + 1}" severity="${CHECKSTYLE_SEVERITY[d.severity ?? 1]}" message="${xmlAttribute(messageText(d))}" source="${xmlAttribute(`mosquitto-lint.${String(d.code)}`)}"/>`,
      );
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return lines.join('\n');
}
