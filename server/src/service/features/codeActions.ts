import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { CodeActionKind, CodeActionTriggerKind } from 'vscode-languageserver-types';
import type { Analysis } from '../index';
import type { ConfigModel } from '../model/config';
import type { ParsedFile } from '../parser/parser';
import type { FileSystemAccess } from '../types';
import { NO_FILE_SYSTEM } from '../types';
import { DIAGNOSTIC_SOURCE, INCLUDED_FILE_ERRORS, SUPPRESSION_COMMENT } from '../engine/codes';
import type { Fix, FixContext } from '../engine/rule';
import { RULES, ruleById } from '../engine/registry';
import { fileOf } from '../model/lineContext';
import { insertLinesBefore, lineBreakOf } from '../model/lineEdits';
import { insertionText, sectionInsertion, snippetOptionsFor, WSS_LISTENER_SNIPPET } from './snippets';

/** Kind of the "Insert secure WebSocket (wss) listener" action. */
export const INSERT_WSS_LISTENER_KIND = `${CodeActionKind.Refactor}.insert`;
/** Title of the "Insert secure WebSocket (wss) listener" action. */
export const INSERT_WSS_LISTENER_TITLE = 'Insert secure WebSocket (wss) listener';

/** Kind of "Fix all auto-fixable problems" (usable in `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.mosquitto`;
export const FIX_ALL_TITLE = 'Fix all auto-fixable problems';

/**
 * Rules whose first fix is safe to apply to every finding at once: it changes only what the
 * broker misreads (tabs, indented comments), adds the one line Windows needs
 * (socket_domain ipv4), or renames an unknown directive that has exactly one candidate.
 */
const FIX_ALL_RULES: ReadonlySet<string> = new Set(['websockets-socket-domain', 'tab-separator', 'indented-comment', 'unknown-directive']);

/** A code action request in the service's terms. */
export interface CodeActionRequest {
  /** URI the edits are for (the document's URI). */
  readonly uri: string;
  /** The document's id in the analysis (a native path for files on disk). */
  readonly fileId: string;
  readonly range: Range;
  /** Diagnostics the client sends in the code action context. */
  readonly diagnostics: readonly Diagnostic[];
  /** CodeActionContext.only. */
  readonly only?: readonly string[];
  /** CodeActionContext.triggerKind: refactorings are left out of automatic (light bulb) requests. */
  readonly triggerKind?: CodeActionTriggerKind;
}

export interface CodeActionEnvironment {
  /** Used to guess partner file names (e.g. the key next to a certificate). */
  readonly fs?: FileSystemAccess;
  /** The client applies snippet edits in a WorkspaceEdit (LSP 3.18 snippetEditSupport). */
  readonly snippetEdits?: boolean;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * Quick fixes for this tool's diagnostics (keyed on their codes, never for other sources),
 * a suppression comment per diagnostic, and the "Insert secure WebSocket (wss) listener"
 * refactoring. Every action carries a WorkspaceEdit for `request.uri`.
 */
export function codeActions(analysis: Analysis, request: CodeActionRequest, environment: CodeActionEnvironment = {}): CodeAction[] {
  const model = analysis.model;
  const file = fileOf(model, request.fileId);
  const fs = environment.fs ?? NO_FILE_SYSTEM;
  const current = analysis.diagnostics.get(request.fileId) ?? [];
  const fixes: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const suppressed = new Set<string>();
  for (const sent of request.diagnostics) {
    if (sent.source !== DIAGNOSTIC_SOURCE || typeof sent.code !== 'string') {
      continue;
    }
    // Trust our own analysis, not the client's copy: it has the data payload and is never stale.
    const diagnostic = current.find((c) => c.code === sent.code && sameRange(c.range, sent.range));
    if (!diagnostic) {
      continue;
    }
    const code = sent.code;
    // The rule that made the diagnostic knows how to fix it; its payload travels in `data`.
    const rule = ruleById(code);
    const context: FixContext<unknown> = {
      model,
      file,
      fileId: request.fileId,
      fs,
      diagnostic,
      payload: diagnostic.data,
      directive: file.lines[diagnostic.range.start.line]?.directive,
    };
    for (const fix of rule?.fix?.(context) ?? []) {
      fixes.push(toAction(fix, CodeActionKind.QuickFix, request.uri, sent, environment.snippetEdits === true));
    }
    const key = `${diagnostic.range.start.line}\u0000${code}`;
    if (!suppressed.has(key)) {
      suppressed.add(key);
      const suppression = suppressionFix(file, diagnostic.range.start.line, code);
      if (suppression) {
        suppressions.push(toAction(suppression, CodeActionKind.QuickFix, request.uri, sent));
      }
    }
  }
  const actions = [...fixes, ...suppressions];
  if (request.only?.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(`${k}.`)) === true) {
    const fixAll = fixAllAction(analysis, request.uri, request.fileId, fs);
    if (fixAll) {
      actions.push(fixAll);
    }
  }
  if (request.triggerKind !== CodeActionTriggerKind.Automatic || request.only?.some((k) => k.startsWith(CodeActionKind.Refactor)) === true) {
    actions.push(insertWssListenerAction(model, file, request.uri, request.range.start.line));
  }
  const only = request.only;
  return only && only.length > 0 ? actions.filter((a) => only.some((k) => a.kind === k || (a.kind ?? '').startsWith(`${k}.`))) : actions;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  // Two insertions at one place overlap too: their order would be up to the client.
  return !(before(a.end, b.start) || before(b.end, a.start)) || (a.start.line === b.start.line && a.start.character === b.start.character);
}

