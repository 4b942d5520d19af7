#!/usr/bin/env node
// `npm run screenshots`: opens the examples in the real VS Code (code-server 4.100.3 =
// VS Code 1.100.3, headless Debian Chromium via playwright-core; the same harness as the
// integration tests) with this extension loaded, and saves PNGs for the README to
// docs/images/:
//   problems.png        mistakes.conf: squiggles in the editor and the Problems panel
//   hover-certfile.png  wss-seed.conf: hover on `certfile` in the wss listener (docs,
//                       "Applies to: listener 1885")
//   completion-wss.png  wss-seed.conf: completion on an empty line of the ws listener,
//                       the `wss-listener` snippet selected with its details
//   outline.png         mosquitto.conf: the Outline view with its sections (listeners, bridge)
//   effective-view.png  wss-seed.conf with its inlay hints (listener summaries), and beside it
//                       "Mosquitto: Show effective configuration"
//
// Needs the extension built (npm run build) and code-server installed once
// (bash scripts/install-code-server.sh). Offline.
//
// The UI is driven like a person would (Quick Open, the command palette, Go to Line, the
// mouse for the hover, Ctrl+Space) and every step waits on a condition in the DOM
// (squiggles, `.monaco-hover`, `.suggest-widget.visible`, outline rows), never on a sleep.
// A step that fails saves what the page showed to the temp folder (kept) and the run
// exits 1; code-server and Chromium are always stopped.
//
// Usage: node scripts/integration/screenshots.mjs [--out DIR] [--only NAME[,NAME…]]
//          [--keep-tmp] [--verbose]
// Environment: MOSQUITTO_SCREENSHOTS_TIMEOUT_MS (whole run, default 300000 = 5 min),
//   MOSQUITTO_CODE_SERVER_DIR, MOSQUITTO_CHROMIUM_PATH.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Harness, HarnessError, REPO_ROOT, findCodeServer, loadPlaywright } from './code-server-harness.mjs';

const SHOTS = ['problems', 'hover-certfile', 'completion-wss', 'outline', 'effective-view'];
const VIEWPORT = { width: 1280, height: 800 };
/** How long one UI condition may take (the first file open also starts the language server). */
const STEP_TIMEOUT_MS = 30_000;

const started = Date.now();
function out(line) {
  const text = line.startsWith('[harness] ') ? line.slice('[harness] '.length) : line;
  process.stdout.write(`[screenshots +${((Date.now() - started) / 1000).toFixed(1)}s] ${text}\n`);
}

function fail(message, code = 2) {
  process.stderr.write(`screenshots: ${message}\n`);
  process.exit(code);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      out: { type: 'string', default: path.join(REPO_ROOT, 'docs', 'images') },
      only: { type: 'string' },
      'keep-tmp': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  fail(error.message);
}
const outDir = path.resolve(options.out);
const wanted = options.only
  ? options.only
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
  : SHOTS;
for (const name of wanted) if (!SHOTS.includes(name)) fail(`unknown screenshot '${name}' (known: ${SHOTS.join(', ')})`);
const timeoutMs = Number(process.env.MOSQUITTO_SCREENSHOTS_TIMEOUT_MS) || 5 * 60_000;

for (const built of ['client/dist/extension.js', 'server/dist/server.js']) {
  if (!fs.existsSync(path.join(REPO_ROOT, built))) fail(`${built} not found: build the extension first (npm run build)`);
}
try {
  findCodeServer();
  await loadPlaywright();
} catch (error) {
  if (!(error instanceof HarnessError)) throw error;
  fail(error.message, 1);
}

const harness = new Harness({ verbose: options.verbose, log: out });
let finishing = false;
let keepTmp = options['keep-tmp'];

