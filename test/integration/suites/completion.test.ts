import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, completionLabel, openFixture, waitFor } from '../helpers';

suite('completion', () => {
  teardown(closeAllEditors);

  test('inside a websockets listener: offers socket_domain', async () => {
    const { document } = await openFixture('completion', 'mosquitto.conf');
    const position = new vscode.Position(document.lineCount - 1, 0); // empty line after 'protocol websockets'
    const labels = await waitFor(
      'socket_domain among the completion items',
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
        return (list?.items ?? []).map(completionLabel);
      },
      (result) => result.includes('socket_domain'),
    );
    assert.ok(labels.includes('socket_domain'));
  });

  test('documentation arrives through completionItem/resolve', async () => {
    const { document } = await openFixture('completion', 'mosquitto.conf');
    const position = new vscode.Position(document.lineCount - 1, 0);
    // The fourth argument makes VS Code resolve that many items, as it does for the one it shows.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, undefined, 500);
    const item = list.items.find((i) => completionLabel(i) === 'socket_domain');
    assert.ok(item, 'socket_domain offered');
    const documentation = item.documentation;
    const text = typeof documentation === 'string' ? documentation : (documentation?.value ?? '');
    assert.ok(text.includes('socket_domain'), `resolved documentation: ${text}`);
  });
});
