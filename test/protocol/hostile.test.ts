import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { Diagnostic, Hover } from 'vscode-languageserver-types';
import { LspClient, ResponseError, VS_CODE_CAPABILITIES } from './lspClient';

// The server must survive a hostile or buggy client: it answers every request (with a
// result or a proper error), never crashes, keeps serving, and exits with 0 after
// shutdown + exit. Every wait is on a condition with a deadline, never a fixed sleep.

const SETTINGS = { brokerVersion: '2.1', platform: 'linux', checkPaths: false };
const METHOD_NOT_FOUND = -32601;
const REQUEST_CANCELLED = -32800;
/** Error codes a server may answer malformed requests with (InvalidParams, InternalError, RequestFailed). */
const ACCEPTABLE_ERRORS = new Set([-32602, -32603, -32803, REQUEST_CANCELLED]);

const GOOD_TEXT = 'listener 1883\nallow_anonymous true\n';

/** Every request kind the server offers, with params for a document `uri`. */
function requestKinds(uri: string): { method: string; params: unknown }[] {
  const textDocument = { uri };
  const position = { line: 0, character: 3 };
  const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
  return [
    { method: 'textDocument/completion', params: { textDocument, position } },
    { method: 'textDocument/hover', params: { textDocument, position } },
    { method: 'textDocument/codeAction', params: { textDocument, range, context: { diagnostics: [] } } },
    { method: 'textDocument/documentSymbol', params: { textDocument } },
    { method: 'textDocument/foldingRange', params: { textDocument } },
    { method: 'textDocument/documentLink', params: { textDocument } },
    { method: 'textDocument/definition', params: { textDocument, position } },
    { method: 'textDocument/formatting', params: { textDocument, options: { tabSize: 2, insertSpaces: true } } },
    { method: 'textDocument/rangeFormatting', params: { textDocument, range, options: { tabSize: 2, insertSpaces: true } } },
    { method: 'workspace/executeCommand', params: { command: 'mosquitto.server.wssListenerSnippet', arguments: [uri, position] } },
  ];
}

/** Sends a request and returns its result or its error, whichever comes (the call itself must answer). */
async function answer(client: LspClient, method: string, params: unknown): Promise<{ result?: unknown; error?: ResponseError }> {
  try {
    return { result: await client.request(method, params) };
  } catch (error) {
    if (error instanceof ResponseError) {
      return { error };
    }
    throw error;
  }
}

/** The server still answers an ordinary request on an open, valid document. */
async function assertServing(client: LspClient, uri: string): Promise<void> {
  const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
  assert.ok(result && typeof result === 'object' && 'contents' in result, 'hover on an open document answers with contents');
}

function rangeInside(d: Diagnostic, text: string): boolean {
  const lines = text.split('\n').map((l) => l.replace(/\r+$/, ''));
  return [d.range.start, d.range.end].every((p) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length);
}

