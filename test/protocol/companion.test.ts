import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, suite, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, DocumentSymbol, Hover, MarkupContent, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { LspClient } from './lspClient';

const folder = mkdtempSync(join(tmpdir(), 'mosquitto-companion-test-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const full = join(folder, name);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  return pathToFileURL(full).toString();
}

async function withServer(settings: unknown, run: (client: LspClient) => Promise<void>): Promise<void> {
  const client = await LspClient.start({ settings });
  try {
    await client.initialize(undefined, { diagnosticsDelay: 0 });
    await run(client);
    assert.equal(await client.shutdownAndExit(), 0);
  } finally {
    client.dispose();
  }
}

suite('server: files mosquitto.conf points at', () => {
  test('an ACL file opened next to its config gets its diagnostics; the config line a summary and the language notification', async () => {
    const acl = 'user alice\ntopic rw sensors/#\n';
    const aclUri = file('acl/aclfile', acl);
    const conf = `listener 1883\nacl_file ${join(folder, 'acl', 'aclfile')}\n`;
    const confUri = file('acl/mosquitto.conf', conf);
    await withServer({ checkPaths: false }, async (client) => {
      client.openDocument(confUri, conf);
      const notified = await client.waitForNotification<{ files: { uri: string; languageId: string }[] }>('mosquitto/companionFiles');
      assert.deepEqual(notified.files, [{ uri: aclUri, languageId: 'mosquitto-acl' }]);
      const summary = await client.waitForDiagnostics(confUri, (p) => p.diagnostics.some((d) => d.code === 'companion-file-errors'));
      assert.equal(summary.diagnostics.find((d) => d.code === 'companion-file-errors')?.range.start.line, 1);
      client.openDocument(aclUri, acl, 1, 'mosquitto-acl');
      const own = await client.waitForDiagnostics(aclUri, (p) => p.version === 1);
      assert.deepEqual(
        own.diagnostics.map((d) => `${d.range.start.line}:${String(d.code)}`),
        ['1:acl-access-type'],
      );
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: aclUri },
        range: own.diagnostics[0].range,
        context: { diagnostics: own.diagnostics },
      });
      const fix = actions.find((a) => a.title === "Change to 'readwrite'");
      assert.deepEqual(fix?.edit?.changes?.[aclUri], [{ range: own.diagnostics[0].range, newText: 'readwrite' }]);
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: aclUri }, position: { line: 0, character: 6 } });
      assert.match((hover.contents as MarkupContent).value, /alice/);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: aclUri } });
      assert.deepEqual(
        symbols.map((s) => s.name),
        ['alice'],
      );
    });
  });

  test('an edit that leaves a companion file as it was publishes nothing new for it; after its own publication is cleared, the config publishes it again', async () => {
    const passwd = 'alice:secret\n';
    const passwdUri = file('again/passwd', passwd);
    const conf = `listener 1883\npassword_file ${join(folder, 'again', 'passwd')}\nmax_connections 10\n`;
    const confUri = file('again/mosquitto.conf', conf);
    await withServer({ checkPaths: false, brokerVersion: '2.0.11' }, async (client) => {
      type Published = { uri: string; version?: number; diagnostics: { code?: unknown; severity?: number }[] };
      const forPasswd = (): Published[] => client.notifications<Published>('textDocument/publishDiagnostics').filter((p) => p.uri === passwdUri);
      // Every message before a response has arrived once the response has (one ordered stream).
      const settle = (): Promise<unknown> => client.request('textDocument/hover', { textDocument: { uri: confUri }, position: { line: 0, character: 1 } });
      client.openDocument(confUri, conf);
      // The first publication may come before the settings (2.0.11) arrive: wait for its warning.
      const first = await client.waitForDiagnostics(passwdUri, (p) => p.diagnostics.some((d) => d.code === 'password-hash' && d.severity === 2));
      await client.waitForDiagnostics(confUri, (p) => p.version === 1);
      await settle();
      const published = forPasswd().length;
      const notified = client.notifications('mosquitto/companionFiles').length;
      for (let version = 2; version <= 5; version++) {
        client.changeDocument(confUri, version, [{ range: { start: { line: 2, character: 17 }, end: { line: 2, character: 18 } }, text: String(version) }]);
        await client.waitForDiagnostics(confUri, (p) => p.version === version);
      }
      await settle();
      assert.equal(forPasswd().length, published);
      assert.equal(client.notifications('mosquitto/companionFiles').length, notified);
      // The file opened and closed: closing clears its diagnostics, so the next edit of the config publishes them again.
      // (A publication counts only when it came after `from`: the client's waits also search what came before.)
      const after = (from: number) => (p: Published) => forPasswd().indexOf(p) >= from;
      client.openDocument(passwdUri, passwd, 1, 'mosquitto-passwd');
      await client.waitForDiagnostics(passwdUri, (p) => p.version === 1);
      const opened = forPasswd().length;
      client.closeDocument(passwdUri);
      await client.waitForDiagnostics(passwdUri, (p) => after(opened)(p) && p.version === undefined && p.diagnostics.length === 0);
      const cleared = forPasswd().length;
      client.changeDocument(confUri, 6, [{ range: { start: { line: 2, character: 17 }, end: { line: 2, character: 18 } }, text: '6' }]);
      // Published again as they were (a wait that times out if the config left them out).
      const expected = JSON.stringify(first.diagnostics);
      await client.waitForDiagnostics(passwdUri, (p) => after(cleared)(p) && p.version === undefined && JSON.stringify(p.diagnostics) === expected);
    });
  });

  test('a plain-text file named by a mosquitto.conf next to it: the server tells its language', async () => {
    file('lang/mosquitto.conf', 'listener 1883\npassword_file users.txt\n');
    const uri = file('lang/users.txt', 'alice:secret\n');
    const other = file('lang/notes.txt', 'hello\n');
    await withServer({ checkPaths: false }, async (client) => {
      assert.equal(await client.request<string | null>('mosquitto/companionLanguage', { uri }), 'mosquitto-passwd');
      assert.equal(await client.request<string | null>('mosquitto/companionLanguage', { uri: other }), null);
    });
  });

  test('a password file for 2.0.11: plaintext is a warning; "Hash plaintext passwords" writes a $7$ hash, never the password', async () => {
    const text = 'alice:secret\n';
    const uri = file('pw/mosquitto/passwd', text);
    await withServer({ checkPaths: false, brokerVersion: '2.0.11' }, async (client) => {
      client.openDocument(uri, text, 1, 'mosquitto-passwd');
      // The first publication may come before the settings (2.0.11) arrive: wait for the warning.
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.severity === 2));
      assert.deepEqual(
        published.diagnostics.map((d) => `${String(d.code)}:${d.severity ?? 0}`),
        ['password-hash:2'],
      );
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: published.diagnostics[0].range,
        context: { diagnostics: published.diagnostics },
      });
      const hash = actions.find((a) => a.title === 'Hash plaintext passwords');
      assert.ok(hash?.command);
      assert.equal(await client.request<number>('workspace/executeCommand', { command: hash.command.command, arguments: hash.command.arguments }), 1);
      const edit = client.appliedEdits.at(-1)?.documentChanges?.[0] as TextDocumentEdit;
      const edits = edit.edits as TextEdit[];
      assert.equal(edits.length, 1);
      assert.match(edits[0].newText, /^\$7\$101\$[A-Za-z0-9+/]{16}\$[A-Za-z0-9+/]{86}==$/);
      assert.ok(!edits[0].newText.includes('secret'));
    });
  });
});
