import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, completionLabel, openFixture, waitFor, waitForNoCode } from '../helpers';

function isWssSnippet(item: vscode.CompletionItem): boolean {
  if (item.kind !== vscode.CompletionItemKind.Snippet) {
    return false;
  }
  const detail = typeof item.label === 'string' ? '' : `${item.label.detail ?? ''} ${item.label.description ?? ''}`;
  return /wss/i.test(`${completionLabel(item)} ${detail} ${item.detail ?? ''}`);
}

suite('snippet', () => {
  teardown(closeAllEditors);

  test('wss snippet: inserts a complete secure websockets listener', async () => {
    const editor = await openFixture('snippet', 'mosquitto.conf');
    const { document } = editor;
    const position = new vscode.Position(document.lineCount - 1, 0);
    const items = await waitFor(
      'a wss snippet among the completions',
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
        return list?.items ?? [];
      },
      (result) => result.some(isWssSnippet),
    );
    const snippet = items.find(isWssSnippet)!;

    const body =
      snippet.insertText instanceof vscode.SnippetString
        ? snippet.insertText
        : new vscode.SnippetString(String(snippet.insertText ?? completionLabel(snippet)));
    assert.ok(await editor.insertSnippet(body, position), 'the editor refused the snippet');
    // leave snippet mode so placeholders are plain text
    await vscode.commands.executeCommand('leaveSnippet');

    const text = document.getText();
    assert.match(text, /^listener\s+\d+/m, 'a listener line with a port');
    assert.match(text, /^protocol\s+websockets\b/m, 'protocol websockets');
    assert.match(text, /^certfile\b/m, 'a certfile');
    assert.match(text, /^keyfile\b/m, 'a keyfile');
    await waitForNoCode(document.uri, 'tls-certfile-without-keyfile');
  });
});
