import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, waitFor } from '../helpers';

suite('outline', () => {
  teardown(closeAllEditors);

  test('seed config: three sections, default listener 1883, listeners 1884 and 1885', async () => {
    const { document } = await openFixture('seed', 'mosquitto.conf');
    const symbols = await waitFor(
      'document symbols from the language server',
      async () =>
        (await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>('vscode.executeDocumentSymbolProvider', document.uri)) ??
        [],
      (result) => result.length > 0,
    );
    const names = symbols.map((symbol) => `${symbol.name} ${'detail' in symbol ? symbol.detail : ''}`);
    assert.strictEqual(symbols.length, 3, `expected 3 sections, got: ${JSON.stringify(names)}`);
    ['1883', '1884', '1885'].forEach((port, index) => {
      assert.ok(names[index].includes(port), `section ${index + 1} (${names[index]}) is about port ${port}`);
    });
  });
});
