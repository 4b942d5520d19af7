/**
 * The web extension (vscode.dev, github.dev): the language server runs in a web worker from
 * server/dist/browserServer.js. There is no disk and no broker: path checks are off, the
 * configuration file and include_dir contents are not read, and the broker commands explain
 * why they are unavailable.
 */
import * as vscode from 'vscode';

import { LanguageClient } from 'vscode-languageclient/browser';
import type { LanguageClient as NodeLanguageClient } from 'vscode-languageclient/node';
import { registerInsertWssListener } from './insertWssListener';
import { registerEffectiveView } from './effectiveView';
import { registerRuleDocs } from './ruleDocs';
import { EFFECTIVE_SCHEME } from './effectiveView';
import { sharedClientOptions } from './clientOptions';
import { registerStatusItem } from './statusItem';

/** Browser globals of the web worker extension host (the client's tsconfig has no DOM types). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[2] & object;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

/**
 * The URL to start the server worker from. An extension installed in the browser (vscode.dev)
 * has a URL the browser can load; one that lives on a remote host (code-server, Codespaces,
 * an extension under development) has a vscode-remote URI, which VS Code does not start
 * workers from: its bytes are read through vscode.workspace.fs and started from a blob URL.
 */
async function serverWorkerUrl(context: vscode.ExtensionContext): Promise<string> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'server', 'dist', 'browserServer.js');
  if (script.scheme === 'https' || script.scheme === 'http' || script.scheme === 'file') {
    return script.toString(true);
  }
  const bytes = await vscode.workspace.fs.readFile(script);
  return URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
}

let client: LanguageClient | undefined;

/** Document schemes of real configurations on the web (not the effective views). */
const WEB_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web', 'memfs', 'vscode-userdata', 'tmp'].filter(
  (s) => s !== EFFECTIVE_SCHEME,
);

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Mosquitto Config', { log: true });
  context.subscriptions.push(output);
  // The browser and Node clients have the same API; the shared helpers are typed with the Node one.
  const current = (): NodeLanguageClient | undefined => client as unknown as NodeLanguageClient | undefined;
  registerInsertWssListener(context, current);
  registerEffectiveView(context, current);
  registerRuleDocs(context);
  const status = registerStatusItem(context, current);
  const clientOptions = sharedClientOptions(
    output,
    WEB_SCHEMES.map((scheme) => ({ language: 'mosquitto-conf', scheme })),
    false,
    { checkPaths: false, checkWithBrokerOnSave: false },
  );
  const worker = new Worker(await serverWorkerUrl(context));
  client = new LanguageClient('mosquitto', 'Mosquitto Config', worker, clientOptions as ConstructorParameters<typeof LanguageClient>[3]);
  context.subscriptions.push(
    vscode.commands.registerCommand('mosquitto.checkWithBroker', () => {
      void vscode.window.showInformationMessage('Checking with the installed broker needs the desktop VS Code: the web version cannot run programs.');
    }),
  );
  status.listen(current()!);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
