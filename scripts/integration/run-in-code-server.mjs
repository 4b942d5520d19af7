#!/usr/bin/env node
// `npm run test:integration`: runs the extension's integration suite (mocha, TDD UI)
// inside the real VS Code extension host of code-server, driven by Debian's Chromium.
// Offline: needs `bash scripts/install-code-server.sh` once (cached outside the repo).
//
// One run = one code-server + one Chromium + one workspace folder: a temp copy of
// test/integration/fixtures/, where each suite owns a subfolder (fixtures/<suite>/).
// Starting VS Code costs tens of seconds on a 2-core machine, so one start for all
// suites keeps the run short; the copy lets tests edit and save files freely.
//
// Usage: node scripts/integration/run-in-code-server.mjs [options]
//   --extension-development-path DIR   extension under test (default: repo root)
//   --extension-tests-path FILE        compiled mocha entry (default: out/test/integration/index.js)
//   --workspace DIR                    fixture folder to copy and open (default: test/integration/fixtures)
//   --grep REGEXP                      only run matching tests (MOSQUITTO_INTEGRATION_GREP)
//   --keep-tmp                         keep the temp folder (profiles, logs, workspace copy)
//   --verbose                          also stream code-server output and the browser console
// Environment: MOSQUITTO_INTEGRATION_TIMEOUT_MS (whole run, default 480000 = 8 min),
//   MOSQUITTO_CODE_SERVER_DIR, MOSQUITTO_CHROMIUM_PATH, MOSQUITTO_INTEGRATION_VERBOSE=1.
//
// Ends with `LAYER_RESULT integration <passed> <failed>` and exits with the tests' exit code
// (non-zero on any failure, timeout or harness error).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Harness, HarnessError, REPO_ROOT, findCodeServer, loadPlaywright } from './code-server-harness.mjs';

const LAYER = 'integration';

const started = Date.now();

function out(line) {
  // harness lines carry the elapsed time, to see where a slow run spends it
  const text = line.startsWith('[harness] ') ? `[harness +${((Date.now() - started) / 1000).toFixed(1)}s] ${line.slice('[harness] '.length)}` : line;
  process.stdout.write(`${text}\n`);
}

// Workbench chatter that reaches codeAutomationLog on every run; shown with --verbose only.
const NOISE = [
  /^Resolving connection token/,
  /^Resolved connection token/,
  /^Creating a socket/,
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^ChatSessionStore:/,
  /^\[Service Worker\]/,
];

function usageError(message) {
  process.stderr.write(`run-in-code-server: ${message}\n`);
  out(`LAYER_RESULT ${LAYER} 0 1`);
  process.exit(2);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      'extension-development-path': { type: 'string', default: REPO_ROOT },
      'extension-tests-path': { type: 'string', default: path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js') },
      workspace: { type: 'string', default: path.join(REPO_ROOT, 'test', 'integration', 'fixtures') },
      grep: { type: 'string' },
      'keep-tmp': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: process.env.MOSQUITTO_INTEGRATION_VERBOSE === '1' },
    },
  }));
} catch (error) {
  usageError(error.message);
}

const extensionDevelopmentPath = path.resolve(options['extension-development-path']);
const extensionTestsPath = path.resolve(options['extension-tests-path']);
const workspaceSource = path.resolve(options.workspace);
const timeoutMs = Number(process.env.MOSQUITTO_INTEGRATION_TIMEOUT_MS) || 8 * 60_000;

if (!fs.existsSync(path.join(extensionDevelopmentPath, 'package.json'))) {
  usageError(`no package.json in extension development path ${extensionDevelopmentPath}`);
}
if (!fs.existsSync(extensionTestsPath)) {
  usageError(`compiled test entry ${extensionTestsPath} not found; build first (npm run build)`);
}
if (!fs.existsSync(workspaceSource)) usageError(`workspace folder ${workspaceSource} not found`);
try {
  findCodeServer();
  await loadPlaywright();
} catch (error) {
  if (!(error instanceof HarnessError)) throw error;
  process.stderr.write(`run-in-code-server: ${error.message}\n`);
  out(`LAYER_RESULT ${LAYER} 0 1`);
  process.exit(1);
}

const harness = new Harness({ verbose: options.verbose, log: out });
let mochaResult; // { passed, failed, pending } from the MOCHA_RESULT line
let passesSeen = 0; // '✔' lines of mocha's spec reporter, for runs that never finish
let finishing = false;

