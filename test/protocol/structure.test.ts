import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, suite, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { DocumentLink, DocumentSymbol, FoldingRange, Location, SymbolInformation, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, PLAIN_CAPABILITIES, VS_CODE_CAPABILITIES } from './lspClient';

/** A configuration folder on disk: mosquitto.conf, conf.d/ with two files, a CA file. */
function makeWorkspace(): { dir: string; main: string; uri: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosquitto-structure-'));
  fs.mkdirSync(path.join(dir, 'conf.d'));
  fs.writeFileSync(path.join(dir, 'conf.d', 'b.conf'), 'log_type all\n');
  fs.writeFileSync(path.join(dir, 'conf.d', 'A.conf'), 'log_dest stdout\n');
  fs.writeFileSync(path.join(dir, 'ca.pem'), '');
  const main = path.join(dir, 'mosquitto.conf');
  return { dir, main, uri: pathToFileURL(main).toString() };
}

function text(dir: string): string {
  return [
    '# Broker',
    '# configuration',
    'per_listener_settings false',
    `include_dir ${path.join(dir, 'conf.d')}`,
    'listener   8883',
    `cafile ${path.join(dir, 'ca.pem')}`,
    'certfile /etc/c.pem  ',
    'keyfile /etc/k.pem',
    'connection cloud',
    'address broker.example.com:8883',
    '',
    '',
    '',
    'allow_anonymous false',
    '',
  ].join('\n');
}

function applyEdits(source: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'mosquitto-conf', 1, source), [...edits]);
}

suite('protocol: outline, folding, links, definition, formatting', () => {
  let client: LspClient;
  let workspace: ReturnType<typeof makeWorkspace>;

  before(async () => {
    workspace = makeWorkspace();
    client = await LspClient.start({ settings: { brokerVersion: '2.1.2', platform: 'linux', checkPaths: true } });
  });
  after(() => {
    client.dispose();
    fs.rmSync(workspace.dir, { recursive: true, force: true });
  });

  test('initialize declares the structure capabilities', async () => {
    const result = await client.initialize(VS_CODE_CAPABILITIES);
    const caps = result.capabilities;
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.foldingRangeProvider);
    assert.ok(caps.documentLinkProvider);
    assert.ok(caps.definitionProvider);
    assert.ok(caps.documentFormattingProvider);
    assert.ok(caps.documentRangeFormattingProvider);
    client.openDocument(workspace.uri, text(workspace.dir));
    await client.waitForDiagnostics(workspace.uri, (p) => p.version === 1);
  });

  test('documentSymbol: hierarchical sections with their directives', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: workspace.uri } });
    assert.deepEqual(
      symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]),
      [
        ['listener 8883 (TLS)', ['cafile', 'certfile', 'keyfile']],
        ['bridge cloud → broker.example.com:8883', ['address']],
        ['global', ['per_listener_settings', 'include_dir', 'allow_anonymous']],
      ],
    );
    assert.deepEqual(symbols[0].selectionRange, { start: { line: 4, character: 0 }, end: { line: 4, character: 15 } });
  });

  test('foldingRange: section blocks and comment blocks', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: workspace.uri } });
    assert.deepEqual(
      ranges.map((r) => [r.startLine, r.endLine, r.kind]),
      [
        [0, 1, 'comment'],
        [4, 7, undefined],
        [8, 13, undefined],
      ],
    );
  });

  test('documentLink: absolute paths link to their files', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: workspace.uri } });
    assert.deepEqual(
      links.map((l) => [l.range.start.line, l.target]),
      [
        [3, pathToFileURL(path.join(workspace.dir, 'conf.d')).toString()],
        [5, pathToFileURL(path.join(workspace.dir, 'ca.pem')).toString()],
        [6, 'file:///etc/c.pem'],
        [7, 'file:///etc/k.pem'],
      ],
    );
  });

  test("definition: include_dir → the included files in the broker's order", async () => {
    const locations = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: workspace.uri },
      position: { line: 3, character: 2 },
    });
    assert.deepEqual(
      locations.map((l) => l.uri),
      [pathToFileURL(path.join(workspace.dir, 'conf.d', 'A.conf')).toString(), pathToFileURL(path.join(workspace.dir, 'conf.d', 'b.conf')).toString()],
    );
  });

  test('formatting: one space after the directive, blanks normalised, the rest untouched', async () => {
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri: workspace.uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    const formatted = applyEdits(text(workspace.dir), edits);
    assert.equal(
      formatted,
      [
        '# Broker',
        '# configuration',
        'per_listener_settings false',
        `include_dir ${path.join(workspace.dir, 'conf.d')}`,
        '',
        'listener 8883',
        `cafile ${path.join(workspace.dir, 'ca.pem')}`,
        'certfile /etc/c.pem',
        'keyfile /etc/k.pem',
        '',
        'connection cloud',
        'address broker.example.com:8883',
        '',
        '',
        'allow_anonymous false',
        '',
      ].join('\n'),
    );
  });

  test('rangeFormatting: only the lines of the range', async () => {
    const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri: workspace.uri },
      range: { start: { line: 6, character: 0 }, end: { line: 7, character: 0 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.deepEqual(edits, [{ range: { start: { line: 6, character: 19 }, end: { line: 6, character: 21 } }, newText: '' }]);
  });

  test('after an edit, the outline follows the new text', async () => {
    client.changeDocument(workspace.uri, 2, [
      { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 15 } }, text: 'listener 9001\nprotocol websockets' },
    ]);
    await client.waitForDiagnostics(workspace.uri, (p) => p.version === 2);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: workspace.uri } });
    assert.equal(symbols[0].name, 'listener 9001 (websockets, TLS)');
  });

  test('requests for unknown documents answer with empty results', async () => {
    const uri = 'file:///not/open.conf';
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), []);
  });

  test('shutdown and exit with code 0', async () => {
    assert.equal(await client.shutdownAndExit(), 0);
  });
});

suite('protocol: a client without hierarchical symbols', () => {
  test('documentSymbol answers flat SymbolInformation with container names', async () => {
    const client = await LspClient.start();
    try {
      await client.initialize(PLAIN_CAPABILITIES);
      const uri = 'untitled:Untitled-1';
      client.openDocument(uri, 'log_type all\nlistener 1883\nmax_connections 5\n');
      const symbols = await client.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(
        symbols.map((s) => [s.name, s.containerName, s.location.uri]),
        [
          ['global', undefined, uri],
          ['log_type', 'global', uri],
          ['listener 1883', undefined, uri],
          ['max_connections', 'listener 1883', uri],
        ],
      );
      assert.equal(await client.shutdownAndExit(), 0);
    } finally {
      client.dispose();
    }
  });
});
