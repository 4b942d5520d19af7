import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { AnalysisSettings, FileSystemAccess, PathInfo } from '../../server/src/service';
import { analyze, defaultSettings, NO_FILE_SYSTEM, parseVersion } from '../../server/src/service';

/** Analysis settings for tests: `version` is 'X.Y[.Z]'. */
export function settings(version = '2.1.2', overrides: Partial<AnalysisSettings> = {}): AnalysisSettings {
  const brokerVersion = parseVersion(version);
  assert.ok(brokerVersion, `bad version ${version}`);
  return defaultSettings({ brokerVersion, checkPaths: false, ...overrides });
}

/** Diagnostics of the main file of `text`. */
export function lint(
  text: string,
  version = '2.1.2',
  overrides: Partial<AnalysisSettings> = {},
  fs: FileSystemAccess = NO_FILE_SYSTEM,
  path?: string,
): Diagnostic[] {
  const uri = path ?? '/etc/mosquitto/mosquitto.conf';
  const analysis = analyze({ text, uri, path }, settings(version, overrides), fs);
  return analysis.diagnostics.get(uri) ?? [];
}

/** Diagnostics with one rule id. */
export function withCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** Lines (1-based) and severities of one rule's diagnostics: compact to assert on. */
export function findings(
  text: string,
  code: string,
  version = '2.1.2',
  overrides: Partial<AnalysisSettings> = {},
  fs: FileSystemAccess = NO_FILE_SYSTEM,
  path?: string,
): string[] {
  return withCode(lint(text, version, overrides, fs, path), code).map((d) => `${d.range.start.line + 1}:${severityWord(d.severity)}`);
}

export function severityWord(severity: DiagnosticSeverity | undefined): string {
  switch (severity) {
    case DiagnosticSeverity.Error:
      return 'error';
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'information';
    default:
      return 'hint';
  }
}

/** Errors only, as 'line:code'. */
export function errors(text: string, version = '2.1.2', overrides: Partial<AnalysisSettings> = {}): string[] {
  return lint(text, version, overrides)
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => `${d.range.start.line + 1}:${String(d.code)}`);
}

/** An in-memory file system: paths ending in '/' are folders, others files with the given text. */
export function memoryFs(files: Record<string, string>, hostPlatform: 'linux' | 'windows' = 'linux'): FileSystemAccess {
  const folders = new Set<string>();
  for (const p of Object.keys(files)) {
    const parts = p.replace(/\/$/, '').split('/');
    for (let i = 1; i < parts.length; i++) {
      folders.add(parts.slice(0, i).join('/') || '/');
    }
    if (p.endsWith('/')) {
      folders.add(p.replace(/\/$/, ''));
    }
  }
  return {
    hostPlatform,
    stat(path: string): PathInfo | undefined {
      const clean = path.replace(/\/$/, '') || '/';
      if (folders.has(clean)) {
        return { kind: 'directory', readable: true };
      }
      return Object.prototype.hasOwnProperty.call(files, path) ? { kind: 'file', readable: true } : undefined;
    },
    readDirectory(path: string): readonly string[] | undefined {
      const clean = path.replace(/\/$/, '');
      if (!folders.has(clean)) {
        return undefined;
      }
      const names = new Set<string>();
      for (const p of [...Object.keys(files), ...folders]) {
        if (p.startsWith(`${clean}/`) && p.length > clean.length + 1) {
          names.add(p.slice(clean.length + 1).split('/')[0]);
        }
      }
      return [...names];
    },
    readFile(path: string): string | undefined {
      return Object.prototype.hasOwnProperty.call(files, path) && !path.endsWith('/') ? files[path] : undefined;
    },
  };
}