suite('protocol: a hostile client', () => {
  let client: LspClient;
  let initialized: InitializeResult;
  let folder: string;
  let goodUri: string;
  const uriOf = (name: string): string => pathToFileURL(join(folder, name)).toString();

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'mosquitto-hostile-'));
    client = await LspClient.start({ settings: SETTINGS });
    initialized = await client.initialize(VS_CODE_CAPABILITIES);
    await client.waitForRequest('workspace/configuration');
    goodUri = uriOf('good.conf');
    client.openDocument(goodUri, GOOD_TEXT);
    await client.waitForDiagnostics(goodUri, (p) => p.version === 1);
  });

  after(() => {
    client.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  test('the server offers the request kinds this suite attacks', () => {
    const c = initialized.capabilities;
    assert.ok(c.completionProvider && c.hoverProvider && c.codeActionProvider && c.documentSymbolProvider && c.foldingRangeProvider);
    assert.ok(c.documentLinkProvider && c.definitionProvider && c.documentFormattingProvider && c.documentRangeFormattingProvider && c.executeCommandProvider);
  });

  test('unknown request methods: MethodNotFound, and the server keeps serving', async () => {
    for (const method of ['mosquitto/doesNotExist', 'textDocument/unknownFeature', 'workspace/nothing', 'x']) {
      const { error } = await answer(client, method, { anything: [1, 2, 3] });
      assert.ok(error, `${method} must be answered with an error`);
      assert.equal(error.code, METHOD_NOT_FOUND, `${method}: ${error.message}`);
    }
    // Unknown notifications are ignored (no answer is allowed for notifications).
    client.notify('mosquitto/unknownNotification', { x: 1 });
    client.notify('$/unknownProtocolNotification', null);
    await assertServing(client, goodUri);
  });

  test('malformed params: an error or an empty answer, never a crash', async () => {
    for (const { method } of requestKinds(goodUri)) {
      for (const params of [undefined, null, {}, { textDocument: {} }, { textDocument: { uri: 42 }, position: 'here' }]) {
        const { error } = await answer(client, method, params);
        if (error) {
          assert.ok(ACCEPTABLE_ERRORS.has(error.code), `${method} with ${JSON.stringify(params)}: unexpected error ${error.code} ${error.message}`);
        }
      }
    }
    await assertServing(client, goodUri);
  });

  test('requests for a document that was never opened: empty answers', async () => {
    const never = uriOf('never-opened.conf');
    for (const { method, params } of requestKinds(never)) {
      const { result, error } = await answer(client, method, params);
      assert.equal(error, undefined, `${method}: ${error?.message ?? ''}`);
      assert.ok(
        result === null ||
          (Array.isArray(result) && result.length === 0) ||
          (typeof result === 'object' && result !== null && 'items' in result && (result as { items: unknown[] }).items.length === 0),
        `${method} on an unopened document: ${JSON.stringify(result)}`,
      );
    }
    // Notifications about it are ignored.
    client.changeDocument(never, 2, [{ text: 'listener 1' }]);
    client.closeDocument(never);
    client.notify('textDocument/didSave', { textDocument: { uri: never } });
    await assertServing(client, goodUri);
  });

  test('requests for a closed document: empty answers, and its diagnostics are cleared', async () => {
    const uri = uriOf('closed.conf');
    client.openDocument(uri, 'bogus_directive 1\n');
    const opened = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.ok(opened.diagnostics.length > 0);
    const before = client.notifications<PublishDiagnosticsParams>('textDocument/publishDiagnostics').length;
    client.closeDocument(uri);
    await client.waitForNotification<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uri && p.diagnostics.length === 0 && client.notifications('textDocument/publishDiagnostics').indexOf(p) >= before,
    );
    for (const { method, params } of requestKinds(uri)) {
      const { result, error } = await answer(client, method, params);
      assert.equal(error, undefined, `${method}: ${error?.message ?? ''}`);
      assert.ok(
        result === null || (Array.isArray(result) && result.length === 0) || (typeof result === 'object' && result !== null && 'items' in result),
        `${method} on a closed document: ${JSON.stringify(result)}`,
      );
    }
    await assertServing(client, goodUri);
  });

  test('positions and ranges out of bounds: answers, never errors', async () => {
    const uri = uriOf('bounds.conf');
    const text = 'listener 1883\nprotocol websockets\ncertfile /x.crt\n';
    client.openDocument(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const far = [
      { line: 3, character: 0 },
      { line: 2, character: 500 },
      { line: 10_000, character: 10_000 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
      { line: 0, character: 2 ** 31 - 1 },
    ];
    for (const position of far) {
      for (const method of ['textDocument/completion', 'textDocument/hover', 'textDocument/definition']) {
        const { error } = await answer(client, method, { textDocument: { uri }, position });
        assert.equal(error, undefined, `${method} at ${JSON.stringify(position)}: ${error?.message ?? ''}`);
      }
      const ranges = [
        { start: position, end: position },
        { start: { line: 0, character: 0 }, end: position },
        { start: position, end: { line: 0, character: 0 } },
      ];
      for (const range of ranges) {
        for (const [method, extra] of [
          ['textDocument/codeAction', { context: { diagnostics: [{ range, message: 'x', code: 'unknown-directive' }] } }],
          ['textDocument/rangeFormatting', { options: { tabSize: 4, insertSpaces: true } }],
        ] as const) {
          const { error } = await answer(client, method, { textDocument: { uri }, range, ...extra });
          assert.equal(error, undefined, `${method} on ${JSON.stringify(range)}: ${error?.message ?? ''}`);
        }
      }
    }
    // A change whose range lies past the end of the document is clamped, not fatal.
    client.changeDocument(uri, 2, [{ range: { start: { line: 500, character: 0 }, end: { line: 900, character: 9 } }, text: 'bogus_directive 1\n' }]);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    const expected = TextDocument.update(
      TextDocument.create(uri, 'mosquitto-conf', 1, text),
      [{ range: { start: { line: 500, character: 0 }, end: { line: 900, character: 9 } }, text: 'bogus_directive 1\n' }],
      2,
    ).getText();
    assert.ok(
      published.diagnostics.some((d) => d.code === 'unknown-directive'),
      'the clamped change is analysed',
    );
    assert.ok(
      published.diagnostics.every((d) => rangeInside(d, expected)),
      'every diagnostic lies inside the document',
    );
    await assertServing(client, goodUri);
  });

  test('a storm of 1000 didChange notifications: the diagnostics reflect the final text', { timeout: 60_000 }, async () => {
    const uri = uriOf('storm.conf');
    let document = TextDocument.create(uri, 'mosquitto-conf', 1, 'listener 1883\nallow_anonymous true\n');
    client.openDocument(uri, document.getText());
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    for (let i = 0; i < 1000; i++) {
      const lines = document.lineCount;
      let change;
      if (i % 100 === 99) {
        // Now and then a full replacement of the text.
        change = { text: `listener ${1000 + i}\nallow_anonymous true\n${'max_connections 5\n'.repeat(i % 7)}` };
      } else if (i % 3 === 0) {
        change = {
          range: { start: { line: lines - 1, character: 0 }, end: { line: lines - 1, character: 0 } },
          text: `log_type ${i % 2 === 0 ? 'all' : 'debug'}\n`,
        };
      } else if (i % 3 === 1) {
        change = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#' };
      } else {
        change = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' };
      }
      document = TextDocument.update(document, [change], document.version + 1);
      client.changeDocument(uri, document.version, [change]);
    }
    // The last change adds a line the final diagnostics must show.
    const finalChange = {
      range: { start: { line: document.lineCount - 1, character: 0 }, end: { line: document.lineCount - 1, character: 0 } },
      text: 'storm_final_marker 1\n',
    };
    document = TextDocument.update(document, [finalChange], document.version + 1);
    client.changeDocument(uri, document.version, [finalChange]);
    const finalVersion = document.version;
    const published = await client.waitForDiagnostics(uri, (p) => p.version === finalVersion, 30_000);
    const markerLine = document.getText().split('\n').indexOf('storm_final_marker 1');
    assert.ok(
      published.diagnostics.some((d) => d.code === 'unknown-directive' && d.range.start.line === markerLine),
      'the unknown directive added last is reported on its line',
    );
    assert.ok(published.diagnostics.every((d) => rangeInside(d, document.getText())));
    // Stale versions are never published after the final one.
    const later = client.notifications<PublishDiagnosticsParams>('textDocument/publishDiagnostics').filter((p) => p.uri === uri);
    assert.equal(later[later.length - 1].version, finalVersion);
    // The server's text matches ours: formatting edits are computed on the same text.
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: markerLine, character: 2 } });
    assert.ok(hover === null || typeof hover === 'object');
    await assertServing(client, goodUri);
  });

  test('cancellation of every request kind: each request is still answered, and the server keeps serving', async (t) => {
    const uri = uriOf('cancel.conf');
    const text = `${'listener 1883\nprotocol websockets\ncertfile /x.crt\nkeyfile /x.key\n'.repeat(500)}`;
    client.openDocument(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const kinds = [...requestKinds(uri), { method: 'mosquitto/checkWithBroker', params: { uri: uriOf('never-opened.conf') } }];
    let cancelled = 0;
    for (const { method, params } of kinds) {
      // Cancel right away (usually while the request is still queued) ...
      const first = answerWithCancel(client, method, params);
      // ... and a second request after it has had time to start.
      const second = answerWithCancel(client, method, params, true);
      for (const outcome of await Promise.all([first, second])) {
        if (outcome.error) {
          assert.equal(outcome.error.code, REQUEST_CANCELLED, `${method}: ${outcome.error.message}`);
          cancelled++;
        }
      }
    }
    t.diagnostic(`${cancelled} of ${kinds.length * 2} requests answered with RequestCancelled, the others with their result`);
    // A request cancelled while still queued is answered with RequestCancelled: at least the
    // immediate cancellations must have reached some requests in time.
    assert.ok(cancelled > 0, 'no request was ever cancelled');
    // Cancelling ids that do not exist (or were answered long ago) is harmless.
    client.notify('$/cancelRequest', { id: 999_999 });
    client.notify('$/cancelRequest', { id: 'not-a-request' });
    client.notify('$/cancelRequest', {});
    await assertServing(client, goodUri);
  });

  test('the server is still healthy after all of the above and exits with 0', async () => {
    await assertServing(client, goodUri);
    assert.equal(await client.shutdownAndExit(), 0);
    assert.doesNotMatch(client.stderr, /Unhandled|uncaught|FATAL/i);
  });
});

