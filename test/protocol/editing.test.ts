import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { InitializeResult } from 'vscode-languageserver';
import type {
  CodeAction,
  Command,
  CompletionItem,
  CompletionList,
  Diagnostic,
  Hover,
  MarkupContent,
  Position,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { CodeActionKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver-types';
import { LspClient, PLAIN_CAPABILITIES, VS_CODE_CAPABILITIES } from './lspClient';

const SETTINGS = { brokerVersion: '2.1', platform: 'linux', checkPaths: false };

/** A folder with a configuration and a certs/ folder, for path completion. */
function workspace(): { folder: string; uri: string } {
  const folder = mkdtempSync(join(tmpdir(), 'mosquitto-protocol-'));
  mkdirSync(join(folder, 'certs'));
  for (const name of ['ca.crt', 'server.crt', 'server.key']) {
    writeFileSync(join(folder, 'certs', name), '');
  }
  return { folder, uri: pathToFileURL(join(folder, 'mosquitto.conf')).toString() };
}

/** A document the test keeps in step with the server: edits are sent as incremental changes. */
class OpenDocument {
  private document: TextDocument;

  constructor(
    private readonly client: LspClient,
    readonly uri: string,
    text: string,
  ) {
    this.document = TextDocument.create(uri, 'mosquitto-conf', 1, text);
    client.openDocument(uri, text, 1);
  }

  get version(): number {
    return this.document.version;
  }

  get text(): string {
    return this.document.getText();
  }

  /** Applies edits the way an editor does and sends them as one didChange (bottom-up, so ranges stay valid). */
  edit(edits: readonly TextEdit[]): void {
    const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    const changes = ordered.map((e) => ({ range: e.range, text: e.newText }));
    this.document = TextDocument.update(this.document, changes, this.document.version + 1);
    this.client.changeDocument(this.uri, this.document.version, changes);
  }

  /** Diagnostics the server published for the current version. */
  diagnostics(): Promise<Diagnostic[]> {
    const version = this.document.version;
    return this.client.waitForDiagnostics(this.uri, (p) => p.version === version).then((p) => p.diagnostics);
  }
}

function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  const edits = edit?.changes?.[uri];
  assert.ok(edits, `a WorkspaceEdit for ${uri}`);
  return edits;
}

function positionOf(text: string, needle: string, offset = 0): Position {
  const at = text.indexOf(needle);
  assert.ok(at !== -1, `'${needle}' not in the text`);
  const before = text.slice(0, at + offset);
  return { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
}

suite('protocol: a VS Code-like client over stdio', () => {
  let client: LspClient;
  let initialized: InitializeResult;
  let folder: string;
  let uri: string;

  before(async () => {
    ({ folder, uri } = workspace());
    client = await LspClient.start({ settings: SETTINGS });
    initialized = await client.initialize(VS_CODE_CAPABILITIES);
    // The server asks for the settings after `initialized`: wait until it has been answered.
    await client.waitForRequest('workspace/configuration');
  });

  after(() => {
    client.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  test('initialize: editing capabilities', () => {
    const capabilities = initialized.capabilities;
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters?.includes(' '), true);
    assert.equal(capabilities.hoverProvider, true);
    const codeActionProvider = capabilities.codeActionProvider;
    assert.ok(typeof codeActionProvider === 'object' && codeActionProvider.codeActionKinds?.includes(CodeActionKind.QuickFix));
    assert.ok(capabilities.executeCommandProvider?.commands.includes('mosquitto.server.wssListenerSnippet'));
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
  });

  test('didOpen: diagnostics are published for the document version', async () => {
    const document = new OpenDocument(client, uri.replace('mosquitto.conf', 'open.conf'), 'listener 1883\nallow_anonnymous true\n');
    const diagnostics = await document.diagnostics();
    assert.ok(diagnostics.some((d) => d.code === 'unknown-directive' && d.range.start.line === 1));
  });

  test('didChange: no unknown-directive on the word being typed at the cursor, until a space or an edit elsewhere', async () => {
    const document = new OpenDocument(client, uri.replace('mosquitto.conf', 'typing.conf'), 'listener 1883\nallow_anonymous true\n\n');
    assert.deepEqual(
      (await document.diagnostics()).filter((d) => d.code === 'unknown-directive'),
      [],
    );
    const typed = 'liste';
    for (let i = 0; i < typed.length; i++) {
      document.edit([{ range: { start: { line: 2, character: i }, end: { line: 2, character: i } }, newText: typed[i] }]);
    }
    const whileTyping = await document.diagnostics();
    assert.equal(document.text.split('\n')[2], 'liste');
    assert.deepEqual(
      whileTyping.filter((d) => d.code === 'unknown-directive'),
      [],
    );
    // Other findings are not held back: an unknown name on another line is still reported.
    document.edit([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'x' }]);
    const elsewhere = await document.diagnostics();
    assert.deepEqual(
      elsewhere
        .filter((d) => d.code === 'unknown-directive')
        .map((d) => d.range.start.line)
        .sort(),
      [1, 2],
    );
    // Back at the end of the word: hidden again; a space typed after it brings it back.
    document.edit([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, newText: '' }]);
    document.edit([{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 5 } }, newText: 'e' }]);
    assert.deepEqual(
      (await document.diagnostics()).filter((d) => d.code === 'unknown-directive'),
      [],
    );
    document.edit([{ range: { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } }, newText: ' ' }]);
    const afterSpace = await document.diagnostics();
    assert.deepEqual(
      afterSpace.filter((d) => d.code === 'unknown-directive').map((d) => d.range.start.line),
      [2],
    );
  });

  test('completion: listener options and snippets in a websockets listener', async () => {
    const document = new OpenDocument(client, uri.replace('mosquitto.conf', 'complete.conf'), 'listener 1885\nprotocol websockets\n\n');
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: document.uri }, position: { line: 2, character: 0 } });
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('socket_domain') && labels.includes('certfile'));
    assert.ok(!labels.includes('protocol') && !labels.includes('address'));
    const wss = list.items.find((i) => i.label === 'wss-listener');
    assert.equal(wss?.insertTextFormat, InsertTextFormat.Snippet);
  });

  test('completion: documentation comes with completionItem/resolve (the list carries none)', async () => {
    assert.equal(initialized.capabilities.completionProvider?.resolveProvider, true);
    const document = new OpenDocument(client, uri.replace('mosquitto.conf', 'resolve.conf'), 'listener 1885\nprotocol \n\n');
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: document.uri }, position: { line: 2, character: 0 } });
    const certfile = list.items.find((i) => i.label === 'certfile');
    assert.ok(certfile, 'certfile offered');
    assert.equal(certfile.documentation, undefined);
    const resolved = await client.request<CompletionItem>('completionItem/resolve', certfile);
    const documentation = resolved.documentation as MarkupContent;
    assert.equal(documentation.kind, MarkupKind.Markdown);
    assert.ok(documentation.value.includes('`certfile`'), documentation.value);
    assert.equal(resolved.label, 'certfile');
    // The list's range, once for every item (VS Code takes list-wide defaults).
    assert.deepEqual(list.itemDefaults?.editRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
    assert.equal(certfile.textEdit, undefined);
    assert.equal(resolved.textEdit, undefined);
    // A value's explanation the same way.
    const values = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: document.uri },
      position: { line: 1, character: 9 },
    });
    const mqtt = values.items.find((i) => i.label === 'mqtt');
    assert.ok(mqtt && mqtt.documentation === undefined);
    const mqttResolved = await client.request<CompletionItem>('completionItem/resolve', mqtt);
    assert.ok((mqttResolved.documentation as MarkupContent).value.length > 0);
  });

  test('completion: values after a space, and paths relative to the file', async () => {
    const document = new OpenDocument(client, uri, 'listener 8883\nprotocol \ncafile certs/\n');
    const values = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1, character: 9 },
      context: { triggerKind: 2, triggerCharacter: ' ' },
    });
    assert.deepEqual(
      values.items.map((i) => i.label),
      ['mqtt', 'websockets', 'http_api'],
    );
    const paths = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: document.uri },
      position: { line: 2, character: 13 },
      context: { triggerKind: 2, triggerCharacter: '/' },
    });
    assert.deepEqual(paths.items.map((i: CompletionItem) => i.label).sort(), ['ca.crt', 'server.crt', 'server.key']);
  });

  test('hover: markdown, with the section the line applies to', async () => {
    const text = 'listener 1885\nprotocol websockets\ncertfile /c/server.crt\nkeyfile /c/server.key\n';
    const document = new OpenDocument(client, uri.replace('mosquitto.conf', 'hover.conf'), text);
    const result = await client.request<Hover>('textDocument/hover', { textDocument: { uri: document.uri }, position: positionOf(text, 'certfile', 3) });
    const contents = result.contents as MarkupContent;
    assert.equal(contents.kind, MarkupKind.Markdown);
    assert.ok(contents.value.includes('**Applies to:** listener 1885'));
    assert.deepEqual(result.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } });
  });

  test('codeAction: apply the fix, send the change, the diagnostic is gone', async () => {
    const document = new OpenDocument(
      client,
      uri.replace('mosquitto.conf', 'fix.conf'),
      '# LAN\nlistener 8883\ncertfile /c/server.crt\nallow_anonymous true\n',
    );
    const diagnostics = await document.diagnostics();
    const missingKey = diagnostics.find((d) => d.code === 'tls-certfile-without-keyfile');
    assert.ok(missingKey);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: document.uri },
      range: missingKey.range,
      context: { diagnostics: [missingKey], only: [CodeActionKind.QuickFix] },
    });
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix);
    document.edit(editsFor(fix.edit, document.uri));
    assert.equal(document.text, '# LAN\nlistener 8883\ncertfile /c/server.crt\nkeyfile /c/server.key\nallow_anonymous true\n');
    const after = await document.diagnostics();
    assert.ok(!after.some((d) => d.code === 'tls-certfile-without-keyfile'));
  });

  test('codeAction: the wss listener refactoring, then the listener is valid', async () => {
    const document = new OpenDocument(client, uri.replace('mosquitto.conf', 'wss.conf'), 'allow_anonymous true\n');
    await document.diagnostics();
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: document.uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: [CodeActionKind.Refactor], triggerKind: 1 },
    });
    assert.equal(actions.length, 1);
    document.edit(editsFor(actions[0].edit, document.uri));
    assert.match(document.text, /^listener 8081\nprotocol websockets\ncafile \S+\ncertfile \S+\nkeyfile \S+$/m);
    const after = await document.diagnostics();
    assert.deepEqual(
      after.filter((d) => d.severity === 1),
      [],
    );
  });

  test('executeCommand: where and what the client command inserts', async () => {
    const document = new OpenDocument(client, uri.replace('mosquitto.conf', 'command.conf'), 'port 1883\n');
    const insertion = await client.request<{ position: Position; snippet: string; text: string }>('workspace/executeCommand', {
      command: 'mosquitto.server.wssListenerSnippet',
      arguments: [document.uri, { line: 0, character: 0 }],
    });
    assert.deepEqual(insertion.position, { line: 1, character: 0 });
    assert.ok(insertion.snippet.includes('listener ${1:8081}\nprotocol websockets\n'));
  });

  test('requests for documents the server does not have get a safe default', async () => {
    const missing = uri.replace('mosquitto.conf', 'never-opened.conf');
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: missing }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(
      await client.request('textDocument/codeAction', {
        textDocument: { uri: missing },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [] },
      }),
      [],
    );
  });

  test('shutdown and exit: exit code 0', async () => {
    assert.equal(await client.shutdownAndExit(), 0);
  });
});

