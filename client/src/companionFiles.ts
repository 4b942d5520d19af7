import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Language ids of the files mosquitto.conf points at. */
const COMPANION_LANGUAGES = new Set(['mosquitto-acl', 'mosquitto-passwd', 'mosquitto-psk']);
const HASH_COMMAND = 'mosquitto.server.hashPlaintextPasswords';

/**
 * Gives open documents the language a configuration gives them: the server says which files
 * an open mosquitto.conf names (acl_file, password_file, psk_file), and answers for a plain-text
 * document whether a mosquitto.conf next to it (or one folder up) names it. Also the
 * "Hash plaintext passwords" command.
 */
export function registerCompanionFiles(context: vscode.ExtensionContext, client: LanguageClient): void {
  /** Language per URI, from the configurations seen so far. */
  const known = new Map<string, string>();

  const apply = async (document: vscode.TextDocument, languageId: string): Promise<void> => {
    if (document.languageId !== languageId && (document.languageId === 'plaintext' || COMPANION_LANGUAGES.has(document.languageId))) {
      await vscode.languages.setTextDocumentLanguage(document, languageId);
    }
  };

  const ask = async (document: vscode.TextDocument): Promise<void> => {
    if (document.uri.scheme !== 'file' || document.languageId !== 'plaintext') {
      return;
    }
    const remembered = known.get(document.uri.toString());
    const languageId = remembered ?? (await client.sendRequest<string | null>('mosquitto/companionLanguage', { uri: document.uri.toString() }));
    if (languageId) {
      await apply(document, languageId);
    }
  };

  context.subscriptions.push(
    client.onNotification('mosquitto/companionFiles', (params: { files: { uri: string; languageId: string }[] }) => {
      for (const file of params.files) {
        known.set(file.uri, file.languageId);
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.uri);
        if (open) {
          void apply(open, file.languageId);
        }
      }
    }),
    vscode.workspace.onDidOpenTextDocument((document) => void ask(document)),
    vscode.commands.registerCommand('mosquitto.hashPlaintextPasswords', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'mosquitto-passwd') {
        void vscode.window.showWarningMessage('Open a mosquitto password file first.');
        return;
      }
      await client.sendRequest('workspace/executeCommand', { command: HASH_COMMAND, arguments: [editor.document.uri.toString()] });
    }),
  );
  for (const document of vscode.workspace.textDocuments) {
    void ask(document);
  }
}