/**
 * "Fix all auto-fixable problems": the first fix of every finding of the safe rules
 * (FIX_ALL_RULES), as one edit; a fix whose edits would touch another's is left for a second
 * run. Undefined when there is nothing to fix.
 */
export function fixAllAction(analysis: Analysis, uri: string, fileId: string, fs: FileSystemAccess = NO_FILE_SYSTEM): CodeAction | undefined {
  const model = analysis.model;
  const file = fileOf(model, fileId);
  const edits: TextEdit[] = [];
  for (const diagnostic of analysis.diagnostics.get(fileId) ?? []) {
    const code = String(diagnostic.code);
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !FIX_ALL_RULES.has(code)) {
      continue;
    }
    const context: FixContext<unknown> = {
      model,
      file,
      fileId,
      fs,
      diagnostic,
      payload: diagnostic.data,
      directive: file.lines[diagnostic.range.start.line]?.directive,
    };
    const candidates = ruleById(code)?.fix?.(context) ?? [];
    // A rename is only safe when there is exactly one candidate.
    if (candidates.length === 0 || (code === 'unknown-directive' && candidates.length !== 1)) {
      continue;
    }
    const chosen = candidates.find((f) => f.preferred) ?? candidates[0];
    if (chosen.edits.some((e) => edits.some((taken) => overlaps(e.range, taken.range)))) {
      continue;
    }
    edits.push(...chosen.edits);
  }
  return edits.length > 0 ? { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } } : undefined;
}

function toAction(fix: Fix, kind: string, uri: string, diagnostic: Diagnostic, snippetEdits = false): CodeAction {
  const action: CodeAction = { title: fix.title, kind, diagnostics: [diagnostic] };
  if (snippetEdits && fix.snippet) {
    action.edit = {
      documentChanges: [
        { textDocument: { uri, version: null }, edits: [{ range: fix.snippet.range, snippet: { kind: 'snippet', value: fix.snippet.snippet } }] },
      ],
    };
  } else if (fix.edits.length > 0 || !fix.command) {
    action.edit = { changes: { [uri]: fix.edits } };
  }
  if (fix.command) {
    action.command = { title: fix.title, command: fix.command.command, arguments: [...(fix.command.arguments ?? [])] };
  }
  if (fix.preferred) {
    action.isPreferred = true;
  }
  return action;
}

/** The refactoring: a wss listener block where it cannot capture other options. */
export function insertWssListenerAction(model: ConfigModel, file: ParsedFile, uri: string, cursorLine?: number): CodeAction {
  const insertion = sectionInsertion(file, WSS_LISTENER_SNIPPET.body(snippetOptionsFor(model)), cursorLine);
  const edit: TextEdit = { range: { start: insertion.position, end: insertion.position }, newText: insertionText(insertion, lineBreakOf(file), false) };
  return { title: INSERT_WSS_LISTENER_TITLE, kind: INSERT_WSS_LISTENER_KIND, edit: { changes: { [uri]: [edit] } } };
}

/** `# mosquitto-lint-disable-next-line <id>` above the line, or the id added to such a comment already there. */
function suppressionFix(file: ParsedFile, line: number, id: string): Fix | undefined {
  if (id === INCLUDED_FILE_ERRORS || (line === 0 && file.hasBom)) {
    return undefined; // a line above the BOM would move the BOM into the file
  }
  const title = `Suppress '${id}' on this line`;
  const above = line > 0 ? file.lines[line - 1] : undefined;
  if (above?.kind === 'comment' && new RegExp(`^#\\s*${SUPPRESSION_COMMENT}\\b`).test(above.text)) {
    const at = { line: line - 1, character: above.text.length };
    return { title, edits: [{ range: { start: at, end: at }, newText: `${/\s$/.test(above.text) ? '' : ' '}${id}` }] };
  }
  return { title, edits: [insertLinesBefore(file, line, [`# ${SUPPRESSION_COMMENT} ${id}`])] };
}

/** Codes that have quick fixes (besides suppression). */
export const FIXABLE_CODES: readonly string[] = RULES.filter((rule) => rule.fix !== undefined).map((rule) => rule.id);
