import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, hoverText, openFixture, positionOf, waitFor } from '../helpers';

suite('hover', () => {
  teardown(closeAllEditors);

  test('certfile: documentation for the directive', async () => {
    const { document } = await openFixture('seed', 'mosquitto.conf');
    const position = positionOf(document, /^certfile/m, 0, 3); // inside the keyword
    const hovers = await waitFor(
      'a hover on certfile',
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position),
      (result) => (result ?? []).length > 0 && hoverText(result).trim().length > 0,
    );
    assert.match(hoverText(hovers), /certfile/i, 'the hover is about certfile');
    const withRange = hovers.find((hover) => hover.range);
    if (withRange?.range) {
      assert.ok(withRange.range.contains(position), 'the hover range covers the keyword');
    }
  });
});