/**
 * Sends a request and a `$/cancelRequest` for it. With `late`, the cancellation is sent only
 * after the next message from the server, so the request may already be running or done.
 */
async function answerWithCancel(client: LspClient, method: string, params: unknown, late = false): Promise<{ result?: unknown; error?: ResponseError }> {
  // The id the client will give this request (LspClient numbers requests 1, 2, 3, …).
  const id = (client as unknown as { nextId: unknown }).nextId;
  assert.equal(typeof id, 'number', 'LspClient keeps its next request id in nextId');
  const pending = answer(client, method, params);
  if (late) {
    await Promise.race([pending, new Promise((resolve) => setImmediate(resolve))]);
  }
  client.notify('$/cancelRequest', { id });
  return pending;
}

suite('protocol: shutdown while validating', () => {
  test('shutdown right after opening a large document: answered, exit code 0', { timeout: 60_000 }, async () => {
    const client = await LspClient.start({ settings: SETTINGS });
    try {
      await client.initialize(VS_CODE_CAPABILITIES, { diagnosticsDelay: 0 });
      await client.waitForRequest('workspace/configuration');
      // Large enough that validating takes a while, with few diagnostics (each listener differs).
      const big = `allow_anonymous true\n${Array.from({ length: 6_000 }, (_, i) => `listener ${1024 + i}\nprotocol mqtt\nmax_connections 10\n`).join('')}`;
      client.openDocument('file:///tmp/mosquitto-hostile-big.conf', big);
      client.changeDocument('file:///tmp/mosquitto-hostile-big.conf', 2, [{ text: `${big}bogus 1\n` }]);
      assert.equal(await client.shutdownAndExit(30_000), 0);
    } finally {
      client.dispose();
    }
  });

  test('shutdown with a debounced validation pending, then a request after shutdown: InvalidRequest, exit code 0', { timeout: 60_000 }, async () => {
    const client = await LspClient.start({ settings: SETTINGS });
    try {
      await client.initialize(VS_CODE_CAPABILITIES);
      await client.waitForRequest('workspace/configuration');
      const uri = 'file:///tmp/mosquitto-hostile-pending.conf';
      client.openDocument(uri, GOOD_TEXT);
      await client.waitForDiagnostics(uri, (p) => p.version === 1);
      client.changeDocument(uri, 2, [{ text: 'bogus 1\n' }]);
      await client.request('shutdown');
      // The protocol says requests after shutdown fail with InvalidRequest (-32600).
      const { error } = await answer(client, 'textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      assert.equal(error?.code, -32600);
      client.notify('exit');
      assert.equal((await client.waitForExit()).code, 0);
    } finally {
      client.dispose();
    }
  });

  test('exit without shutdown: exit code 1 (as the protocol says), no hang', { timeout: 30_000 }, async () => {
    const client = await LspClient.start({ settings: SETTINGS });
    try {
      await client.initialize(VS_CODE_CAPABILITIES);
      client.notify('exit');
      assert.equal((await client.waitForExit()).code, 1);
    } finally {
      client.dispose();
    }
  });
});
