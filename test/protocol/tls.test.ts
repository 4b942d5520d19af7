// The TLS material checks through the real server: on in trusted workspaces, off in untrusted
// ones (the server never opens certificates there), and nothing the server sends or logs
// carries key material.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, suite, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { tlsDir } from '../unit/tlsMaterial';
import { LspClient } from './lspClient';

const folder = mkdtempSync(join(tmpdir(), 'mosquitto-tls-protocol-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function config(): { uri: string; text: string } {
  const dir = tlsDir();
  const text = `listener 8883\nallow_anonymous true\ncertfile ${dir}/server.pfx\nkeyfile ${dir}/other.key\n\nlistener 8884\ncertfile ${dir}/fullchain.pem\nkeyfile ${dir}/server.key\n`;
  const file = join(folder, 'mosquitto.conf');
  writeFileSync(file, text);
  return { uri: pathToFileURL(file).toString(), text };
}

async function session(trusted: boolean): Promise<{ codes: string[]; hover: string; everything: string }> {
  const { uri, text } = config();
  const client = await LspClient.start({ settings: { checkPaths: true, brokerVersion: '2.0.11' } });
  try {
    await client.initialize(undefined, { trusted, diagnosticsDelay: 0 });
    client.openDocument(uri, text);
    // One publication holds the whole analysis; global-option-in-section is always in it.
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 14 } });
    assert.equal(await client.shutdownAndExit(), 0);
    return {
      codes: published.diagnostics.map((d) => String(d.code)).sort(),
      hover: hover ? (hover.contents as MarkupContent).value : '',
      everything: `${JSON.stringify(client.received)}\n${client.stderr}`,
    };
  } finally {
    client.dispose();
  }
}

suite('server: TLS material', () => {
  test('trusted workspace: the files are inspected, and the hover shows the certificate', async () => {
    const { codes, hover } = await session(true);
    assert.ok(codes.includes('tls-file-format'), codes.join(', '));
    assert.match(hover, /Subject/);
  });
  test('untrusted workspace: the server never opens the certificates (no findings, no certificate hover)', async () => {
    const { codes, hover } = await session(false);
    assert.deepEqual(
      codes.filter((c) => ['tls-file-format', 'tls-key-mismatch', 'tls-chain', 'tls-file-slot'].includes(c)),
      [],
    );
    assert.doesNotMatch(hover, /Subject/);
  });
  test('nothing the server sends or logs carries key material', async () => {
    const { everything } = await session(true);
    const key = readFileSync(join(tlsDir(), 'other.key'), 'utf8')
      .split('\n')
      .filter((l) => /^[A-Za-z0-9+/=]{40,}$/.test(l));
    assert.ok(key.length > 3);
    assert.doesNotMatch(everything, /-----BEGIN|-----END/);
    for (const line of key) {
      assert.ok(!everything.includes(line.slice(0, 24)), 'a line of the key appears in what the server sent or logged');
    }
  });
});