async function finish(exitCode, reason) {
  if (finishing) return;
  finishing = true;
  if (reason) out(`[harness] ${reason}`);
  if (exitCode !== 0) harness.printDiagnostics();
  await harness.stop({ keepTmp: options['keep-tmp'] }).catch((error) => out(`[harness] cleanup error: ${error.message}`));
  // Without mocha's count (crash, timeout, harness error): the tests seen passing so far,
  // and the run itself as one failure.
  let passed = mochaResult?.passed ?? passesSeen;
  let failed = mochaResult?.failed ?? 0;
  if (exitCode !== 0 && failed === 0) failed = 1;
  if (exitCode === 0 && !mochaResult) {
    out('[harness] the tests exited 0 but printed no MOCHA_RESULT line; counting the run as failed');
    exitCode = 1;
    failed = 1;
  }
  out(`[harness] integration run finished in ${((Date.now() - started) / 1000).toFixed(1)}s with exit code ${exitCode}`);
  out(`LAYER_RESULT ${LAYER} ${passed} ${failed}`);
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => finish(signal === 'SIGINT' ? 130 : 143, `received ${signal}, stopping`));
}
process.on('uncaughtException', (error) => finish(1, `harness error: ${error.stack || error}`));
process.on('unhandledRejection', (error) => finish(1, `harness error: ${error?.stack || error}`));

const overallTimer = setTimeout(() => {
  finish(
    1,
    `TIMEOUT: the integration run did not finish within ${timeoutMs / 1000}s ` + `(MOSQUITTO_INTEGRATION_TIMEOUT_MS); stopping code-server and Chromium`,
  );
}, timeoutMs);

async function main() {
  const workspace = harness.copyWorkspace(workspaceSource);
  out(`[harness] extension: ${extensionDevelopmentPath}`);
  out(`[harness] tests:     ${extensionTestsPath}`);
  out(`[harness] workspace: ${workspace} (copy of ${workspaceSource})`);
  const env = {};
  if (options.grep) env.MOSQUITTO_INTEGRATION_GREP = options.grep;
  await harness.startCodeServer({ workspace, env });

  const page = await harness.launchBrowser();
  let resolveExit;
  const testsDone = new Promise((resolve) => {
    resolveExit = resolve;
  });
  // The workbench calls these when the page runs in automation mode: the extension
  // host's console (mocha's report) and the exit code once the tests' run() settles.
  let firstLog = true;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    if (firstLog) {
      firstLog = false;
      out('[harness] the workbench is up (first log message)');
    }
    const text = Array.isArray(args) ? args.map(String).join(' ') : String(args);
    for (const line of text.split('\n')) {
      const match = /MOCHA_RESULT passed=(\d+) failed=(\d+)(?: pending=(\d+))?/.exec(line);
      if (match) mochaResult = { passed: Number(match[1]), failed: Number(match[2]), pending: Number(match[3] ?? 0) };
      if (/^\s+✔ /.test(line)) passesSeen += 1;
      if (!options.verbose && NOISE.some((pattern) => pattern.test(line))) {
        continue;
      }
      out(type === 'error' || type === 'warn' ? `[exthost:${type}] ${line}` : line);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  page.on('crash', () => finish(1, 'the workbench page crashed'));
  page.on('close', () => finish(1, 'the workbench page closed before the tests finished'));

  const payload = [
    ['extensionDevelopmentPath', harness.remoteUri(extensionDevelopmentPath)],
    ['extensionTestsPath', harness.remoteUri(extensionTestsPath)],
    // like test-electron's --disable-extensions: installed extensions off, built-ins stay
    ['disableExtensions', 'true'],
  ];
  const url = harness.workbenchUrl(workspace, payload);
  out(`[harness] opening ${url}`);
  // generous: on a loaded 2-core machine the workbench can take a while; the run timeout still bounds it
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 180_000 });
  out('[harness] workbench loaded; waiting for the extension host to run the tests');
  const exitCode = await testsDone;
  clearTimeout(overallTimer);
  await finish(exitCode, `tests exited with code ${exitCode}`);
}

main().catch((error) => finish(1, error instanceof HarnessError ? `ERROR: ${error.message}` : `harness error: ${error.stack || error}`));