async function finish(exitCode, reason) {
  if (finishing) return;
  finishing = true;
  if (reason) out(reason);
  if (exitCode !== 0) {
    harness.printDiagnostics();
    keepTmp = true; // the failure screenshot and the logs are in there
  }
  await harness.stop({ keepTmp }).catch((error) => out(`cleanup error: ${error.message}`));
  out(`finished in ${((Date.now() - started) / 1000).toFixed(1)}s with exit code ${exitCode}`);
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => finish(signal === 'SIGINT' ? 130 : 143, `received ${signal}, stopping`));
}
process.on('uncaughtException', (error) => finish(1, `error: ${error.stack || error}`));
process.on('unhandledRejection', (error) => finish(1, `error: ${error?.stack || error}`));
const overallTimer = setTimeout(() => finish(1, `TIMEOUT: no screenshots within ${timeoutMs / 1000}s (MOSQUITTO_SCREENSHOTS_TIMEOUT_MS)`), timeoutMs);

/** @type {import('playwright-core').Page} */
let page;

// ---------------------------------------------------------------------------------------
// UI helpers: each acts, then waits on a condition.

const QUICK_INPUT = '.quick-input-widget';
const ACTIVE_EDITOR = '.part.editor .editor-group-container.active .monaco-editor';

/** A short bounded pause for rendering to settle; always followed by an explicit condition. */
async function settle(ms = 250) {
  await page.waitForTimeout(ms);
}

