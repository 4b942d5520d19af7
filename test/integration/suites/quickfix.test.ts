import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, waitForCode, waitForNoCode } from '../helpers';

const CODE = 'tls-certfile-without-keyfile';

suite('quick fix', () => {
  teardown(closeAllEditors);

  test(`${CODE}: the offered quick fix, applied by the editor, removes the diagnostic`, async () => {
    const { document } = await openFixture('quickfix', 'mosquitto.conf');
    const [diagnostic] = await waitForCode(document.uri, CODE);

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
      10, // resolve edits of lazily resolved actions
    );
    // executeCodeActionProvider does not return the actions' diagnostics, so pick by kind:
    // the preferred quick fix, else the first one that is not a suppression comment.
    const fixes = (actions ?? []).filter(
      (action): action is vscode.CodeAction =>
        action instanceof vscode.CodeAction && action.edit !== undefined && action.kind !== undefined && vscode.CodeActionKind.QuickFix.contains(action.kind),
    );
    const fix = fixes.find((action) => action.isPreferred) ?? fixes.find((action) => !/suppress|disable/i.test(action.title));
    assert.ok(fix, `no quick fix with an edit for ${CODE}; offered: ${JSON.stringify((actions ?? []).map((a) => a.title))}`);

    assert.ok(await vscode.workspace.applyEdit(fix.edit!), `applying "${fix.title}" failed`);
    await waitForNoCode(document.uri, CODE);
    assert.match(document.getText(), /^keyfile\b/m, 'the fix adds a keyfile line');
  });
});
