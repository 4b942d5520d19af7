import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, LANGUAGE_ID, openFixture, waitForActivation } from '../helpers';

suite('activation', () => {
  teardown(closeAllEditors);

  test('mosquitto.conf: language id mosquitto-conf, extension active', async () => {
    const editor = await openFixture('activation', 'mosquitto.conf');
    assert.strictEqual(editor.document.languageId, LANGUAGE_ID);
    const ext = await waitForActivation();
    assert.ok(ext.isActive);
  });

  test('conf.d/*.conf under a mosquitto folder: language id mosquitto-conf', async () => {
    const editor = await openFixture('activation', 'etc', 'mosquitto', 'conf.d', 'websockets.conf');
    assert.strictEqual(editor.document.languageId, LANGUAGE_ID);
    await waitForActivation();
  });

  test('a .conf file outside any mosquitto folder: not claimed', async () => {
    const editor = await openFixture('activation', 'other.conf');
    assert.notStrictEqual(editor.document.languageId, LANGUAGE_ID);
  });

  test('the extension contributes mosquitto.insertWssListener', async () => {
    await waitForActivation();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('mosquitto.insertWssListener'), 'command mosquitto.insertWssListener is not registered');
  });
});
