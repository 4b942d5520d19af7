// Drives a real VS Code (code-server 4.100.3 = VS Code 1.100.3) with Debian's Chromium
// through playwright-core, offline. Used by run-in-code-server.mjs (integration tests)
// and meant to be reused by a screenshots script.
//
// Every process it starts carries MOSQUITTO_HARNESS_RUN_ID=<unique id> in its
// environment: code-server and Chromium are started in their own process groups and
// killed by group, and a final sweep of /proc kills anything that still carries this
// run's id, so nothing is left behind even if a child escaped its group.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM_PATH = process.env.MOSQUITTO_CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

const RUN_ID_VAR = 'MOSQUITTO_HARNESS_RUN_ID';

export function codeServerDir() {
  return process.env.MOSQUITTO_CODE_SERVER_DIR || path.join(os.homedir(), '.cache', 'mosquitto-conf', `code-server-${CODE_SERVER_VERSION}`);
}

export class HarnessError extends Error {}

/** Locates the installed code-server entry point, or throws with install instructions. */
export function findCodeServer() {
  const dir = codeServerDir();
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = path.join(dir, '.mosquitto-conf-install-complete');
  if (!fs.existsSync(entry) || !fs.existsSync(marker)) {
    throw new HarnessError(
      `code-server ${CODE_SERVER_VERSION} is not installed in ${dir}.\n` +
        `Install it (offline apart from npm and apt; ~2-4 min, once) with:\n` +
        `    bash scripts/install-code-server.sh\n` +
        `(set MOSQUITTO_CODE_SERVER_DIR to use another folder).`,
    );
  }
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new HarnessError(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get install chromium ` + `(bash scripts/install-code-server.sh does it).`,
    );
  }
  return entry;
}

export async function loadPlaywright() {
  try {
    return await import('playwright-core');
  } catch (error) {
    // Escape hatch for trying the harness before the devDependency is installed:
    // MOSQUITTO_PLAYWRIGHT_CORE_DIR=/path/to/node_modules/playwright-core
    const dir = process.env.MOSQUITTO_PLAYWRIGHT_CORE_DIR;
    if (dir) return import(pathToFileURL(path.join(dir, 'index.mjs')).href);
    throw new HarnessError(`playwright-core is not installed (${error.message}). It is a devDependency: run npm install.`);
  }
}

/**
 * A harness session: temp folders, code-server, Chromium, and their cleanup.
 * Usage: const h = new Harness({ log });
 *   try { await h.startCodeServer({ workspace }); const page = await h.launchBrowser();
 *         await page.goto(h.workbenchUrl(workspace, payload)); ... } finally { await h.stop(); }
 */
export class Harness {
  constructor({ log = (line) => process.stdout.write(`${line}\n`), verbose = false } = {}) {
    this.log = log;
    this.verbose = verbose;
    this.runId = randomUUID();
    this.tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'mosq-cs-'));
    this.serverLogPath = path.join(this.tmpRoot, 'code-server.log');
    this.browserLogPath = path.join(this.tmpRoot, 'browser.log');
    this.serverLog = fs.createWriteStream(this.serverLogPath);
    this.browserLog = fs.createWriteStream(this.browserLogPath);
    this.codeServer = undefined;
    this.context = undefined;
    this.page = undefined;
    this.port = undefined;
    this.stopped = false;
  }

  childEnv(extra = {}) {
    return { ...process.env, ...extra, [RUN_ID_VAR]: this.runId };
  }

  /** Copies a fixture folder into the session's temp root so tests may edit and save files. */
  copyWorkspace(source, name = 'workspace') {
    const target = path.join(this.tmpRoot, name);
    fs.cpSync(source, target, { recursive: true });
    return target;
  }

  /**
   * Starts code-server on a free loopback port (port 0, the kernel picks) with a fresh
   * user-data-dir and extensions-dir. `env` is passed to code-server and so to the
   * extension host.
   */
  async startCodeServer({ workspace, env = {}, userSettings = {}, timeoutMs = 60_000 }) {
    const entry = findCodeServer();
    const userDataDir = path.join(this.tmpRoot, 'user-data');
    const extensionsDir = path.join(this.tmpRoot, 'extensions');
    const xdg = path.join(this.tmpRoot, 'xdg');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.mkdirSync(extensionsDir, { recursive: true });
    fs.mkdirSync(xdg, { recursive: true });
    fs.writeFileSync(
      path.join(userDataDir, 'User', 'settings.json'),
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'workbench.tips.enabled': false,
          'workbench.enableExperiments': false,
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'extensions.ignoreRecommendations': true,
          'telemetry.telemetryLevel': 'off',
          'update.mode': 'none',
          'security.workspace.trust.enabled': false,
          'git.enabled': false,
          'git.autoRepositoryDetection': false,
          'typescript.tsserver.experimental.enableProjectDiagnostics': false,
          ...userSettings,
        },
        null,
        2,
      ),
    );
    const args = [
      entry,
      '--auth',
      'none',
      '--bind-addr',
      '127.0.0.1:0',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      workspace,
    ];
    this.log(`[harness] starting code-server ${CODE_SERVER_VERSION} (${entry})`);
    const child = spawn(process.execPath, args, {
      cwd: this.tmpRoot,
      detached: true, // own process group, killed as a group
      stdio: ['ignore', 'pipe', 'pipe'],
      // code-server writes config.yaml and logs under XDG folders: keep them in tmp.
      env: this.childEnv({
        ...env,
        XDG_CONFIG_HOME: xdg,
        XDG_DATA_HOME: xdg,
        XDG_CACHE_HOME: xdg,
        // No extension gallery: the machine is offline and tests use no marketplace.
        EXTENSIONS_GALLERY: '{}',
        // code-server would otherwise pick a password up from the caller's environment
        PASSWORD: '',
        HASHED_PASSWORD: '',
      }),
    });
    this.codeServer = child;

    const port = await new Promise((resolve, reject) => {
      let buffered = '';
      const timer = setTimeout(() => reject(new HarnessError(`code-server did not start listening within ${timeoutMs / 1000}s`)), timeoutMs);
      const onData = (chunk) => {
        const text = chunk.toString();
        this.serverLog.write(text);
        if (this.verbose) for (const line of text.split('\n')) if (line) this.log(`[code-server] ${line}`);
        buffered += text;
        const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(buffered);
        if (match) {
          clearTimeout(timer);
          buffered = '';
          resolve(Number(match[1]));
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new HarnessError(`cannot start code-server: ${error.message}`));
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new HarnessError(`code-server exited early (code ${code}, signal ${signal})`));
      });
    });
    child.removeAllListeners('exit');
    child.on('exit', (code, signal) => {
      if (!this.stopped) this.log(`[harness] code-server exited unexpectedly (code ${code}, signal ${signal})`);
    });
    this.port = port;

    // The HTTP server is up; wait until it answers (bounded).
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (response.ok) break;
      } catch {
        // not answering yet
      }
      if (Date.now() > deadline) throw new HarnessError(`code-server on port ${port} does not answer /healthz`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    this.log(`[harness] code-server listening on http://127.0.0.1:${port}/ (pid ${child.pid})`);
    return port;
  }

  /** vscode-remote URI string for an absolute local path, as the web workbench expects. */
  remoteUri(absPath) {
    return `vscode-remote://127.0.0.1:${this.port}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
  }

  workbenchUrl(workspace, payload = []) {
    let url = `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(workspace)}`;
    if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return url;
  }

  /** Launches Debian's Chromium (own process group, temp profile) and opens one page. */
  async launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
    const { chromium } = await loadPlaywright();
    this.log(`[harness] launching ${CHROMIUM_PATH}`);
    this.context = await chromium.launchPersistentContext(path.join(this.tmpRoot, 'chromium-profile'), {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_FLAGS,
      env: this.childEnv(),
      viewport,
      // we handle signals ourselves so cleanup order stays ours
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    this.page.on('console', (message) => {
      // '%c'-styled lines mirror the workbench log, which codeAutomationLog already streams.
      if (message.text().startsWith('%c')) return;
      const line = `[browser:${message.type()}] ${message.text()}`;
      this.browserLog.write(`${line}\n`);
      if (this.verbose) this.log(line);
    });
    this.page.on('pageerror', (error) => {
      const line = `[browser:pageerror] ${error.message}`;
      this.browserLog.write(`${line}\n`);
      if (this.verbose) this.log(line);
    });
    return this.page;
  }

  tail(file, lines = 40) {
    try {
      return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  printDiagnostics() {
    const server = this.tail(this.serverLogPath);
    const browser = this.tail(this.browserLogPath);
    if (server) this.log(`[harness] --- last code-server output ---\n${server}`);
    if (browser) this.log(`[harness] --- last browser console output ---\n${browser}`);
  }

  /** Stops Chromium and code-server (process groups), sweeps leftovers, removes temp files. */
  async stop({ keepTmp = false } = {}) {
    if (this.stopped) return;
    this.stopped = true;
    if (this.context) {
      const context = this.context;
      this.context = undefined;
      await Promise.race([context.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    }
    if (this.codeServer && this.codeServer.exitCode === null && this.codeServer.signalCode === null) {
      await killGroup(this.codeServer, 5_000);
    }
    const leftovers = sweepProcesses(this.runId);
    if (leftovers.length) this.log(`[harness] killed ${leftovers.length} leftover process(es): ${leftovers.join(', ')}`);
    await Promise.all([new Promise((resolve) => this.serverLog.end(resolve)), new Promise((resolve) => this.browserLog.end(resolve))]);
    if (keepTmp) this.log(`[harness] kept temp folder ${this.tmpRoot}`);
    else fs.rmSync(this.tmpRoot, { recursive: true, force: true, maxRetries: 3 });
  }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM the child's process group, then SIGKILL it if it is still there after graceMs. */
async function killGroup(child, graceMs) {
  const pgid = child.pid;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Kills (SIGKILL) every process whose environment carries this run's id; returns their pids. */
export function sweepProcesses(runId) {
  const needle = Buffer.from(`${RUN_ID_VAR}=${runId}\0`);
  const killed = [];
  let entries = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return killed;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    let environ;
    try {
      environ = fs.readFileSync(`/proc/${pid}/environ`);
    } catch {
      continue;
    }
    if (environ.indexOf(needle) === -1) continue;
    try {
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
    } catch {
      // gone meanwhile
    }
  }
  return killed;
}
