import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, waitFor, waitForActivation } from '../helpers';

interface Api {
  statusItem(): { text: string; detail: string | undefined };
}

suite('language status item', () => {
  teardown(closeAllEditors);
  suiteTeardown(async () => {
    const settings = vscode.workspace.getConfiguration('mosquitto');
    await settings.update('brokerVersion', undefined, vscode.ConfigurationTarget.Workspace);
    await settings.update('platform', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('shows the release and platform with their sources; the command writes the workspace setting', async () => {
    await openFixture('effective', 'mosquitto.conf');
    const api = (await waitForActivation()).exports as Api;
    const initial = await waitFor(
      'the status item text',
      () => api.statusItem(),
      (s) => /^mosquitto \S+ · (linux|windows|macos)$/.test(s.text),
    );
    assert.match(initial.detail ?? '', /^release from .+; platform from .+$/);

    await vscode.commands.executeCommand('mosquitto.selectTarget', { brokerVersion: '2.0.11', platform: 'windows' });
    assert.strictEqual(vscode.workspace.getConfiguration('mosquitto').inspect('brokerVersion')?.workspaceValue, '2.0.11');
    const changed = await waitFor(
      'the status item to follow the setting',
      () => api.statusItem(),
      (s) => s.text === 'mosquitto 2.0.11 · windows',
    );
    assert.match(changed.detail ?? '', /release from the mosquitto\.brokerVersion setting; platform from the mosquitto\.platform setting/);
  });
});
