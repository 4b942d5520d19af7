import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, suite, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocumentLink, InlayHint } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';

/** Waits until the server has asked for the settings; a request after that sees them applied. */
async function settingsRead(client: LspClient): Promise<void> {
  await client.waitForRequest('workspace/configuration');
  await client.request('mosquitto/effectiveConfiguration', { uri: 'file:///nowhere.conf' });
}

const folder = mkdtempSync(join(tmpdir(), 'mosquitto-effective-test-'));
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
    await settingsRead(client);
    await run(client);
    assert.equal(await client.shutdownAndExit(), 0);
  } finally {
    client.dispose();
  }
}

suite('server: rule documentation links', () => {
  test('every diagnostic links to its rule heading in the shipped docs/rules.md', async () => {
    const text = 'listener 1883\nallow_anonymous yes\n  max_connections 3\nlistner 1884\ncertfile /x.crt\n';
    const uri = file('docs/mosquitto.conf', text);
    await withServer({ checkPaths: false }, async (client) => {
      client.openDocument(uri, text);
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length >= 3);
      for (const d of published.diagnostics) {
        const href = d.codeDescription?.href;
        assert.ok(href, `no codeDescription on ${String(d.code)}`);
        const [docsUrl, anchor] = href.split('#');
        assert.equal(anchor, String(d.code));
        const docs = fileURLToPath(docsUrl);
        assert.ok(existsSync(docs), `${docs} exists`);
      }
    });
  });
});

suite('server: mosquitto/effectiveConfiguration', () => {
  test('the view of the open text, with links to the source lines, following edits', async () => {
    const text = 'per_listener_settings true\nlistener 1883\nallow_anonymous true\n';
    const uri = file('view/mosquitto.conf', text);
    await withServer({ checkPaths: false, brokerVersion: '2.0.11' }, async (client) => {
      client.openDocument(uri, text);
      const first = await client.request<{ text: string; links: DocumentLink[] }>('mosquitto/effectiveConfiguration', { uri });
      assert.match(first.text, /^# from mosquitto\.conf:3\nallow_anonymous true$/m);
      const link = first.links.find((l) => l.target?.endsWith('#L3'));
      assert.ok(link, 'a link to line 3');
      assert.equal(first.text.split('\n')[link.range.start.line].slice(link.range.start.character, link.range.end.character), 'mosquitto.conf:3');
      assert.equal(link.target, `${uri}#L3`);

      client.changeDocument(uri, 2, [{ text: `${text}listener 8883\n` }]);
      const second = await client.request<{ text: string }>('mosquitto/effectiveConfiguration', { uri });
      assert.match(second.text, /^# ==== listener 8883: port 8883 on all interfaces ====\n# mqtt · no TLS · anonymous refused$/m);
    });
  });

  test('an unknown document gets a short explanation, not an error', async () => {
    await withServer({}, async (client) => {
      const answer = await client.request<{ text: string; links: unknown[] }>('mosquitto/effectiveConfiguration', { uri: 'file:///nowhere/mosquitto.conf' });
      assert.match(answer.text, /^# Open a mosquitto configuration file/);
      assert.deepEqual(answer.links, []);
    });
  });
});

suite('server: textDocument/inlayHint', () => {
  const text = 'listener 1883\nprotocol websockets\nallow_anonymous true\npersistence false\n';
  const range = { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } };

  test('the server offers inlay hints and answers with listener summary, scope and default hints', async () => {
    const uri = file('hints/mosquitto.conf', text);
    const client = await LspClient.start({ settings: { checkPaths: false, brokerVersion: '2.0.11' } });
    try {
      const init = await client.initialize(undefined, { diagnosticsDelay: 0 });
      assert.ok(init.capabilities.inlayHintProvider);
      await settingsRead(client);
      client.openDocument(uri, text);
      const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
      assert.deepEqual(
        hints.map((h) => `${h.position.line}:${h.position.character} ${String(h.label)}`),
        ['0:13 websockets · no TLS · anonymous allowed', '2:20 → all listeners', '3:17 default'],
      );
      assert.equal(await client.shutdownAndExit(), 0);
    } finally {
      client.dispose();
    }
  });

  test('mosquitto.inlayHints: enabled false switches all off, a kind switches one off', async () => {
    const uri = file('hints-off/mosquitto.conf', text);
    await withServer({ checkPaths: false, brokerVersion: '2.0.11', inlayHints: { enabled: false } }, async (client) => {
      client.openDocument(uri, text);
      assert.deepEqual(await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range }), []);
    });
    await withServer({ checkPaths: false, brokerVersion: '2.0.11', inlayHints: { scope: false, defaults: false } }, async (client) => {
      client.openDocument(uri, text);
      const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
      assert.deepEqual(
        hints.map((h) => h.position.line),
        [0],
      );
    });
  });
});

suite('server: textDocument/semanticTokens/full', () => {
  test('the legend is registered at initialize; tokens type values and mark directives the release refuses or a section does not take', async () => {
    const text = 'mount_point a/\nlistener 1883\nprotocol websockets\nenable_proxy_protocol 2\n';
    const uri = file('tokens/mosquitto.conf', text);
    const client = await LspClient.start({ settings: { checkPaths: false, brokerVersion: '2.0.11' } });
    try {
      const init = await client.initialize(undefined, { diagnosticsDelay: 0 });
      const provider = init.capabilities.semanticTokensProvider;
      assert.ok(provider && provider.full === true);
      const { tokenTypes, tokenModifiers } = provider.legend;
      await settingsRead(client);
      client.openDocument(uri, text);
      const { data } = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
      assert.equal(data.length % 5, 0);
      const lines = text.split('\n');
      const decoded: string[] = [];
      let line = 0;
      let start = 0;
      for (let i = 0; i < data.length; i += 5) {
        line += data[i];
        start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
        const modifiers = tokenModifiers.filter((_, bit) => (data[i + 4] & (1 << bit)) !== 0);
        decoded.push(`${line}:${lines[line].slice(start, start + data[i + 2])} ${[tokenTypes[data[i + 3]], ...modifiers].join('.')}`);
      }
      assert.deepEqual(decoded, [
        '0:mount_point property.deprecated.misplaced',
        '1:1883 number',
        '2:protocol property',
        '2:websockets enumMember',
        '3:enable_proxy_protocol property.deprecated.unavailable',
        '3:2 number',
      ]);
      assert.equal(await client.shutdownAndExit(), 0);
    } finally {
      client.dispose();
    }
  });
});

suite('server: conf.d fragments', () => {
  test('a conf.d file opened without the file that includes it gets no no-listener note', async () => {
    const text = 'allow_anonymous false\npassword_file /etc/mosquitto/passwd\nmax_conections 5\n';
    const uri = file('fragment-only/conf.d/auth.conf', text);
    await withServer({ checkPaths: false, brokerVersion: '2.0.11' }, async (client) => {
      client.openDocument(uri, text);
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unknown-directive'));
      assert.deepEqual(
        published.diagnostics.filter((d) => d.code === 'no-listener'),
        [],
      );
    });
  });
});
