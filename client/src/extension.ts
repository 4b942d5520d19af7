import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { registerInsertWssListener } from './insertWssListener';

let client: LanguageClient | undefined;

/** Starts the bundled language server; restarts it once after a crash, then explains. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('server', 'dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  let restarts = 0;
  const output = vscode.window.createOutputChannel('Mosquitto Config', { log: true });
  context.subscriptions.push(output);
  registerInsertWssListener(context, () => client);
  // When the extension also contributes snippets/mosquitto-conf.json, VS Code lists those
  // itself: drop the server's snippet items so each snippet appears once.
  const contributesSnippets = Array.isArray((context.extension.packageJSON as { contributes?: { snippets?: unknown } }).contributes?.snippets);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'mosquitto-conf' }],
    middleware: contributesSnippets
      ? {
        provideCompletionItem: async (document, position, completionContext, token, next) => {
          const result = await next(document, position, completionContext, token);
          const notSnippet = (item: vscode.CompletionItem): boolean => item.kind !== vscode.CompletionItemKind.Snippet;
          if (Array.isArray(result)) {
            return result.filter(notSnippet);
          }
          if (result) {
            result.items = result.items.filter(notSnippet);
          }
          return result;
        },
      }
      : undefined,
    outputChannel: output,
    synchronize: { configurationSection: 'mosquitto' },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        if (restarts < 1) {
          restarts++;
          return { action: CloseAction.Restart };
        }
        void vscode.window
          .showErrorMessage('The Mosquitto Config language server stopped twice and will not be restarted. Its log is in the "Mosquitto Config" output channel; reload the window to try again.', 'Show log')
          .then((choice) => {
            if (choice === 'Show log') {
              output.show();
            }
          });
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  client = new LanguageClient('mosquitto', 'Mosquitto Config', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
