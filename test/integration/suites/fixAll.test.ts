import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, waitFor, waitForCode } from '../helpers';

suite('fix all (source.fixAll.mosquitto)', () => {
  teardown(closeAllEditors);
  suiteTeardown(async () => {
    await vscode.workspace
      .getConfiguration('editor', { languageId: 'mosquitto-conf' })
      .update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
  });

  test('applied on save through editor.codeActionsOnSave: tabs, indented comments and a one-candidate rename', async () => {
    await vscode.workspace
      .getConfiguration('editor', { languageId: 'mosquitto-conf' })
      .update('codeActionsOnSave', { 'source.fixAll.mosquitto': 'explicit' }, vscode.ConfigurationTarget.Global, true);
    const editor = await openFixture('fixall', 'mosquitto.conf');
    await waitForCode(editor.document.uri, 'tab-separator');
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
    await editor.document.save();
    const text = await waitFor(
      'the fixes to be applied on save',
      () => editor.document.getText(),
      (t) => !t.includes('\t'),
    );
    assert.strictEqual(text, '# the broker reads this as a directive\nlistener 1883\nallow_anonymous true\nmax_keepalive 60\n\n');
  });
});
