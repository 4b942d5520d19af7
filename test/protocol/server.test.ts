import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, suite, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';
import { realBroker, realBrokerProblem } from '../realBroker';

const folder = mkdtempSync(join(tmpdir(), 'mosquitto-server-test-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const full = join(folder, name);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  return pathToFileURL(full).toString();
}

/** An executable stand-in for the broker: `script` in `folder` under `name`. */
function standIn(name: string, script: string): string {
  const executable = join(folder, name);
  writeFileSync(executable, script);
  chmodSync(executable, 0o755);
  return executable;
}

/** A stand-in mosquitto 2.1: `-h` gives the version, `--test-config` refuses lines starting with "bogus". */
function fakeBroker(): string {
  return standIn(
    'fake-mosquitto',
    `#!/usr/bin/env node
const fs = require('fs');
const args = process.argv.slice(2);
if (args[0] === '-h') { console.log('mosquitto version 2.1.2'); process.exit(3); }
const file = args[args.indexOf('-c') + 1];
const lines = fs.readFileSync(file, 'utf8').split('\\n');
for (let i = 0; i < lines.length; i++) if (lines[i].startsWith('bogus')) { console.error('Error: Unknown configuration variable "bogus".'); console.error('Error found at ' + file + ':' + (i + 1) + '.'); process.exit(3); }
console.log('Configuration file is OK.');
`,
  );
}

/** Resolves with `path` once a file appears there (watching its folder, no polling). */
function waitForFile(path: string): Promise<string> {
  return new Promise((resolve) => {
    const watcher = watch(dirname(path), () => {
      if (existsSync(path)) {
        watcher.close();
        resolve(path);
      }
    });
    if (existsSync(path)) {
      watcher.close();
      resolve(path);
    }
  });
}

async function withServer(initializationOptions: unknown, settings: unknown, run: (client: LspClient) => Promise<void>): Promise<void> {
  const client = await LspClient.start({ settings });
  try {
    await client.initialize(undefined, initializationOptions);
    await run(client);
    assert.equal(await client.shutdownAndExit(), 0);
  } finally {
    client.dispose();
  }
}

suite('server: behaviour beyond single features', () => {
  test('a byte order mark the editor hides is still reported (read from the file on disk)', async () => {
    const uri = file('bom/mosquitto.conf', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('listener 1883\nallow_anonymous true\n')]));
    await withServer({ diagnosticsDelay: 0 }, { checkPaths: false }, async (client) => {
      client.openDocument(uri, 'listener 1883\nallow_anonymous true\n');
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.deepEqual(
        published.diagnostics.map((d) => d.code),
        ['byte-order-mark'],
      );
    });
  });

  test('a conf.d file is analysed with the mosquitto.conf that includes it', async () => {
    file('layout/mosquitto.conf', 'listener 1883\nallow_anonymous true\ninclude_dir conf.d\n');
    const uri = file('layout/conf.d/extra.conf', 'listener 1883\n');
    await withServer({ diagnosticsDelay: 0 }, { checkPaths: false, brokerVersion: '2.0.11' }, async (client) => {
      client.openDocument(uri, 'listener 1883\n');
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'duplicate-listener'));
      assert.equal(published.diagnostics.find((d) => d.code === 'duplicate-listener')?.range.start.line, 0);
    });
  });

  test('main file and an included conf.d file both open: an edit to the included file refreshes both', async () => {
    const main = 'listener 1883\nallow_anonymous true\ninclude_dir conf.d\n';
    const mainUri = file('stale/mosquitto.conf', main);
    const broken = 'log_type\tall\n';
    const includedUri = file('stale/conf.d/extra.conf', broken);
    await withServer({ diagnosticsDelay: 0 }, { checkPaths: false }, async (client) => {
      client.openDocument(mainUri, main);
      client.openDocument(includedUri, broken);
      await client.waitForDiagnostics(includedUri, (p) => p.diagnostics.some((d) => d.code === 'tab-separator'));
      await client.waitForDiagnostics(mainUri, (p) => p.diagnostics.some((d) => d.code === 'included-file-errors' && d.range.start.line === 2));
      // Fix the tab in the included file (and save it): both files lose their errors.
      client.changeDocument(includedUri, 2, [{ text: 'log_type all\n' }]);
      writeFileSync(join(folder, 'stale/conf.d/extra.conf'), 'log_type all\n');
      client.saveDocument(includedUri);
      await client.waitForDiagnostics(includedUri, (p) => p.version === 2 && !p.diagnostics.some((d) => d.code === 'tab-separator'));
      await client.waitForDiagnostics(mainUri, (p) => !p.diagnostics.some((d) => d.code === 'included-file-errors'));
    });
  });

  test('check with broker: refused in an untrusted workspace, without running anything', async () => {
    const uri = file('untrusted/mosquitto.conf', 'listener 1883\n');
    await withServer({ trusted: false }, { brokerPath: fakeBroker() }, async (client) => {
      client.openDocument(uri, 'listener 1883\n');
      const result = await client.request<{ status: string }>('mosquitto/checkWithBroker', { uri });
      assert.equal(result.status, 'failed');
    });
  });

  test(
    'check with broker against the real mosquitto 2.1.2: its finding on its line with its own source, cleared by the next edit; the file on disk untouched',
    { skip: realBrokerProblem() ?? undefined },
    async () => {
      const broker = realBroker();
      try {
        const text = 'listener 1883\nallow_anonymous true\npersistence true\nbogus 1\n';
        const uri = file('real-broker/mosquitto.conf', text);
        const onDisk = join(folder, 'real-broker');
        const before = readdirSync(onDisk).map((name) => `${name} ${statSync(join(onDisk, name)).mtimeMs}`);
        await withServer(
          { trusted: true, diagnosticsDelay: 0 },
          { brokerPath: broker.executable, checkPaths: false, rules: { 'unknown-directive': 'off' } },
          async (client) => {
            client.openDocument(uri, text);
            await client.waitForDiagnostics(uri);
            const result = await client.request<{ status: string }>('mosquitto/checkWithBroker', { uri });
            assert.equal(result.status, 'errors');
            const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.source === 'mosquitto (broker)'));
            assert.deepEqual(
              published.diagnostics.filter((d) => d.source === 'mosquitto (broker)').map((d) => d.range.start.line),
              [3],
            );
            // The next edit clears the broker's findings (they describe the text it was given).
            client.changeDocument(uri, 2, [{ text: 'listener 1883\nallow_anonymous true\n' }]);
            await client.waitForDiagnostics(uri, (p) => p.version === 2 && !p.diagnostics.some((d) => d.source === 'mosquitto (broker)'));
          },
        );
        assert.equal(readFileSync(join(onDisk, 'mosquitto.conf'), 'utf8'), text);
        assert.deepEqual(
          readdirSync(onDisk).map((name) => `${name} ${statSync(join(onDisk, name)).mtimeMs}`),
          before,
          'nothing written next to the live file',
        );
      } finally {
        broker.dispose();
      }
    },
  );

  test('check with broker does not block the server, and an edit cancels it', async () => {
    // `--test-config` of this stand-in takes 20 s: far longer than the test waits.
    const slow = standIn(
      'slow-mosquitto',
      `#!/usr/bin/env node
if (process.argv[2] === '-h') { console.log('mosquitto version 2.1.2'); process.exit(3); }
setTimeout(() => console.log('Configuration file is OK.'), 20000);
`,
    );
    const text = 'listener 1883\nallow_anonymous true\n';
    const uri = file('slow/mosquitto.conf', text);
    await withServer({ trusted: true, diagnosticsDelay: 0 }, { brokerPath: slow, checkPaths: false }, async (client) => {
      client.openDocument(uri, text);
      await client.waitForDiagnostics(uri);
      const check = client.request<{ status: string }>('mosquitto/checkWithBroker', { uri });
      const started = Date.now();
      const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
      assert.ok(hover !== null, 'hover answers while the broker runs');
      client.changeDocument(uri, 2, [{ text: 'listener 1884\nallow_anonymous true\n' }]);
      assert.equal((await check).status, 'cancelled');
      assert.ok(Date.now() - started < 15000, 'the edit stopped the broker run');
    });
  });

  test('asking the installed broker for its version does not block the server (brokerPath changed to a broker that answers late)', async () => {
    const text = 'listener 1883\nallow_anonymous true\nglobal_plugin /x.so\n';
    const uri = file('late/mosquitto.conf', text);
    const current = standIn('current-mosquitto', '#!/bin/sh\necho "mosquitto version 2.1.2"\n');
    // The late stand-in notes its pid, then answers `-h` with whatever the test writes into a FIFO.
    const fifo = join(folder, 'late-answer');
    const started = join(folder, 'late-started');
    execFileSync('mkfifo', [fifo]);
    const late = standIn('late-mosquitto', `#!/bin/sh\necho $$ > '${started}.tmp' && mv '${started}.tmp' '${started}'\ncat '${fifo}'\n`);
    const settings = { brokerPath: current, checkPaths: false };
    await withServer({ trusted: true, diagnosticsDelay: 0, settings }, settings, async (client) => {
      client.openDocument(uri, text);
      const first = await client.waitForDiagnostics(uri);
      assert.ok(!first.diagnostics.some((d) => d.code === 'unavailable-in-version'), 'global_plugin exists in 2.1.2');
      const running = waitForFile(started);
      client.settings = { brokerPath: late, checkPaths: false };
      client.notify('workspace/didChangeConfiguration', { settings: null });
      const pid = Number(readFileSync(await running, 'utf8'));
      const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
      assert.ok(hover !== null, 'hover answered');
      assert.doesNotThrow(() => process.kill(pid, 0), 'the broker was still being asked when the hover came back');
      await writeFile(fifo, 'mosquitto version 2.0.11\n');
      const after = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unavailable-in-version'));
      assert.equal(after.diagnostics.find((d) => d.code === 'unavailable-in-version')?.range.start.line, 2, 'now checked against 2.0.11');
    });
  });

  test('brokerVersion auto in a trusted workspace follows the installed broker', async () => {
    const text = 'listener 1883\nallow_anonymous true\nglobal_plugin /x.so\n';
    const uri = file('auto/mosquitto.conf', text);
    const old = standIn('old-mosquitto', '#!/bin/sh\necho "mosquitto version 2.0.11"\n');
    await withServer({ trusted: true, diagnosticsDelay: 0 }, { brokerPath: old, checkPaths: false }, async (client) => {
      client.openDocument(uri, text);
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.ok(
        published.diagnostics.some((d) => d.code === 'unavailable-in-version' && d.range.start.line === 2),
        'global_plugin is 2.1-only',
      );
    });
  });
});
