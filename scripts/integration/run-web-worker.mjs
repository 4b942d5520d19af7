#!/usr/bin/env node
// The web extension in a real workbench: code-server's web worker extension host loads the
// extension's `browser` entry (client/dist/browserExtension.js), which starts the server in a
// web worker (server/dist/browserServer.js). The extension is moved to that host with the
// user setting `remote.extensionKind: ["web"]`.
//
// Checks, in the editor of a mosquitto.conf with a bad boolean and a missing password file:
// the bad boolean is squiggled as an error, inlay hints appear (the server answers), no
// activation error is logged, and the missing file is not reported (the web has no disk),
// which also shows the desktop host is not the one running.
// Ends with `LAYER_RESULT integration-web <passed> <failed>`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Harness, REPO_ROOT } from './code-server-harness.mjs';

const log = (line) => process.stdout.write(`${line}\n`);
const harness = new Harness({ verbose: false, log });
const source = fs.mkdtempSync(path.join(os.tmpdir(), 'mosquitto-web-'));
fs.writeFileSync(path.join(source, 'mosquitto.conf'), 'listener 1883\nallow_anonymous yes\npassword_file /nonexistent/mosquitto/passwd\n');
let passed = 0;
let failed = 0;
const check = (name, ok, detail) => {
  if (ok) {
    passed++;
    log(`  ✔ ${name}`);
  } else {
    failed++;
    log(`  ✖ ${name}: ${detail}`);
  }
};
const timer = setTimeout(() => {
  log('TIMEOUT: the web worker run did not finish within 5 minutes');
  log(`LAYER_RESULT integration-web ${passed} ${failed + 1}`);
  process.exit(1);
}, 5 * 60_000);
try {
  const workspace = harness.copyWorkspace(source);
  await harness.startCodeServer({ workspace, userSettings: { 'remote.extensionKind': { 'mosquitto-conf.mosquitto-conf': ['web'] } } });
  const page = await harness.launchBrowser();
  const console = [];
  page.on('console', (message) => console.push(message.text()));
  await page.goto(harness.workbenchUrl(workspace, [['extensionDevelopmentPath', harness.remoteUri(REPO_ROOT)]]), {
    waitUntil: 'domcontentloaded',
    timeout: 180_000,
  });
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'mosquitto.conf' }).first();
  await row.waitFor({ timeout: 120_000 });
  await row.click();
  const editor = page.locator('.monaco-editor .view-lines').first();
  await editor.waitFor({ timeout: 60_000 });
  // Wait (bounded) until the server's answers are on screen: a squiggle and the inlay hints.
  await page
    .waitForFunction(
      () => document.querySelectorAll('.squiggly-error').length > 0 && /mqtt/.test(document.querySelector('.monaco-editor .view-lines')?.textContent ?? ''),
      undefined,
      { timeout: 90_000 },
    )
    .catch(() => undefined);
  const errors = await page.locator('.squiggly-error').count();
  const text = await editor.innerText();
  log('web extension (code-server web worker extension host)');
  check(
    'the extension activates in the web worker host',
    !console.some((l) =>
      /Activating extension 'mosquitto-conf\.mosquitto-conf' failed|couldn't create connection to server|connection to server is erroring/.test(l),
    ),
    console.filter((l) => /mosquitto|server/i.test(l)).join(' | '),
  );
  check('inlay hints from the web worker server', /listener\s1883\s.*mqtt/.test(text.split('\n')[0]), JSON.stringify(text));
  check('the bad boolean is an error squiggle, and only it (no disk: the missing password file is not checked)', errors === 1, `${errors} error squiggles`);
} catch (error) {
  check('the workbench run', false, error instanceof Error ? error.message : String(error));
} finally {
  clearTimeout(timer);
  await harness.stop({ keepTmp: false }).catch(() => undefined);
  fs.rmSync(source, { recursive: true, force: true });
}
log(`LAYER_RESULT integration-web ${passed} ${failed}`);
process.exit(failed === 0 ? 0 : 1);
