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
});
