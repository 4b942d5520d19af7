import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions } from 'vscode-languageclient/node';
import { CloseAction, ErrorAction } from 'vscode-languageclient/node';
import { ruleDocsMiddleware } from './ruleDocs';

/** The `mosquitto.*` settings the user set somewhere (not the defaults), for the server. */
function explicitSettings(scopeUri: string | undefined, forced: Record<string, unknown>): Record<string, unknown> {
  const configuration = vscode.workspace.getConfiguration('mosquitto', scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  const settings: Record<string, unknown> = {};
  for (const key of [
    'brokerVersion',
    'platform',
    'checkPaths',
    'rules',
    'brokerPath',
    'checkWithBrokerOnSave',
    'inlayHints',
    'pathMappings',
    'detectContainers',
  ]) {
    const value = configuration.inspect(key);
    const set = value?.workspaceFolderValue ?? value?.workspaceValue ?? value?.globalValue;
    if (set !== undefined) {
      settings[key] = set;
    }
  }
  return { ...settings, ...forced };
}

/**
 * Client options shared by the desktop and the web extension: settings middleware, rule docs,
 * the .mosquitto-lint.json watcher, and a server restarted once after a crash, then explained.
 * `forced`: settings the environment decides (the web has no disk: no path checks).
 */
export function sharedClientOptions(
  output: vscode.LogOutputChannel,
  documentSelector: LanguageClientOptions['documentSelector'],
  trusted: boolean,
  forced: Record<string, unknown> = {},
): LanguageClientOptions {
  let restarts = 0;
  return {
    documentSelector,
    // The server may run the installed broker (version detection, broker check) only when trusted.
    initializationOptions: { trusted },
    outputChannel: output,
    synchronize: { configurationSection: 'mosquitto', fileEvents: vscode.workspace.createFileSystemWatcher('**/.mosquitto-lint.json') },
    middleware: {
      ...ruleDocsMiddleware(),
      workspace: {
        // Only the settings the user set (user, workspace or folder), so a .mosquitto-lint.json
        // supplies the rest instead of VS Code's defaults hiding it.
        configuration: (params, token, next) =>
          params.items.some((item) => item.section === 'mosquitto')
            ? params.items.map((item) => (item.section === 'mosquitto' ? explicitSettings(item.scopeUri, forced) : null))
            : next(params, token),
      },
    },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        if (restarts < 1) {
          restarts++;
          return { action: CloseAction.Restart };
        }
        void vscode.window
          .showErrorMessage(
            'The Mosquitto Config language server stopped twice and will not be restarted. Its log is in the "Mosquitto Config" output channel; reload the window to try again.',
            'Show log',
          )
          .then((choice) => {
            if (choice === 'Show log') {
              output.show();
            }
          });
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
  };
}

/** "Mosquitto: Check with installed broker": asks the server to run mosquitto --test-config on a copy. */
export async function checkWithBroker(client: LanguageClient | undefined): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'mosquitto-conf') {
    void vscode.window.showWarningMessage('Open a mosquitto configuration file first.');
    return;
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Checking with the installed broker runs a program from your machine, so it needs a trusted workspace.');
    return;
  }
  if (!client) {
    return;
  }
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Checking with the installed mosquitto…' }, () =>
    client.sendRequest<{ status: string; summary: string }>('mosquitto/checkWithBroker', { uri: editor.document.uri.toString() }),
  );
  const show = result.status === 'ok' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  void show(result.summary);
}
