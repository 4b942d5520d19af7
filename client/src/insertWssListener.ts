import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';

/** The client command: inserts a secure WebSocket (wss) listener as a snippet with tab stops. */
export const INSERT_WSS_LISTENER_COMMAND = 'mosquitto.insertWssListener';
/** The server command that says where the listener goes and what it looks like. */
const SERVER_SNIPPET_COMMAND = 'mosquitto.server.wssListenerSnippet';

interface SnippetInsertion {
  readonly position: { readonly line: number; readonly character: number };
  readonly snippet: string;
}

function isInsertion(value: unknown): value is SnippetInsertion {
  const v = value as SnippetInsertion | null | undefined;
  return typeof v?.snippet === 'string' && typeof v.position?.line === 'number' && typeof v.position.character === 'number';
}

/**
 * The static snippet from snippets/mosquitto-conf.json, for when the server cannot answer:
 * inserted at the end of the document.
 */
function staticSnippet(snippetFile: string, document: vscode.TextDocument): SnippetInsertion | undefined {
  try {
    const snippets = JSON.parse(fs.readFileSync(snippetFile, 'utf8')) as Record<string, { prefix: string; body: string[] }>;
    const prefix = process.platform === 'win32' ? 'wss-listener-windows' : 'wss-listener';
    const found = Object.values(snippets).find((s) => s.prefix === prefix);
    if (!found) {
      return undefined;
    }
    const last = document.lineAt(document.lineCount - 1);
    const before = document.getText().length === 0 ? '' : last.isEmptyOrWhitespace ? '' : '\n\n';
    return { position: last.range.end, snippet: `${before}${found.body.join('\n')}\n` };
  } catch {
    return undefined;
  }
}

/** Registers `mosquitto.insertWssListener`; `getClient` returns the running client, if any. */
export function registerInsertWssListener(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  const snippetFile = context.asAbsolutePath('snippets/mosquitto-conf.json');
  context.subscriptions.push(
    vscode.commands.registerCommand(INSERT_WSS_LISTENER_COMMAND, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'mosquitto-conf') {
        void vscode.window.showInformationMessage('Open a mosquitto.conf file to insert a secure WebSocket (wss) listener.');
        return;
      }
      const document = editor.document;
      const client = getClient();
      let insertion: SnippetInsertion | undefined;
      if (client?.isRunning()) {
        try {
          // The server knows the sections: it picks a free port, the platform's extras and a
          // place where the new listener does not capture the options below it.
          const result: unknown = await client.sendRequest(ExecuteCommandRequest.type, {
            command: SERVER_SNIPPET_COMMAND,
            arguments: [document.uri.toString(), client.code2ProtocolConverter.asPosition(editor.selection.active)],
          });
          insertion = isInsertion(result) ? result : undefined;
        } catch (error) {
          client.warn(`${SERVER_SNIPPET_COMMAND} failed; inserting the static snippet`, error);
        }
      }
      insertion ??= staticSnippet(snippetFile, document);
      if (!insertion) {
        void vscode.window.showErrorMessage('Could not build the secure WebSocket listener snippet.');
        return;
      }
      const position = document.validatePosition(new vscode.Position(insertion.position.line, insertion.position.character));
      await editor.insertSnippet(new vscode.SnippetString(insertion.snippet), position);
    }),
  );
}
