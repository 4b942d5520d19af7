import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, waitFor, waitForActivation } from '../helpers';

suite('mosquitto.insertWssListener', () => {
  teardown(closeAllEditors);

  test('inserts a secure websockets listener at the cursor', async () => {
    const editor = await openFixture('command', 'mosquitto.conf');
    await waitForActivation();
    const end = new vscode.Position(editor.document.lineCount - 1, 0);
    editor.selection = new vscode.Selection(end, end);

    await vscode.commands.executeCommand('mosquitto.insertWssListener');
    const text = await waitFor(
      'the listener to be inserted',
      () => editor.document.getText(),
      (current) => /^listener\s+\d+/m.test(current),
    );
    assert.match(text, /^port 1883$/m, 'existing text is kept');
    assert.match(text, /^protocol\s+websockets\b/m);
    assert.match(text, /^certfile\b/m);
    assert.match(text, /^keyfile\b/m);
  });
});