async function quickInputOpen() {
  await page.locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

async function quickInputClosed() {
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
}

/** Picks the quick-input row whose text contains `text` (it must be the focused one) and accepts it. */
async function acceptQuickInputRow(text) {
  const row = page.locator(`${QUICK_INPUT} .monaco-list-row.focused`, { hasText: text });
  await row.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await quickInputClosed();
}

/** Runs a command through the command palette (F1), by its label. */
async function runCommand(label) {
  await page.keyboard.press('F1');
  await quickInputOpen();
  await page.keyboard.type(label);
  await acceptQuickInputRow(label);
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits until its editor shows `textInFile`. */
async function openFile(name, textInFile) {
  await page.keyboard.press('Control+P');
  await quickInputOpen();
  await page.keyboard.type(name);
  await acceptQuickInputRow(name);
  await page.locator('.part.editor .editor-group-container.active .tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.locator(`${ACTIVE_EDITOR} .view-lines`, { hasText: textInFile }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  // The language mode in the status bar: our language id is in effect.
  await page.locator('.statusbar-item', { hasText: 'Mosquitto Config' }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

/** Moves the cursor with Go to Line (Ctrl+G) and waits for the status bar to show it. */
async function gotoLine(line, column) {
  await page.keyboard.press('Control+G');
  await quickInputOpen();
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await quickInputClosed();
  await page
    .locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` })
    .first()
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

/**
 * Fails when notification toasts are shown (they would cover the shot, and clearing them
 * through the command palette would close the hover or the suggest widget being shot).
 */
async function clearNotifications() {
  const toasts = page.locator('.notifications-toasts .notification-toast');
  if ((await toasts.count()) === 0) return;
  out(`closing notification(s): ${(await toasts.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).join(' | ')}`);
  await runCommand('Notifications: Clear All Notifications');
  await toasts.first().waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
}

async function box(locator) {
  const result = await locator.boundingBox();
  if (!result) throw new Error(`no bounding box for ${locator}`);
  return result;
}

/** Smallest clip that holds all boxes plus a margin, inside the viewport. */
function clipAround(boxes, margin = 12) {
  const left = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const top = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.min(VIEWPORT.width, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
  const bottom = Math.min(VIEWPORT.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
  return { x: Math.floor(left), y: Math.floor(top), width: Math.ceil(right - left), height: Math.ceil(bottom - top) };
}

async function save(name, clip) {
  const toasts = await page.locator('.notifications-toasts .notification-toast').count();
  if (toasts > 0) throw new Error(`${toasts} notification(s) appeared while setting up the shot`);
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file, clip, animations: 'disabled' });
  const size = fs.statSync(file).size;
  out(`saved ${path.relative(REPO_ROOT, file)} (${(size / 1024).toFixed(0)} KB${clip ? `, ${clip.width}x${clip.height}` : ''})`);
}

// ---------------------------------------------------------------------------------------
// The shots.

async function problemsShot() {
  await openFile('mistakes.conf', 'persistance');
  // our diagnostics: error squiggles in the editor ...
  await page.locator(`${ACTIVE_EDITOR} .squiggly-error`).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await runCommand('Focus on Problems View');
  // ... and our rule ids in the Problems panel
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await panel.locator('.monaco-list-row', { hasText: 'unknown-directive' }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  // select the unknown directive's row (bounded: 9 rows), then go back to the editor on its line
  const selected = panel.locator('.monaco-list-row.focused', { hasText: 'unknown-directive' });
  for (let i = 0; i < 12 && (await selected.count()) === 0; i++) {
    await page.keyboard.press('ArrowDown');
    await settle(100);
  }
  await selected.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await clearNotifications();
  await runCommand('View: Focus Active Editor Group');
  await gotoLine(9, 1);
  await settle();
  await selected.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.locator(`${ACTIVE_EDITOR} .squiggly-error`).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await save('problems');
  await runCommand('View: Hide Panel');
  await panel.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
}

async function hoverShot() {
  await openFile('wss-seed.conf', 'certfile');
  await page.locator(`${ACTIVE_EDITOR} .squiggly-warning`).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  // The hover opens below the line (editor.hover.above false): scroll `listener 1885` (line 12)
  // to the top so the hover has the room below line 19 for all of its text.
  await gotoLine(19, 1);
  const editor = await box(page.locator(ACTIVE_EDITOR).first());
  const lineNumber = (n) => page.locator(`${ACTIVE_EDITOR} .margin-view-overlays .line-numbers`, { hasText: new RegExp(`^${n}$`) });
  for (let i = 0; i < 11 && (await lineNumber(11).count()) > 0; i++) {
    await page.keyboard.press('Control+ArrowDown'); // Scroll Line Down
  }
  await lineNumber(11).waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  await lineNumber(12).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await clearNotifications();
  // line 19: `certfile C:/mosquitto/certs/...` in the listener 1885 (wss) block; hover the word
  // (the only `certfile` token of the file)
  const cursor = await box(page.locator(`${ACTIVE_EDITOR} .cursors-layer .cursor`).first());
  const word = await box(page.locator(`${ACTIVE_EDITOR} .view-line span`, { hasText: /^certfile$/ }).first());
  await page.mouse.move(word.x + word.width / 2, word.y + word.height / 2);
  const hover = page.locator('.monaco-resizable-hover', { hasText: 'Applies to:' }).first();
  await hover.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await hover.getByText('listener 1885').first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  // VS Code caps a hover at 250 px until the user resizes it: drag its bottom edge down
  // until all of the text shows, as a reader would.
  const overflow = () =>
    hover.evaluate((element) => {
      const contents = element.querySelector('.monaco-hover-content');
      const shown = element.getBoundingClientRect().height;
      const needed = Array.from(contents.children).reduce((sum, child) => sum + child.getBoundingClientRect().height, 0);
      return Math.ceil(needed - shown);
    });
  const missing = await overflow();
  if (missing > 0) {
    const sash = hover.locator('.monaco-sash.horizontal:not(.disabled)').last();
    const edge = await box(sash);
    const x = edge.x + edge.width / 2;
    const y = edge.y + edge.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y + missing + 16, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(
      (element) => {
        const contents = element.querySelector('.monaco-hover-content');
        const needed = Array.from(contents.children).reduce((sum, child) => sum + child.getBoundingClientRect().height, 0);
        return element.getBoundingClientRect().height + 2 >= needed;
      },
      await hover.elementHandle(),
      { timeout: STEP_TIMEOUT_MS },
    );
  }
  await settle();
  await hover.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const hoverBox = await box(hover);
  const line = { x: editor.x, y: cursor.y, width: 10, height: cursor.height };
  // from the editor's top left (line 12, `listener 1885`) to the hover's bottom right
  const clip = clipAround([hoverBox, line]);
  clip.width += clip.x - Math.floor(editor.x);
  clip.x = Math.floor(editor.x);
  clip.height += clip.y - Math.floor(editor.y);
  clip.y = Math.floor(editor.y);
  clip.width = Math.min(clip.width, VIEWPORT.width - clip.x);
  await save('hover-certfile', clip);
  // move away and close the hover
  await page.mouse.move(5, VIEWPORT.height - 5);
  await page.keyboard.press('Escape');
  await hover.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
}

async function completionShot() {
  await openFile('wss-seed.conf', 'certfile');
  // an empty line below `protocol websockets` of listener 1884 (line 9)
  await gotoLine(9, 1);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.locator('.statusbar-item', { hasText: 'Ln 10, Col 1' }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await clearNotifications();
  await page.keyboard.type('ws');
  await page.keyboard.press('Control+Space');
  const widget = page.locator(`${ACTIVE_EDITOR} .suggest-widget.visible`);
  await widget.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const wss = widget.locator('.monaco-list-row', { hasText: 'wss-listener' });
  await wss.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  // focus the wss snippet (bounded: the list is short)
  for (let i = 0; i < 12; i++) {
    if ((await widget.locator('.monaco-list-row.focused', { hasText: 'wss-listener' }).count()) > 0) break;
    await page.keyboard.press('ArrowDown');
    await settle(100);
  }
  await widget.locator('.monaco-list-row.focused', { hasText: 'wss-listener' }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  // the details pane (the snippet's description and body): Ctrl+Space again toggles it
  const details = page.locator(`${ACTIVE_EDITOR} .suggest-details-container .suggest-details`, { hasText: 'keyfile' });
  if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
  await details.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await settle();
  await details.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const editor = await box(page.locator(ACTIVE_EDITOR).first());
  const clip = clipAround([await box(widget), await box(details)]);
  clip.width += clip.x - Math.floor(editor.x);
  clip.x = Math.floor(editor.x);
  clip.height += clip.y - Math.floor(editor.y);
  clip.y = Math.floor(editor.y);
  clip.width = Math.min(clip.width, VIEWPORT.width - clip.x);
  await save('completion-wss', clip);
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
  await runCommand('File: Revert File');
}

async function outlineShot() {
  await openFile('mosquitto.conf', 'connection cloud');
  await page.locator(`${ACTIVE_EDITOR} .squiggly-error`).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await runCommand('Explorer: Focus on Outline View');
  const outline = page.locator('.outline-pane');
  await outline.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  // collapse the folder section so the outline gets the side bar's height
  const folders = page.locator('.explorer-viewlet .pane-header[aria-expanded="true"]', {
    has: page.locator('.explorer-folders-view, h3', { hasText: /mosquitto/i }),
  });
  if ((await folders.count()) > 0) {
    await folders.first().click();
    await page.locator('.explorer-folders-view').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
  }
  const row = (text) => outline.locator('.monaco-list-row', { hasText: text }).first();
  for (const section of ['global', 'listener 1883', 'listener 8883', 'listener 8081', 'bridge cloud']) {
    await row(section).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  }
  // open the wss listener and the bridge (their twisties), the other sections stay collapsed
  for (const [section, child] of [
    ['listener 8081', 'protocol'],
    ['bridge cloud', 'remote_username'],
  ]) {
    if ((await row(section).getAttribute('aria-expanded')) !== 'true') await row(section).locator('.monaco-tl-twistie').click();
    await row(child).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  }
  // click the wss listener's certfile: the editor reveals that line, the breadcrumbs name
  // the section, the outline row stays selected
  await row('certfile').click();
  await page.locator('.statusbar-item', { hasText: 'Ln 27, Col 1' }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.locator('.breadcrumbs-control', { hasText: 'listener 8081' }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await outline.locator('.monaco-list-row.selected', { hasText: 'certfile' }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await settle();
  await clearNotifications();
  await row('listener 8081').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await save('outline');
}

async function effectiveViewShot() {
  await openFile('wss-seed.conf', 'certfile');
  // the listener summary hint after `listener 1884` (inlay hints are rendered into the line)
  await page.locator(`${ACTIVE_EDITOR} .view-lines`, { hasText: 'websockets · no TLS' }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await runCommand('Mosquitto: Show effective configuration');
  const groups = page.locator('.part.editor .editor-group-container');
  await groups.nth(1).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page
    .locator('.part.editor .monaco-editor .view-lines', { hasText: '# from wss-seed.conf' })
    .first()
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await settle();
  await clearNotifications();
  await save('effective-view', await box(page.locator('.part.editor').first()));
  await runCommand('View: Close All Editor Groups');
}

const SHOT_FUNCTIONS = {
  'effective-view': effectiveViewShot,
  problems: problemsShot,
  'hover-certfile': hoverShot,
  'completion-wss': completionShot,
  outline: outlineShot,
};

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  // The folder is named `mosquitto` so the extension's file patterns
  // (`**/mosquitto/*.conf`, `**/mosquitto/**/conf.d/*.conf`) apply to every example.
  const workspace = harness.copyWorkspace(path.join(REPO_ROOT, 'examples'), 'mosquitto');
  await harness.startCodeServer({
    workspace,
    userSettings: {
      // The seed is a Windows setup (C:/ paths), as in `npm run lint:examples`; the paths in the
      // examples name files on the broker's machine, not this one: no path checks, so the
      // shots do not depend on the machine that takes them.
      'mosquitto.platform': 'windows',
      'mosquitto.checkPaths': false,
      'mosquitto.brokerVersion': '2.1.2',
      'editor.minimap.enabled': false,
      'editor.cursorBlinking': 'solid',
      'editor.fontSize': 14,
      'workbench.colorTheme': 'Default Dark Modern',
      'workbench.editor.enablePreview': false,
      'window.commandCenter': false,
      'chat.commandCenter.enabled': false,
      'workbench.layoutControl.enabled': false,
      'outline.collapseItems': 'alwaysCollapse',
      'editor.hover.above': false,
      'editor.stickyScroll.enabled': false,
      'breadcrumbs.enabled': true,
    },
  });
  page = await harness.launchBrowser({ viewport: VIEWPORT });
  page.on('crash', () => finish(1, 'the workbench page crashed'));
  // Only the extension under development (the extensions-dir is empty; no disableExtensions,
  // whose "extensions are temporarily disabled" toast would sit on the shots).
  const payload = [['extensionDevelopmentPath', harness.remoteUri(REPO_ROOT)]];
  await page.goto(harness.workbenchUrl(workspace, payload), { waitUntil: 'domcontentloaded', timeout: 180_000 });
  await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 120_000 });
  // the explorer has read the folder
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'wss-seed.conf' }).waitFor({ state: 'visible', timeout: 120_000 });
  out('workbench is up');
  await clearNotifications();

  for (const name of wanted) {
    out(`taking ${name}`);
    try {
      await clearNotifications();
      await SHOT_FUNCTIONS[name]();
    } catch (error) {
      const file = path.join(harness.tmpRoot, `failed-${name}.png`);
      await page.screenshot({ path: file }).catch(() => {});
      throw new Error(`${name}: ${error.message}\n(what the page showed: ${file})`);
    }
  }
  clearTimeout(overallTimer);
  await finish(0, `${wanted.length} screenshot(s) in ${path.relative(REPO_ROOT, outDir) || outDir}`);
}

main().catch((error) => finish(1, error instanceof HarnessError ? `ERROR: ${error.message}` : `error: ${error.stack || error}`));
