import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** URI scheme of the read-only effective configuration documents. */
export const EFFECTIVE_SCHEME = 'mosquitto-effective';
export const SHOW_EFFECTIVE_COMMAND = 'mosquitto.showEffectiveConfiguration';

interface EffectiveResult {
  text: string;
  links: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; target?: string }[];
}

/** The view of a source document: same path with a suffix (a readable tab title), source URI in the query. */
export function effectiveUri(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: EFFECTIVE_SCHEME, path: `${source.path} (effective)`, query: source.toString() });
}

function sourceOf(view: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(view.query);
}

/**
 * "Mosquitto: Show effective configuration": a read-only virtual document (language
 * mosquitto-conf, so coloured, searchable and diffable) asked from the server, refreshed
 * when the configuration, one of its files or the settings change. Its `file:line`
 * references are links to the source lines.
 */
export function registerEffectiveView(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const links = new Map<string, vscode.DocumentLink[]>();
  const open = (): vscode.Uri[] => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === EFFECTIVE_SCHEME).map((d) => d.uri);
  let timer: NodeJS.Timeout | undefined;
  const refreshAll = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => open().forEach((uri) => changed.fire(uri)), 200);
  };

  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
      const running = client();
      const source = sourceOf(uri);
      if (!running) {
        return '# The Mosquitto language server is not running.\n';
      }
      // The server answers for open documents only.
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === source.toString())) {
        await vscode.workspace.openTextDocument(source);
      }
      const result = await running.sendRequest<EffectiveResult>('mosquitto/effectiveConfiguration', { uri: source.toString() });
      // Links of views no longer open are dropped (not on close: changing the language closes and reopens).
      const openViews = new Set(open().map((u) => u.toString()));
      for (const key of links.keys()) {
        if (!openViews.has(key)) {
          links.delete(key);
        }
      }
      links.set(
        uri.toString(),
        result.links
          .filter((l) => l.target)
          .map(
            (l) =>
              new vscode.DocumentLink(
                new vscode.Range(l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character),
                vscode.Uri.parse(l.target!),
              ),
          ),
      );
      return result.text;
    },
  };

  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_SCHEME, provider),
    vscode.languages.registerDocumentLinkProvider(
      { scheme: EFFECTIVE_SCHEME },
      { provideDocumentLinks: (document) => links.get(document.uri.toString()) ?? [] },
    ),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.languageId === 'mosquitto-conf' && e.document.uri.scheme !== EFFECTIVE_SCHEME && e.contentChanges.length > 0) {
        refreshAll();
      }
    }),
    vscode.workspace.onDidSaveTextDocument(refreshAll),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('mosquitto')) {
        refreshAll();
      }
    }),
    vscode.commands.registerCommand(SHOW_EFFECTIVE_COMMAND, async (resource?: vscode.Uri) => {
      const source = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
      if (!source || source.scheme === EFFECTIVE_SCHEME) {
        void vscode.window.showWarningMessage('Open a mosquitto configuration file first.');
        return undefined;
      }
      const document = await vscode.workspace.openTextDocument(effectiveUri(source));
      await vscode.languages.setTextDocumentLanguage(document, 'mosquitto-conf');
      return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
    }),
  );
}
