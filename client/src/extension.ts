import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { registerInsertWssListener } from './insertWssListener';
import { registerEffectiveView } from './effectiveView';
import { registerRuleDocs, ruleDocsMiddleware } from './ruleDocs';
import type { StatusItemState } from './statusItem';
import { registerStatusItem } from './statusItem';

let client: LanguageClient | undefined;

/** Starts the bundled language server; restarts it once after a crash, then explains. */
/** What the extension exports (for integration tests). */
export interface MosquittoExtensionApi {
  statusItem(): StatusItemState;
}

export async function activate(context: vscode.ExtensionContext): Promise<MosquittoExtensionApi> {
  const serverModule = context.asAbsolutePath(path.join('server', 'dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  let restarts = 0;
  const output = vscode.window.createOutputChannel('Mosquitto Config', { log: true });
  context.subscriptions.push(output);
  registerInsertWssListener(context, () => client);
  registerEffectiveView(context, () => client);
  registerRuleDocs(context);
  const status = registerStatusItem(context, () => client);
  const clientOptions: LanguageClientOptions = {
    // Files and untitled documents; not the read-only effective views (EFFECTIVE_SCHEME), which
    // are output rather than configuration and must not be linted.
    documentSelector: [{ language: 'mosquitto-conf', scheme: 'file' }, { language: 'mosquitto-conf', scheme: 'untitled' }],
    // The server may run the installed broker (version detection, broker check) only when trusted.
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    outputChannel: output,
    synchronize: { configurationSection: 'mosquitto', fileEvents: vscode.workspace.createFileSystemWatcher('**/.mosquitto-lint.json') },
    middleware: {
      ...ruleDocsMiddleware(),
      workspace: {
        // Only the settings the user set (user, workspace or folder), so a .mosquitto-lint.json
        // supplies the rest instead of VS Code's defaults hiding it.
        configuration: (params, token, next) => params.items.some((item) => item.section === 'mosquitto')
          ? params.items.map((item) => (item.section === 'mosquitto' ? explicitSettings(item.scopeUri) : null))
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
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      clientOptions.initializationOptions = { trusted: true };
      void client?.restart();
    }),
    vscode.commands.registerCommand('mosquitto.checkWithBroker', () => checkWithBroker()),
  );
  status.listen(client);
  await client.start();
  return { statusItem: status.state };
}

/** The `mosquitto.*` settings the user set somewhere (not the defaults), for the server. */
function explicitSettings(scopeUri: string | undefined): Record<string, unknown> {
  const configuration = vscode.workspace.getConfiguration('mosquitto', scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  const settings: Record<string, unknown> = {};
  for (const key of ['brokerVersion', 'platform', 'checkPaths', 'rules', 'brokerPath', 'checkWithBrokerOnSave', 'inlayHints']) {
    const value = configuration.inspect(key);
    const set = value?.workspaceFolderValue ?? value?.workspaceValue ?? value?.globalValue;
    if (set !== undefined) {
      settings[key] = set;
    }
  }
  return settings;
}

/** "Mosquitto: Check with installed broker": asks the server to run mosquitto --test-config on a copy. */
async function checkWithBroker(): Promise<void> {
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
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Checking with the installed mosquitto…' },
    () => client!.sendRequest<{ status: string; summary: string }>('mosquitto/checkWithBroker', { uri: editor.document.uri.toString() }),
  );
  const show = result.status === 'ok' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  void show(result.summary);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
