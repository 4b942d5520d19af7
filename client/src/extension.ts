import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { registerInsertWssListener } from './insertWssListener';
import { registerEffectiveView } from './effectiveView';
import { registerRuleDocs } from './ruleDocs';
import { checkWithBroker, sharedClientOptions } from './clientOptions';
import type { StatusItemState } from './statusItem';
import { registerStatusItem } from './statusItem';
import { registerCompanionFiles } from './companionFiles';

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
  const output = vscode.window.createOutputChannel('Mosquitto Config', { log: true });
  context.subscriptions.push(output);
  registerInsertWssListener(context, () => client);
  registerEffectiveView(context, () => client);
  registerRuleDocs(context);
  const status = registerStatusItem(context, () => client);
  // Files and untitled documents; not the read-only effective views (EFFECTIVE_SCHEME), which
  // are output rather than configuration and must not be linted. Also the files mosquitto.conf
  // points at (ACL, password, PSK).
  const languages = ['mosquitto-conf', 'mosquitto-acl', 'mosquitto-passwd', 'mosquitto-psk'];
  const clientOptions = sharedClientOptions(
    output,
    languages.flatMap((language) => [
      { language, scheme: 'file' },
      { language, scheme: 'untitled' },
    ]),
    vscode.workspace.isTrusted,
  );
  client = new LanguageClient('mosquitto', 'Mosquitto Config', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      clientOptions.initializationOptions = { trusted: true };
      void client?.restart();
    }),
    vscode.commands.registerCommand('mosquitto.checkWithBroker', () => checkWithBroker(client)),
  );
  // What each document is checked against also goes to the output channel, with the path mappings.
  status.listen(client, (target) => {
    const name = path.basename(vscode.Uri.parse(target.uri).fsPath);
    const mappings = (target.pathMappings ?? []).map(
      (m) => `${m.brokerPath} → ${m.localPath ?? (m.volume !== undefined ? `volume '${m.volume}'` : 'anonymous volume')} (${m.origin})`,
    );
    output.info(
      `${name}: ${target.summary ?? ''}${mappings.length > 0 ? ` Path mappings: ${mappings.join('; ')}.` : ''}${(target.notes ?? []).length > 0 ? ` ${(target.notes ?? []).join(' ')}` : ''}`,
    );
  });
  await client.start();
  registerCompanionFiles(context, client);
  return { statusItem: status.state };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