suite('protocol: a client without markdown, snippets or CodeAction literals', () => {
  let client: LspClient;
  const uri = 'untitled:plain.conf';

  before(async () => {
    client = await LspClient.start();
    await client.initialize(PLAIN_CAPABILITIES, { settings: SETTINGS });
  });

  after(() => client.dispose());

  test('hover is plaintext', async () => {
    client.openDocument(uri, 'listener 1883\nsocket_domain ipv4\nallow_anonymous true\n');
    const result = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
    const contents = result.contents as MarkupContent;
    assert.equal(contents.kind, MarkupKind.PlainText);
    assert.ok(contents.value.includes('Applies to: listener 1883'));
    assert.ok(!contents.value.includes('**'));
  });

  test('snippet items are plain text', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } });
    const wss = list.items.find((i) => i.label === 'wss-listener');
    assert.ok(wss?.textEdit && 'range' in wss.textEdit);
    assert.notEqual(wss.insertTextFormat, InsertTextFormat.Snippet);
    assert.ok(!wss.textEdit.newText.includes('${'));
  });

  test('a client that does not resolve documentation gets it in the list, as plain text', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } });
    const certfile = list.items.find((i) => i.label === 'certfile');
    const documentation = certfile?.documentation as MarkupContent | undefined;
    assert.equal(documentation?.kind, MarkupKind.PlainText);
    assert.ok(documentation.value.includes('certfile'), documentation.value);
    assert.equal(certfile?.data, undefined);
  });

  test('code actions come as commands; executing one makes the server apply the edit', async () => {
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    client.changeDocument(uri, 2, [{ range: { start: { line: 2, character: 16 }, end: { line: 2, character: 20 } }, text: 'yes' }]);
    const diagnostics = (await client.waitForDiagnostics(uri, (p) => p.version === 2)).diagnostics;
    const invalid = diagnostics.find((d) => d.code === 'invalid-boolean');
    assert.ok(invalid);
    const commands = await client.request<Command[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: invalid.range,
      context: { diagnostics: [invalid] },
    });
    const fix = commands.find((c) => c.title === "Change to 'true'");
    assert.ok(fix && fix.command === 'mosquitto.server.applyEdit');
    await client.request('workspace/executeCommand', { command: fix.command, arguments: fix.arguments });
    const { edit } = await client.waitForRequest<{ edit: WorkspaceEdit }>('workspace/applyEdit');
    assert.deepEqual(editsFor(edit, uri), [{ range: invalid.range, newText: 'true' }]);
  });

  test('shutdown and exit: exit code 0', async () => {
    assert.equal(await client.shutdownAndExit(), 0);
  });
});
