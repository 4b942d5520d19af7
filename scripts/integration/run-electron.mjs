#!/usr/bin/env node
// `npm run test:vscode`: runs the integration suite the way extension authors expect,
// with @vscode/test-electron: it DOWNLOADS VS Code (stable, into .vscode-test/) and starts
// it with --disable-extensions, this extension under development and the compiled mocha
// entry. It needs internet access to update.code.visualstudio.com on the first run (a
// cached VS Code in .vscode-test/ is reused when offline). On a machine without internet,
// use `npm run test:integration` (code-server + Chromium, offline) instead.
// On a headless Linux machine run it under a display: `xvfb-run -a npm run test:vscode`.
//
// Usage: node scripts/integration/run-electron.mjs [--grep REGEXP]
// Environment: MOSQUITTO_VSCODE_VERSION (default: newest stable matching engines.vscode), MOSQUITTO_INTEGRATION_GREP.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LAYER = 'vscode';

const { values: options } = parseArgs({ options: { grep: { type: 'string' } } });
const extensionDevelopmentPath = REPO_ROOT;
const extensionTestsPath = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
const fixtures = path.join(REPO_ROOT, 'test', 'integration', 'fixtures');

function fail(message, code = 1) {
  process.stderr.write(`run-electron: ${message}\n`);
  process.stdout.write(`LAYER_RESULT ${LAYER} 0 1\n`);
  process.exit(code);
}

if (!fs.existsSync(extensionTestsPath)) fail(`${extensionTestsPath} not found; build first (npm run build)`, 2);

let runTests;
try {
  ({ runTests } = await import('@vscode/test-electron'));
} catch (error) {
  fail(`@vscode/test-electron is not installed (${error.message}); run npm install`, 2);
}

// Same isolation as the code-server runner: a temp copy of the fixtures (tests may edit
// files), fresh user-data and extensions folders.
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'mosq-vscode-'));
const workspace = path.join(tmpRoot, 'workspace');
fs.cpSync(fixtures, workspace, { recursive: true });

const launchArgs = [
  workspace,
  '--disable-extensions',
  '--disable-workspace-trust',
  `--user-data-dir=${path.join(tmpRoot, 'user-data')}`,
  `--extensions-dir=${path.join(tmpRoot, 'extensions')}`,
];
if (process.getuid?.() === 0) launchArgs.push('--no-sandbox'); // Electron refuses to run as root otherwise

// Count the tests from the MOCHA_RESULT line the test entry prints (stdout is forwarded).
let mochaResult;
const write = process.stdout.write.bind(process.stdout);
let pending = '';
process.stdout.write = (chunk, ...rest) => {
  pending += chunk.toString();
  const lines = pending.split('\n');
  pending = lines.pop();
  for (const line of lines) {
    const match = /MOCHA_RESULT passed=(\d+) failed=(\d+)/.exec(line);
    if (match) mochaResult = { passed: Number(match[1]), failed: Number(match[2]) };
  }
  return write(chunk, ...rest);
};

let exitCode = 0;
try {
  exitCode = await runTests({
    // default: the newest stable VS Code that satisfies engines.vscode
    version: process.env.MOSQUITTO_VSCODE_VERSION || undefined,
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs,
    extensionTestsEnv: options.grep ? { MOSQUITTO_INTEGRATION_GREP: options.grep } : undefined,
  });
} catch (error) {
  const text = String(error?.message ?? error);
  const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up|timeout/i.test(text);
  if (offline) {
    process.stderr.write(
      `run-electron: cannot download VS Code (${text}).\n` +
        `  npm run test:vscode needs internet access to download VS Code the first time.\n` +
        `  Offline, run the same suite in code-server instead: npm run test:integration\n`,
    );
  } else if (error?.name === 'TestRunFailedError' || /^Test run (failed|terminated)/.test(text)) {
    process.stderr.write(`run-electron: ${text}\n`);
  } else {
    process.stderr.write(`run-electron: the test run failed: ${error?.stack ?? text}\n`);
  }
  exitCode = Number.isInteger(error?.code) && error.code !== 0 ? error.code : 1;
} finally {
  fs.rmSync(tmpRoot, { recursive: true, force: true });
}

process.stdout.write = write;
const passed = mochaResult?.passed ?? 0;
let failed = mochaResult?.failed ?? 0;
if (exitCode !== 0 && failed === 0) failed = 1;
write(`LAYER_RESULT ${LAYER} ${passed} ${failed}\n`);
process.exit(exitCode);
