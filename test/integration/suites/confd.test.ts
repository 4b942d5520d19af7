import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureUri, lineOf, openFixture, waitForCode, waitForDiagnostics, withCode } from '../helpers';

// fixtures/confd/mosquitto/: mosquitto.conf has listeners 1883 and 8080 and
// `include_dir conf.d`; conf.d/10-websockets.conf opens 8080 again; conf.d/20-tls.conf
// has a TLS listener without keyfile.
suite('conf.d', () => {
  teardown(closeAllEditors);

  test('duplicate-listener: a conf.d file is analysed with its main file', async () => {
    // Only the included file is opened: the server finds ../mosquitto.conf itself.
    const { document } = await openFixture('confd', 'mosquitto', 'conf.d', '10-websockets.conf');
    const found = await waitForCode(document.uri, 'duplicate-listener');
    assert.strictEqual(found.length, 1);
    assert.strictEqual(found[0].range.start.line, lineOf(document, /^listener 8080/));
  });

  test('tls-certfile-without-keyfile: the main file reports into an unopened conf.d file', async () => {
    const { document: main } = await openFixture('confd', 'mosquitto', 'mosquitto.conf');
    const included = fixtureUri('confd', 'mosquitto', 'conf.d', '20-tls.conf');
    assert.ok(!vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === included.toString()), '20-tls.conf is not open');
    await waitForCode(included, 'tls-certfile-without-keyfile');
    // The duplicate is the second 8080 listener (in conf.d), not the main file's.
    const mainDiagnostics = await waitForDiagnostics(main.uri, 'the main file analysis', () => true);
    assert.deepStrictEqual(withCode(mainDiagnostics, 'duplicate-listener'), []);
  });
});
