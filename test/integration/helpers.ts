// Shared helpers for the integration suites. Everything waits on conditions with a
// deadline (events, or polling a provider until it answers), never on fixed sleeps:
// the language server starts asynchronously and answers when it is ready.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'mosquitto-conf.mosquitto-conf';
export const LANGUAGE_ID = 'mosquitto-conf';
/** How long to wait for a condition (server start, analysis) before failing. */
export const WAIT_MS = Number(process.env.MOSQUITTO_INTEGRATION_WAIT_MS) || 20_000;
/**
 * After one wait has timed out (typically: the language server is not running), later
 * waits get this much instead, so a broken extension fails the run in a couple of
 * minutes rather than running every test into the full wait.
 */
const WAIT_AFTER_TIMEOUT_MS = Math.min(WAIT_MS, 10_000);
const POLL_MS = 50;
let timedOutOnce = false;

function waitBudget(requested: number | undefined): number {
  return requested ?? (timedOutOnce ? WAIT_AFTER_TIMEOUT_MS : WAIT_MS);
}

/** The workspace folder the runner opened: a temp copy of test/integration/fixtures/. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder (test/integration/fixtures)');
  return folder.uri;
}

/** A file of one suite's fixture workspace: fixtures/<suite>/<segments...>. */
export function fixtureUri(suite: string, ...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), suite, ...segments);
}

export async function openFixture(suite: string, ...segments: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(suite, ...segments));
  return vscode.window.showTextDocument(document);
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (wrong extensionDevelopmentPath?)`);
  return ext;
}

/** Waits until the extension is active (opening a mosquitto-conf document activates it). */
export async function waitForActivation(): Promise<vscode.Extension<unknown>> {
  const ext = extension();
  await waitFor('the extension to activate', () => ext.isActive);
  return ext;
}

/** The diagnostic's code as a plain string (codes may come as { value, target }). */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) {
    return undefined;
  }
  return String(typeof code === 'object' ? code.value : code);
}

export function withCode(diagnostics: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic[] {
  return diagnostics.filter((diagnostic) => codeOf(diagnostic) === code);
}

function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) {
    return '(none)';
  }
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} [${codeOf(d) ?? '-'}] ${d.message}`).join('\n    ');
}

/**
 * Polls `probe` until `accept` holds for its value, and returns that value; fails after
 * `timeoutMs` with `what` and the last value seen. For providers that answer only once
 * the language server is up.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | Thenable<T>,
  accept: (value: T) => boolean = (value) => Boolean(value),
  requestedTimeoutMs?: number,
): Promise<T> {
  const timeoutMs = waitBudget(requestedTimeoutMs);
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      last = value;
      lastError = undefined;
      if (accept(value)) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      timedOutOnce = true;
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what} (${lastError ? `last error: ${String(lastError)}` : `last value: ${summarize(last)}`})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function summarize(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

/**
 * Resolves with the diagnostics of `uri` as soon as `predicate` holds for them, checking
 * now and on every `onDidChangeDiagnostics` for that URI; fails after `timeoutMs`.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  requestedTimeoutMs?: number,
): Promise<vscode.Diagnostic[]> {
  const timeoutMs = waitBudget(requestedTimeoutMs);
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const check = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!predicate(diagnostics)) {
        return false;
      }
      cleanup();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === key)) {
        check();
      }
    });
    const timer = setTimeout(() => {
      cleanup();
      timedOutOnce = true;
      reject(
        new Error(
          `timed out after ${timeoutMs} ms waiting for ${what} in ${vscode.workspace.asRelativePath(uri)}; ` +
            `diagnostics now:\n    ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`,
        ),
      );
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/** Waits until `uri` has a diagnostic with `code` and returns those diagnostics. */
export async function waitForCode(uri: vscode.Uri, code: string, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  const diagnostics = await waitForDiagnostics(uri, `a '${code}' diagnostic`, (all) => withCode(all, code).length > 0, timeoutMs);
  return withCode(diagnostics, code);
}

/** Waits until `uri` has no diagnostic with `code`. */
export async function waitForNoCode(uri: vscode.Uri, code: string, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, `no '${code}' diagnostic`, (all) => withCode(all, code).length === 0, timeoutMs);
}

/** Position of the `occurrence`-th (0-based) match of `needle` in the document, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, needle: string | RegExp, occurrence = 0, offset = 0): vscode.Position {
  const text = document.getText();
  const regexp =
    typeof needle === 'string'
      ? new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g')
      : new RegExp(needle.source, needle.flags.includes('g') ? needle.flags : `${needle.flags}g`);
  let match: RegExpExecArray | null;
  let index = 0;
  while ((match = regexp.exec(text)) !== null) {
    if (index === occurrence) {
      return document.positionAt(match.index + offset);
    }
    index += 1;
  }
  throw new Error(`'${String(needle)}' (occurrence ${occurrence}) not found in ${vscode.workspace.asRelativePath(document.uri)}`);
}

/** Line number (0-based) of the first line matching `pattern`. */
export function lineOf(document: vscode.TextDocument, pattern: RegExp): number {
  for (let line = 0; line < document.lineCount; line += 1) {
    if (pattern.test(document.lineAt(line).text)) {
      return line;
    }
  }
  throw new Error(`no line matches ${String(pattern)} in ${vscode.workspace.asRelativePath(document.uri)}`);
}

export function completionLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  const parts: string[] = [];
  for (const hover of hovers) {
    for (const content of hover.contents) {
      if (typeof content === 'string') {
        parts.push(content);
      } else if (content instanceof vscode.MarkdownString) {
        parts.push(content.value);
      } else {
        parts.push((content as { value: string }).value);
      }
    }
  }
  return parts.join('\n');
}

/** Sets a `mosquitto.*` user setting (the runner's user-data-dir is a temp folder). */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('mosquitto').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Reverts unsaved changes and closes every editor, so suites do not see each other's state. */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.isClosed) {
      continue;
    }
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
