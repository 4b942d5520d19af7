import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, openFixture, waitFor, waitForActivation, waitForCode } from '../helpers';

/** The open effective view, once its text satisfies `accept`. */
async function effectiveView(accept: (text: string) => boolean): Promise<vscode.TextDocument> {
  return waitFor(
    'the effective configuration view',
    () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'mosquitto-effective'),
    (d) => d !== undefined && accept(d.getText()),
  ) as Promise<vscode.TextDocument>;
}

suite('effective configuration', () => {
  teardown(closeAllEditors);

  test('the command opens a read-only mosquitto-conf view of every listener, include_dir files merged', async () => {
    const editor = await openFixture('effective', 'mosquitto.conf');
    await waitForActivation();
    await vscode.commands.executeCommand('mosquitto.showEffectiveConfiguration');
    const view = await effectiveView((text) => text.includes('# ==== listener 8883'));
    assert.strictEqual(view.languageId, 'mosquitto-conf');
    const text = view.getText();
    const listeners = [...text.matchAll(/^# ==== listener (\d+)/gm)].map((m) => m[1]);
    assert.deepStrictEqual(listeners, ['1883', '1884', '8883'], 'the broker reads a.conf before b.conf');
    assert.match(text, /^# from conf\.d\/b\.conf:3\npassword_file \/etc\/mosquitto\/passwd$/m);
    assert.strictEqual(vscode.languages.getDiagnostics(view.uri).length, 0, 'the view itself is not linted');

    const links = await waitFor(
      'links in the view',
      () => vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', view.uri),
      (l) => (l?.length ?? 0) > 0,
    );
    const toB = links.find((l) => l.target?.path.endsWith('/conf.d/b.conf') && l.target.fragment === 'L3');
    assert.ok(toB, 'the password_file origin links to conf.d/b.conf line 3');

    // It follows edits of the source.
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), 'listener 9001\n'));
    await effectiveView((t) => t.includes('# ==== listener 9001'));
  });
});

suite('rule documentation links', () => {
  teardown(closeAllEditors);

  test('a diagnostic code links to a command that opens rules.md in the Markdown preview at the rule', async () => {
    const { document } = await openFixture('effective', 'mosquitto', 'rule-docs.conf');
    const [found] = await waitForCode(document.uri, 'invalid-boolean');
    const code = found.code;
    assert.ok(typeof code === 'object', 'the code carries a link');
    assert.strictEqual(codeOf(found), 'invalid-boolean');
    assert.strictEqual(code.target.scheme, 'command');
    assert.strictEqual(code.target.path, 'mosquitto.showRuleDocs');
    const args = JSON.parse(decodeURIComponent(code.target.query)) as string[];
    assert.deepStrictEqual(args, ['invalid-boolean']);

    await vscode.commands.executeCommand(code.target.path, ...args);
    await waitFor('a Markdown preview of rules.md', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && /markdown/i.test(t.input.viewType) && /rules\.md/.test(t.label)),
    );
  });
});
