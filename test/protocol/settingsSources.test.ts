/**
 * Where the server takes its settings from: `.mosquitto-lint.json` under editor settings, and
 * for clients without workspace/configuration the initialization options and
 * didChangeConfiguration pushes; the log says which it used.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, suite, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient, PLAIN_CAPABILITIES, VS_CODE_CAPABILITIES } from './lspClient';

const work = mkdtempSync(path.join(tmpdir(), 'mosquitto-settings-'));
after(() => rmSync(work, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const full = path.join(work, name);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
  return pathToFileURL(full).href;
}

interface LogMessage {
  type: number;
  message: string;
}

async function withServer(
  options: { capabilities: typeof PLAIN_CAPABILITIES; init?: unknown; settings?: unknown },
  run: (client: LspClient) => Promise<void>,
): Promise<void> {
  const client = await LspClient.start({ settings: options.settings });
  try {
    await client.initialize(options.capabilities, { diagnosticsDelay: 0, ...(options.init as object) });
    await run(client);
    assert.equal(await client.shutdownAndExit(), 0);
  } finally {
    client.dispose();
  }
}

file('project/.mosquitto-lint.json', JSON.stringify({ brokerVersion: '2.0', rules: { 'anonymous-refused': 'error' }, ignore: ['legacy/*.conf'] }));
const MAIN = file('project/nested/mosquitto.conf', 'listener 1883\n');
const LEGACY = file('project/legacy/old.conf', 'xyzzy 1\n');

const severityOf = async (client: LspClient, uri: string, text: string, code: string): Promise<number | undefined> => {
  client.openDocument(uri, text);
  const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
  return published.diagnostics.find((d) => d.code === code)?.severity;
};

suite('server: settings sources', () => {
  test('.mosquitto-lint.json applies when the editor sets nothing (found from the folder upward)', async () => {
    await withServer({ capabilities: PLAIN_CAPABILITIES }, async (client) => {
      assert.equal(await severityOf(client, MAIN, 'listener 1883\n', 'anonymous-refused'), 1);
    });
  });

  test('editor settings override the file (initializationOptions, per rule)', async () => {
    await withServer({ capabilities: PLAIN_CAPABILITIES, init: { settings: { rules: { 'anonymous-refused': 'hint' } } } }, async (client) => {
      assert.equal(await severityOf(client, MAIN, 'listener 1883\n', 'anonymous-refused'), 4);
      const log = await client.waitForNotification<LogMessage>('window/logMessage', (m) => m.message.startsWith('Settings:'));
      assert.match(log.message, /^Settings: from initializationOptions\.settings/);
    });
  });

  test('workspace/configuration answers override the file too, and the log says so', async () => {
    await withServer({ capabilities: VS_CODE_CAPABILITIES, settings: { rules: { 'anonymous-refused': 'information' } } }, async (client) => {
      const log = await client.waitForNotification<LogMessage>('window/logMessage', (m) => m.message.startsWith('Settings:'));
      assert.equal(log.message, 'Settings: from workspace/configuration.');
      client.openDocument(MAIN, 'listener 1883\n');
      const published = await client.waitForDiagnostics(MAIN, (p) => p.diagnostics.some((d) => d.code === 'anonymous-refused' && d.severity === 3));
      assert.ok(published);
    });
  });

  test('a didChangeConfiguration push replaces the settings of a client without workspace/configuration', async () => {
    await withServer({ capabilities: PLAIN_CAPABILITIES }, async (client) => {
      assert.equal(await severityOf(client, MAIN, 'listener 1883\n', 'anonymous-refused'), 1);
      client.notify('workspace/didChangeConfiguration', { settings: { mosquitto: { rules: { 'anonymous-refused': 'off' } } } });
      await client.waitForDiagnostics(MAIN, (p) => !p.diagnostics.some((d) => d.code === 'anonymous-refused'));
      const log = await client.waitForNotification<LogMessage>('window/logMessage', (m) => m.message.includes('didChangeConfiguration push'));
      assert.ok(log);
    });
  });

  test("files the file's ignore patterns name get no diagnostics", async () => {
    await withServer({ capabilities: PLAIN_CAPABILITIES }, async (client) => {
      client.openDocument(LEGACY, 'xyzzy 1\n');
      const published = await client.waitForDiagnostics(LEGACY);
      assert.deepEqual(published.diagnostics, []);
    });
  });
});
