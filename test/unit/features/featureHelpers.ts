import * as assert from 'node:assert/strict';
import type { Diagnostic, Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, AnalysisSettings, FileSystemAccess } from '../../../server/src/service';
import { analyze, NO_FILE_SYSTEM } from '../../../server/src/service';
import { settings } from '../helpers';

/** Where test documents live (an absolute path, so relative paths resolve against /etc/mosquitto). */
export const DOCUMENT_PATH = '/etc/mosquitto/mosquitto.conf';
export const DOCUMENT_URI = 'file:///etc/mosquitto/mosquitto.conf';

/** Splits a text with one `|` cursor marker into the text and the cursor position. */
export function cursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf('|');
  assert.ok(at !== -1 && marked.indexOf('|', at + 1) === -1, 'the text needs exactly one | marker');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const before = marked.slice(0, at);
  const line = before.split('\n').length - 1;
  return { text, position: { line, character: at - (before.lastIndexOf('\n') + 1) } };
}

/** Analyses a text as the file /etc/mosquitto/mosquitto.conf. */
export function analysisOf(text: string, version = '2.1.2', overrides: Partial<AnalysisSettings> = {}, fs: FileSystemAccess = NO_FILE_SYSTEM): Analysis {
  return analyze({ text, uri: DOCUMENT_PATH, path: DOCUMENT_PATH }, settings(version, overrides), fs);
}

/** Diagnostics of the main file of an analysis. */
export function diagnosticsOf(analysis: Analysis): Diagnostic[] {
  return analysis.diagnostics.get(DOCUMENT_PATH) ?? [];
}

/** Applies LSP text edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(DOCUMENT_URI, 'mosquitto-conf', 1, text), [...edits]);
}

/** The edits of a WorkspaceEdit for the test document (and nothing else). */
export function editsOf(edit: WorkspaceEdit | undefined): TextEdit[] {
  assert.ok(edit?.changes, 'the action has a WorkspaceEdit with changes');
  assert.deepEqual(Object.keys(edit.changes), [DOCUMENT_URI], 'edits only the document');
  return edit.changes[DOCUMENT_URI];
}

/** 'line:code' of error diagnostics. */
export function errorCodes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => String(d.code));
}
