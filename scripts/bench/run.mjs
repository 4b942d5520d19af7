#!/usr/bin/env node
// The benchmark (`npm run bench`): generates realistic configurations of 1k, 10k and 100k
// lines and measures the language service in process, the lint CLI as a whole process, the
// broker's own parser on the same files, a split+trim floor, and the language server over
// the protocol (edit -> diagnostics, completion, hover, memory). Prints a table and writes
// docs/benchmarks.md. Needs a build (`npm run build`). Never used as a timed test.
//
// Options: --sizes=1000,10000,100000  --edits=200  --no-write  --no-profile  --no-vsix  --quick
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { generateConfig } from './generate.mjs';
import { LspClient } from './lsp-client.mjs';

const require = createRequire(import.meta.url);
const root = new URL('../..', import.meta.url).pathname;
const started = Date.now();
const loadStart = os.loadavg();

// ---------------------------------------------------------------- options
const flags = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const quick = flags.has('quick');
const sizes = (flags.get('sizes') ?? '1000,10000,100000').split(',').map(Number);
const editCount = Number(flags.get('edits') ?? (quick ? 50 : 200));
const write = !flags.has('no-write');
const profile = !flags.has('no-profile');
/** Debounce the server applies when `initializationOptions.diagnosticsDelay` is not honoured. */
const SERVER_DEBOUNCE_MS = 150;

// ---------------------------------------------------------------- prerequisites
const serviceJs = join(root, 'out/server/src/service/index.js');
const serverBin = join(root, 'server/bin/mosquitto-language-server');
const lintBin = join(root, 'server/bin/mosquitto-lint');
for (const f of [serviceJs, join(root, 'server/dist/server.js'), join(root, 'server/dist/cli.js')]) {
  if (!existsSync(f)) {
    console.error(`bench: ${f} is missing. Run 'npm run build' first.`);
    process.exit(2);
  }
}
const service = require(serviceJs);
const { nodeFileSystem } = require(join(root, 'out/server/src/nodeFileSystem.js'));

// ---------------------------------------------------------------- statistics
const now = () => process.hrtime.bigint();
const ms = (from, to = now()) => Number(to - from) / 1e6;
function quantile(samples, q) {
  if (samples.length === 0) {
    return NaN;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
const median = (s) => quantile(s, 0.5);
const p95 = (s) => quantile(s, 0.95);
const fmt = (v, digits = 1) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(digits)) : 'n/a');
const fmtRatio = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const log = (...a) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${a.join(' ')}\n`);
/** Seconds left of the 3-minute budget `npm run bench` must stay within (optional steps are skipped when it runs low). */
const secondsLeft = () => 170 - (Date.now() - started) / 1000;

/**
 * Runs `steps` (an object of named functions returning a duration in ms) in turns, so
 * every sample of one step is taken under the same machine load as the others; stops after
 * `max` rounds or when the time budget is spent (but never before `min` rounds).
 */
function interleave(steps, { min, max, budgetMs, warmup = 1 }) {
  const samples = Object.fromEntries(Object.keys(steps).map((k) => [k, []]));
  for (let i = 0; i < warmup; i++) {
    for (const f of Object.values(steps)) {
      f();
    }
  }
  const t0 = now();
  for (let round = 0; round < max; round++) {
    for (const [k, f] of Object.entries(steps)) {
      samples[k].push(f());
    }
    if (round + 1 >= min && ms(t0) > budgetMs) {
      break;
    }
  }
  return samples;
}

// ---------------------------------------------------------------- fixtures
const tmp = mkdtempSync(join(os.tmpdir(), 'mosquitto-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const certDir = join(tmp, 'certs');
mkdirSync(certDir);
for (const name of ['ca.crt', 'server.crt', 'server.key', 'passwd', 'acl']) {
  writeFileSync(join(certDir, name), `${name}\n`);
}
// Valid certificate material for the second edit measurement: a self-signed CA and a server
// certificate and key it signed, made once with openssl (the files above are placeholders
// whose text is not PEM, so a trusted server reports ~890 tls-file-format errors on them).
const pemDir = join(tmp, 'pem');
mkdirSync(pemDir);
const openssl = (args) => spawnSync('openssl', args, { cwd: pemDir, encoding: 'utf8', timeout: 60_000 });
const pemMade = [
  ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '3650', '-subj', '/CN=bench CA'],
  ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost'],
  ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '3650'],
].every((args) => openssl(args).status === 0);
for (const name of ['passwd', 'acl']) {
  writeFileSync(join(pemDir, name), `${name}\n`);
}
if (pemMade) {
  // As an installation would have them: the broker's run-time user ('mosquitto', when this
  // machine has one) can reach and read every file, the keys are not readable by everyone.
  chmodSync(tmp, 0o755);
  for (const key of ['ca.key', 'server.key']) {
    chmodSync(join(pemDir, key), 0o640);
    spawnSync('chgrp', ['mosquitto', join(pemDir, key)]);
  }
}
const label = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));
const END_DIRECTIVE = 'mosquitto_bench_end_of_file';
const inputs = sizes.map((lines) => {
  const text = generateConfig(lines, { certDir });
  const file = join(tmp, `bench-${label(lines)}.conf`);
  const brokerFile = join(tmp, `bench-${label(lines)}-broker.conf`);
  writeFileSync(file, text);
  // The unknown directive on the last line makes the broker read everything, then exit.
  writeFileSync(brokerFile, `${text}${END_DIRECTIVE} 1\n`);
  return { lines, text, file, brokerFile, bytes: Buffer.byteLength(text) };
});

// ---------------------------------------------------------------- the broker
function probe(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.error ? undefined : r;
}
const brokerProbe = probe('mosquitto', ['-h']);
const brokerVersion = brokerProbe ? (/mosquitto version (\S+)/.exec(`${brokerProbe.stdout}${brokerProbe.stderr}`)?.[1] ?? 'unknown') : undefined;
let isolation = [];
let isolationNote = 'not installed';
if (brokerVersion) {
  if (probe('unshare', ['-n', 'true'])?.status === 0) {
    isolation = ['unshare', '-n'];
    isolationNote = 'inside `unshare -n` (no network)';
  } else if (probe('unshare', ['-rn', 'true'])?.status === 0) {
    isolation = ['unshare', '-rn'];
    isolationNote = 'inside `unshare -rn` (no network)';
  } else {
    isolationNote = 'without a network namespace (unshare not permitted); it exits at the last line before opening sockets';
  }
}
const spawnTimed = (cmd, args, env) => {
  const t = now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: env ? { ...process.env, ...env } : undefined });
  return { ms: ms(t), result: r };
};
/** Time the namespace wrapper adds on its own; subtracted so the broker pays only what the CLI pays. */
let isolationOverheadMs = 0;
if (brokerVersion && isolation.length > 0) {
  const s = interleave(
    {
      bare: () => spawnTimed('true', []).ms,
      wrapped: () => spawnTimed(isolation[0], [...isolation.slice(1), 'true']).ms,
    },
    { min: 15, max: 15, budgetMs: 0 },
  );
  isolationOverheadMs = Math.max(0, median(s.wrapped) - median(s.bare));
}
const brokerRun = (input) => {
  const cmd = isolation.length > 0 ? isolation[0] : 'mosquitto';
  const args = isolation.length > 0 ? [...isolation.slice(1), 'mosquitto', '-c', input.brokerFile] : ['-c', input.brokerFile];
  const { ms: t, result } = spawnTimed(cmd, args);
  const expected = `${input.brokerFile}:${input.lines + 1}`;
  if (!`${result.stderr}${result.stdout}`.includes(expected)) {
    throw new Error(`the broker did not stop at the last line of ${input.brokerFile}:\n${`${result.stderr}${result.stdout}`.slice(-2000)}`);
  }
  return t - isolationOverheadMs;
};

// ---------------------------------------------------------------- in process, CLI, floor
const fsAccess = nodeFileSystem();
const settingsOff = service.defaultSettings({ checkPaths: false });
const settingsOn = service.defaultSettings({ checkPaths: true });
const analyzeTimed = (input, settings) => {
  const t = now();
  const analysis = service.analyze({ text: input.text, uri: input.file, path: input.file }, settings, fsAccess);
  const d = ms(t);
  if (!analysis.diagnostics.has(input.file)) {
    throw new Error('analysis lost the main file');
  }
  return d;
};
let floorSink = 0;
const floorTimed = (input) => {
  const t = now();
  let n = 0;
  for (const line of input.text.split('\n')) {
    if (line.trim().length > 0) {
      n++;
    }
  }
  floorSink += n;
  return ms(t);
};
const cliTimed = (input, env) => {
  const { ms: t, result } = spawnTimed(process.execPath, [lintBin, input.file], env);
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`mosquitto-lint exited with ${result.status}: ${result.stderr}`);
  }
  return t;
};

const rows = [];
for (const input of inputs) {
  const big = input.lines >= 100_000;
  const mid = input.lines >= 10_000;
  log(`[bench] ${label(input.lines)} lines (${(input.bytes / 1e6).toFixed(2)} MB): in process`);
  const steps = {
    off: () => analyzeTimed(input, settingsOff),
    on: () => analyzeTimed(input, settingsOn),
    floor: () => floorTimed(input),
  };
  if (brokerVersion) {
    steps.broker = () => brokerRun(input);
  }
  const a = interleave(
    steps,
    quick
      ? { min: 3, max: 10, budgetMs: 3_000, warmup: 1 }
      : big
        ? { min: 6, max: 15, budgetMs: 15_000, warmup: 1 }
        : mid
          ? { min: 15, max: 60, budgetMs: 7_000, warmup: 3 }
          : { min: 50, max: 300, budgetMs: 4_000, warmup: 10 },
  );
  log(`[bench] ${label(input.lines)} lines: whole-process CLI`);
  const cliSteps = { cli: () => cliTimed(input) };
  if (brokerVersion) {
    cliSteps.broker = () => brokerRun(input);
  }
  const c = interleave(
    cliSteps,
    quick
      ? { min: 3, max: 5, budgetMs: 3_000, warmup: 1 }
      : big
        ? { min: 5, max: 12, budgetMs: 12_000, warmup: 0 }
        : { min: 8, max: 30, budgetMs: 5_000, warmup: 1 },
  );
  rows.push({ input, a, c });
}

// A 20-line configuration, whole process, beside a bare `node -e 0`: what start-up costs.
// The CLI keeps V8's compiled code and the installed broker's `mosquitto -h` answer between
// runs (README, "Start-up"); the warm-up runs fill those caches, and a third series runs with
// them turned off to show what they save.
log('[bench] 20 lines: whole-process CLI beside `node -e 0` (start-up)');
const smallInput = (() => {
  const text = generateConfig(20, { certDir });
  const file = join(tmp, 'bench-20.conf');
  writeFileSync(file, text);
  return { lines: text.split('\n').length - 1, text, file, bytes: Buffer.byteLength(text) };
})();
const startup = interleave(
  {
    node: () => spawnTimed(process.execPath, ['-e', '0']).ms,
    cli: () => cliTimed(smallInput),
    uncached: () => cliTimed(smallInput, { NODE_DISABLE_COMPILE_CACHE: '1' }),
  },
  { min: 30, max: quick ? 30 : 60, budgetMs: quick ? 0 : 15_000, warmup: 2 },
);

/** Self time per area (parser, model, each rule, validate, GC) and the top functions. */
function summariseProfile(p) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) {
    for (const c of n.children ?? []) {
      parent.set(c, n.id);
    }
  }
  const area = (cf) => {
    if (cf.functionName === '(garbage collector)') {
      return 'garbage collection';
    }
    const m = /\/out\/server\/src\/(.*)\.js$/.exec(cf.url);
    if (!m) {
      return cf.url.startsWith('node:') || cf.url === '' ? 'node / V8 built-ins' : 'other';
    }
    if (m[1].startsWith('service/rules/')) {
      return `rule ${m[1].slice('service/rules/'.length)}`;
    }
    return m[1].replace(/^service\//, '');
  };
  const areas = new Map();
  const fns = new Map();
  let total = 0;
  let analysis = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const d = p.timeDeltas[i] ?? 0;
    total += d;
    const node = byId.get(p.samples[i]);
    // Attribute built-ins and GC to the service function that called them when there is one.
    let id = p.samples[i];
    let owner = node.callFrame;
    while (id !== undefined) {
      const cf = byId.get(id).callFrame;
      if (/\/out\/server\/src\//.test(cf.url)) {
        owner = cf;
        break;
      }
      id = parent.get(id);
    }
    let inAnalysis = false;
    for (let j = p.samples[i]; j !== undefined; j = parent.get(j)) {
      if (byId.get(j).callFrame.functionName === 'analyze') {
        inAnalysis = true;
        break;
      }
    }
    if (node.callFrame.functionName === '(garbage collector)') {
      inAnalysis = true; // GC in this script is caused by the analyses
      owner = node.callFrame;
    }
    if (!inAnalysis) {
      continue;
    }
    analysis += d;
    const a = area(owner);
    areas.set(a, (areas.get(a) ?? 0) + d);
    const key = `${node.callFrame.functionName || '(anonymous)'} (${area(node.callFrame)}${node.callFrame.lineNumber >= 0 && /\/out\//.test(node.callFrame.url) ? `:${node.callFrame.lineNumber + 1}` : ''})`;
    fns.set(key, (fns.get(key) ?? 0) + d);
  }
  const top = (m, n) =>
    [...m]
      .sort((x, y) => y[1] - x[1])
      .slice(0, n)
      .map(([k, v]) => ({ name: k, ms: v / 1000, share: v / analysis }));
  return { totalMs: total / 1000, analysisMs: analysis / 1000, areas: top(areas, 14), functions: top(fns, 12) };
}

// ---------------------------------------------------------------- over the protocol
const middleLine = (text) => {
  // A `max_connections N` line near the middle: appending a character makes it invalid.
  const lines = text.split('\n');
  for (let d = 0; d < lines.length / 2; d++) {
    for (const i of [Math.floor(lines.length / 2) + d, Math.floor(lines.length / 2) - d]) {
      if (/^max_connections \d+$/.test(lines[i] ?? '')) {
        return { line: i, text: lines[i] };
      }
    }
  }
  throw new Error('no max_connections line');
};

/**
 * `editCount` single-character edits at the end of the `max_connections` line nearest the middle
 * of `text` (append a character, remove it again, …), each timed from didChange to the
 * publishDiagnostics of its version; every edit is counted. `check(published, appended)` sees
 * each publication.
 */
async function timedEdits(client, uri, text, version, diagnosticsFor, check) {
  const target = middleLine(text);
  const end = target.text.length;
  const samples = [];
  for (let i = 0; i < editCount; i++) {
    version++;
    const appended = i % 2 === 0;
    const change = appended
      ? { range: { start: { line: target.line, character: end }, end: { line: target.line, character: end } }, text: 'x' }
      : { range: { start: { line: target.line, character: end }, end: { line: target.line, character: end + 1 } }, text: '' };
    const waiting = diagnosticsFor(version);
    const t = now();
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const got = await waiting;
    samples.push(ms(t, got.received));
    check(got, appended);
  }
  return samples;
}

async function protocolBench(input) {
  const client = new LspClient(process.execPath, serverBin, { cwd: root });
  const result = {
    edits: [],
    completion: [],
    resolve: [],
    hover: [],
    debounceSubtracted: false,
    completionNote: '',
    resolveNote: '',
    hoverNote: '',
    completionBytes: 0,
  };
  try {
    const init = await client.initialize({ diagnosticsDelay: 0 });
    const caps = init.capabilities ?? {};
    const uri = pathToFileURL(input.file).href;
    const diagnosticsFor = (version, forUri = uri) =>
      client.waitFor(
        (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === forUri && m.params.version === version,
        60_000,
        `diagnostics for version ${version}`,
      );
    // Does the server honour diagnosticsDelay? Edits of a one-line document answer at once if so.
    const probeUri = pathToFileURL(join(tmp, 'probe.conf')).href;
    const probeOpened = diagnosticsFor(1, probeUri);
    client.notify('textDocument/didOpen', { textDocument: { uri: probeUri, languageId: 'mosquitto-conf', version: 1, text: 'listener 1883\n' } });
    await probeOpened;
    const probe = [];
    for (let v = 2; v <= 4; v++) {
      const waiting = diagnosticsFor(v, probeUri);
      const t = now();
      client.notify('textDocument/didChange', { textDocument: { uri: probeUri, version: v }, contentChanges: [{ text: `listener ${1883 + v}\n` }] });
      probe.push(ms(t, (await waiting).received));
    }
    client.notify('textDocument/didClose', { textDocument: { uri: probeUri } });
    result.debounceHonoured = Math.min(...probe) < SERVER_DEBOUNCE_MS - 20;
    const version = 1;
    const opened = diagnosticsFor(version);
    const tOpen = now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'mosquitto-conf', version, text: input.text } });
    const first = await opened;
    result.openMs = ms(tOpen, first.received);
    result.diagnostics = first.message.params.diagnostics.length;
    const target = middleLine(input.text);
    result.edits = await timedEdits(client, uri, input.text, version, diagnosticsFor, (got, appended) => {
      if (appended && !got.message.params.diagnostics.some((d) => d.range.start.line === target.line)) {
        throw new Error('the edit produced no diagnostic on the edited line');
      }
    });
    if (!result.debounceHonoured) {
      // The server ignored diagnosticsDelay: take its fixed debounce out of every sample.
      result.debounceSubtracted = true;
      result.edits = result.edits.map((v) => Math.max(0, v - SERVER_DEBOUNCE_MS));
    }
    // Completion at the start of a fresh line and hover on a keyword, both mid-file.
    const lines = input.text.split('\n');
    const hoverLine = target.line;
    const timedRequests = async (method, params, list, count) => {
      for (let i = 0; i < count; i++) {
        const t = now();
        const r = await client.request(method, params(i), 10_000);
        if (r.error) {
          return `error ${r.error.code}: ${r.error.message}`;
        }
        if (r.result === null || r.result === undefined) {
          return 'null result';
        }
        list.push(ms(t, r.received));
      }
      return '';
    };
    const requestCount = quick ? 50 : 200;
    const blank = lines.findIndex((l, i) => i > lines.length / 2 && l === '');
    if (caps.completionProvider) {
      result.completionNote = await timedRequests(
        'textDocument/completion',
        (i) => ({
          textDocument: { uri },
          position: i % 2 === 0 ? { line: blank, character: 0 } : { line: hoverLine, character: 3 },
        }),
        result.completion,
        requestCount,
      );
      // The editor resolves the item it shows: time that too, on an item of the list at the empty line.
      const listed = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: blank, character: 0 } }, 10_000);
      const items = listed.result ? (Array.isArray(listed.result) ? listed.result : listed.result.items) : [];
      result.completionBytes = JSON.stringify(listed.result ?? null).length;
      const shown = items.find((item) => item.label === 'max_connections') ?? items[0];
      if (!caps.completionProvider.resolveProvider || shown === undefined) {
        result.resolveNote = shown === undefined ? 'no completion item' : 'no resolveProvider';
      } else {
        result.resolveNote = await timedRequests('completionItem/resolve', () => shown, result.resolve, requestCount);
      }
    } else {
      result.completionNote = 'no completionProvider';
    }
    if (caps.hoverProvider) {
      result.hoverNote = await timedRequests(
        'textDocument/hover',
        () => ({ textDocument: { uri }, position: { line: hoverLine, character: 4 } }),
        result.hover,
        requestCount,
      );
    } else {
      result.hoverNote = 'no hoverProvider';
    }
    result.exit = await client.shutdown();
  } catch (error) {
    result.error = `${error instanceof Error ? error.message : String(error)}${client.stderr ? `\nserver stderr: ${client.stderr.slice(-1500)}` : ''}`;
    client.child.kill('SIGKILL');
  }
  return result;
}

/**
 * Edit -> publishDiagnostics only (as protocolBench), in a workspace the server trusts: it then
 * opens the certificate files the configuration names (tls-file-format and the other TLS
 * material rules run), and asks the installed broker for its release. Returns the samples and
 * how many diagnostics the file has.
 */
async function trustedEditBench(text, file) {
  const client = new LspClient(process.execPath, serverBin, { cwd: root });
  const result = { edits: [] };
  try {
    await client.initialize({ diagnosticsDelay: 0, trusted: true });
    const uri = pathToFileURL(file).href;
    const diagnosticsFor = (version) =>
      client.waitFor(
        (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version,
        60_000,
        `diagnostics for version ${version}`,
      );
    // The release question (`mosquitto -h`, up to 2 s) re-publishes when answered: let it settle first.
    const detected = client
      .waitFor((m) => m.method === 'window/logMessage' && /installed broker's version/.test(m.params.message), 3000, 'detection')
      .catch(() => undefined);
    const version = 1;
    const opened = diagnosticsFor(version);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'mosquitto-conf', version, text } });
    await opened;
    await detected;
    result.edits = await timedEdits(client, uri, text, version, diagnosticsFor, (got, appended) => {
      if (!appended) {
        result.diagnostics = got.message.params.diagnostics.length;
      }
    });
    await client.shutdown();
  } catch (error) {
    result.error = `${error instanceof Error ? error.message : String(error)}${client.stderr ? `\nserver stderr: ${client.stderr.slice(-1500)}` : ''}`;
    client.child.kill('SIGKILL');
  }
  return result;
}

/** Peak resident memory (VmHWM) of a server that opened the file, and how long the first diagnostics took. */
async function memoryBench(input) {
  const client = new LspClient(process.execPath, serverBin, { cwd: root });
  try {
    await client.initialize({ diagnosticsDelay: 0 });
    const before = readStatus(client.pid);
    const uri = pathToFileURL(input.file).href;
    const waiting = client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri, 120_000, 'diagnostics');
    const t = now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'mosquitto-conf', version: 1, text: input.text } });
    const got = await waiting;
    const openMs = ms(t, got.received);
    const after = readStatus(client.pid);
    await client.shutdown();
    return { idleKb: before.VmHWM, peakKb: after.VmHWM, rssKb: after.VmRSS, openMs };
  } catch (error) {
    client.child.kill('SIGKILL');
    return { error: String(error) };
  }
}
function readStatus(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const get = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { VmHWM: get('VmHWM'), VmRSS: get('VmRSS') };
}

const protoInput = inputs.find((i) => i.lines === 10_000) ?? inputs[Math.min(1, inputs.length - 1)];
log(`[bench] protocol: ${editCount} edits on ${label(protoInput.lines)} lines, completion, hover`);
const proto = await protocolBench(protoInput);
log(`[bench] protocol: ${editCount} edits on ${label(protoInput.lines)} lines in a trusted workspace, placeholder and valid certificate files`);
const trustedPlaceholder = await trustedEditBench(protoInput.text, protoInput.file);
let trustedPem;
if (pemMade) {
  const pemFile = join(tmp, `bench-${label(protoInput.lines)}-pem.conf`);
  const pemText = generateConfig(protoInput.lines, { certDir: pemDir });
  writeFileSync(pemFile, pemText);
  trustedPem = await trustedEditBench(pemText, pemFile);
} else {
  trustedPem = { edits: [], error: 'openssl not available: no valid certificate material' };
}
const memInput = inputs[inputs.length - 1];
log(`[bench] protocol: server memory after opening ${label(memInput.lines)} lines`);
const memory = existsSync('/proc/self/status') ? await memoryBench(memInput) : { error: 'no /proc' };

// ---------------------------------------------------------------- profile of the largest file
let profileSummary;
if (profile && secondsLeft() < 60) {
  log('[bench] skipping the profile: the run is close to its time budget (use --no-profile to skip it always)');
}
if (profile && secondsLeft() >= 60) {
  const input = inputs[inputs.length - 1];
  log(`[bench] profiling the in-process analysis of ${label(input.lines)} lines`);
  const dir = join(tmp, 'prof');
  mkdirSync(dir);
  spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, join(root, 'scripts/bench/analyze-file.mjs'), input.file, quick ? '2' : '3'], {
    stdio: 'inherit',
  });
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (file) {
    profileSummary = summariseProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  }
}

// ---------------------------------------------------------------- sizes
const fileSize = (p) => (existsSync(p) ? statSync(p).size : undefined);
// What `npm run package` ships: the production build (minified, names kept, no source maps),
// built into a scratch folder so that this checkout's development bundles stay as they are.
const production = join(tmp, 'production');
let productionNote = '';
if (!flags.has('no-vsix')) {
  log('[bench] production build of the bundles (esbuild.mjs --production) for the package sizes');
  const built = spawnSync(process.execPath, [join(root, 'esbuild.mjs'), '--production', `--out=${production}`], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (built.status !== 0) {
    productionNote = `production build failed: ${(built.stderr ?? '').split('\n')[0]}`;
  }
}
const shippedPath = (p) => (existsSync(join(production, p)) ? join(production, p) : undefined);
const bundles = [
  'server/dist/server.js',
  'server/dist/cli.js',
  'client/dist/extension.js',
  'server/dist/browserServer.js',
  'client/dist/browserExtension.js',
].map((p) => {
  const size = fileSize(join(root, p));
  const shipped = shippedPath(p);
  const shippedSize = shipped !== undefined ? fileSize(shipped) : undefined;
  const gz = shipped !== undefined ? gzipSync(readFileSync(shipped)).length : undefined;
  return { path: p, size, shippedSize, gz };
});
let vsix = fileSize(join(root, 'mosquitto-conf.vsix'));
let vsixNote = 'mosquitto-conf.vsix';
let vsixParts;
const vsce = join(root, 'node_modules/.bin/vsce');
if (vsix === undefined && existsSync(vsce) && !flags.has('no-vsix')) {
  // Not packaged: estimate from the files `vsce ls` would pack, the bundles taken from the
  // production build above, each deflated as in the zip, plus the zip's own entries and
  // manifest (~3 KB).
  log('[bench] estimating the .vsix size from `vsce ls`');
  const listed = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  const files = (listed.stdout ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && existsSync(join(root, l)));
  if (listed.status === 0 && files.length > 0) {
    vsixParts = { bundles: 0, images: 0, other: 0 };
    vsix = 3 * 1024;
    for (const f of files) {
      const packed = deflateRawSync(readFileSync(shippedPath(f) ?? join(root, f))).length + 100 + 2 * f.length;
      vsix += packed;
      const part = /\/dist\//.test(f) ? 'bundles' : /\.png$/.test(f) ? 'images' : 'other';
      vsixParts[part] += packed;
    }
    const fromProduction = files.filter((f) => shippedPath(f) !== undefined).length;
    vsixNote = `.vsix, estimated (${files.length} files from \`vsce ls\`, ${fromProduction} bundles from the production build, deflated; mosquitto-conf.vsix not present: \`npm run package\` makes it)`;
  }
}
// ---------------------------------------------------------------- report
// Issue 13's targets; the .vsix size keeps issue 7's.
/** Edits shown apart as the edit path's warm-up (for information; verdicts count every edit). */
const WARMUP_EDITS = 20;
const TARGETS = { inProcessVsBroker: 1.0, cliVsBroker: 3.0, cliStartVsNode: 1.3, editP95: 10, requestP95: 3, rssMb: 150, vsixKb: 400 };
const out = [];
const line = (s = '') => out.push(s);
const loadEnd = os.loadavg();
const cpu = os.cpus();
line('# Benchmarks');
line();
line('Generated by `npm run bench` (`scripts/bench/run.mjs`); the numbers below are from the latest run.');
line('Speed is measured only here, never in timed tests.');
line();
line('## Machine');
line();
line(`- Date: ${new Date(started).toISOString()}`);
line(`- CPU: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length} (${os.arch()})`);
line(`- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; OS: ${os.type()} ${os.release()}`);
line(
  `- Node.js ${process.version}; broker: ${brokerVersion ? `mosquitto ${brokerVersion}, run ${isolationNote}` : 'mosquitto not installed (broker columns n/a)'}`,
);
line(
  `- Load average at start / end: ${loadStart.map((v) => v.toFixed(2)).join(' ')} / ${loadEnd.map((v) => v.toFixed(2)).join(' ')} (the machine is shared; samples of ours and of the broker are interleaved so both see the same load)`,
);
line();
line('## Generated configurations');
line();
line(
  'Deterministic (`scripts/bench/generate.mjs`): global options, ~72% listener blocks (plain, TLS, websockets), ~28% bridges with 5–40 `topic` lines each, comments and blank lines. Every line is valid for the broker.',
);
line();
line('| lines | bytes | listeners | bridges | topic lines |');
line('|---:|---:|---:|---:|---:|');
for (const { input } of rows) {
  const count = (re) => (input.text.match(re) ?? []).length;
  line(`| ${input.lines} | ${input.bytes} | ${count(/^listener /gm)} | ${count(/^connection /gm)} | ${count(/^topic /gm)} |`);
}
line();
line('## In process and whole process');
line();
line(
  'Times in ms (median / p95 over interleaved runs). "analysis" is `analyze()`: parse, section model and all rules. The broker is `mosquitto -c FILE` with an unknown directive on the last line, so it reads every line and exits there; its time is the whole process' +
    (isolationOverheadMs > 0 ? ` (the ${isolationOverheadMs.toFixed(1)} ms the network namespace wrapper costs on its own is subtracted)` : '') +
    ". The floor is `text.split('\\n')` plus `trim()` per line.",
);
line();
line(
  '| lines | analysis, paths off | MB/s | analysis, paths on | floor | ours / floor | broker (whole process) | **ours / broker** | CLI (whole process) | **CLI / broker** | runs |',
);
line('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const ratios = {};
for (const { input, a, c } of rows) {
  const mb = input.bytes / 1e6;
  const broker = a.broker ? median(a.broker) : NaN;
  const brokerC = c.broker ? median(c.broker) : NaN;
  const oursVsBroker = median(a.off) / broker;
  const cliVsBroker = median(c.cli) / brokerC;
  ratios[input.lines] = { oursVsBroker, cliVsBroker, oursOn: median(a.on) / broker };
  line(
    `| ${input.lines} | ${fmt(median(a.off))} / ${fmt(p95(a.off))} | ${fmt(mb / (median(a.off) / 1000))} | ${fmt(median(a.on))} / ${fmt(p95(a.on))} | ${fmt(median(a.floor), 2)} | ${fmt(median(a.off) / median(a.floor))}× | ${fmt(broker)} / ${fmt(a.broker ? p95(a.broker) : NaN)} | **${fmtRatio(oursVsBroker)}** | ${fmt(median(c.cli))} / ${fmt(p95(c.cli))} | **${fmtRatio(cliVsBroker)}** | ${a.off.length} / ${c.cli.length} |`,
  );
}
line();
line(
  'The CLI ratio uses broker samples taken interleaved with the CLI runs. Both pay the same process-spawn cost; Node.js itself needs a noticeable part of the CLI time just to start (see `node -e 0` below).',
);
const startupRatio = median(startup.cli) / median(startup.node);
line();
line(
  `- Start-up, a ${smallInput.lines}-line file, ${startup.cli.length} interleaved runs each (median / p95): \`node -e 0\` ${fmt(median(startup.node))} / ${fmt(p95(startup.node))} ms; \`mosquitto-lint\` ${fmt(median(startup.cli))} / ${fmt(p95(startup.cli))} ms (**${fmtRatio(startupRatio)}** the bare start-up); with its caches turned off (\`NODE_DISABLE_COMPILE_CACHE=1\`: no compiled code kept, the installed broker asked for its release with \`mosquitto -h\`, as on the first run) ${fmt(median(startup.uncached))} / ${fmt(p95(startup.uncached))} ms (${fmtRatio(median(startup.uncached) / median(startup.node))}). No \`--broker-version\` is given, as users run it.`,
);
line();
line(`## Language server over stdio (${label(protoInput.lines)} lines)`);
line();
if (proto.error) {
  line(`Protocol measurement failed: ${proto.error.split('\n')[0]}`);
} else {
  line(`- First diagnostics after didOpen: ${fmt(proto.openMs)} ms.`);
  line(
    `- Edit → publishDiagnostics, ${proto.edits.length} single-character edits (append / remove a character at the end of a \`max_connections\` line in the middle of the file): **p50 ${fmt(median(proto.edits))} ms, p95 ${fmt(p95(proto.edits))} ms**${proto.debounceSubtracted ? ` — the server does not honour \`initializationOptions.diagnosticsDelay\` yet, so its fixed ${SERVER_DEBOUNCE_MS} ms debounce was subtracted from every sample` : ' (debounce disabled with `initializationOptions: { diagnosticsDelay: 0 }`)'}.`,
  );
  if (proto.edits.length > 2 * WARMUP_EDITS) {
    // Where the slow samples are: V8 compiles and optimises the edit path during the first edits
    // after the first analysis. Shown apart for information; the verdict counts every edit.
    const first = proto.edits.slice(0, WARMUP_EDITS);
    const rest = proto.edits.slice(WARMUP_EDITS);
    line(
      `- Of those edits, the first ${WARMUP_EDITS} (while V8 compiles and optimises the edit path): p50 ${fmt(median(first))} ms, slowest ${fmt(Math.max(...first))} ms; the ${rest.length} after them: p50 ${fmt(median(rest))} ms, p95 ${fmt(p95(rest))} ms. The target's verdict counts all ${proto.edits.length}.`,
    );
  }
  line(
    `- The same edits, diagnostics per publication: ${proto.diagnostics ?? 'n/a'} in the row above (the bench does not mark the workspace trusted, so the certificate files are not opened); in a trusted workspace (\`initializationOptions.trusted\`: the TLS inspector opens the certificate files, the installed broker is asked for its release): ${[
      ['placeholder certificate files (text that is not PEM)', trustedPlaceholder],
      ['valid PEM certificate material made with openssl', trustedPem],
    ]
      .map(([what, r]) =>
        r.error
          ? `${what}: n/a (${r.error.split('\n')[0]})`
          : `${what}, ${r.diagnostics} diagnostics: p50 ${fmt(median(r.edits))} ms, p95 ${fmt(p95(r.edits))} ms`,
      )
      .join('; ')}.`,
  );
  line(
    `- Completion: ${proto.completion.length > 0 ? `**p50 ${fmt(median(proto.completion), 2)} ms, p95 ${fmt(p95(proto.completion), 2)} ms** over ${proto.completion.length} requests` : `n/a (${proto.completionNote})`}.`,
  );
  line(
    `- Completion resolve (the documentation of one item, asked when the editor shows it): ${proto.resolve.length > 0 ? `p50 ${fmt(median(proto.resolve), 2)} ms, p95 ${fmt(p95(proto.resolve), 2)} ms over ${proto.resolve.length} requests` : `n/a (${proto.resolveNote})`}; the completion list was ${proto.completionBytes ? kb(proto.completionBytes) : 'n/a'} of JSON at the empty line.`,
  );
  line(
    `- Hover: ${proto.hover.length > 0 ? `**p50 ${fmt(median(proto.hover), 2)} ms, p95 ${fmt(p95(proto.hover), 2)} ms** over ${proto.hover.length} requests` : `n/a (${proto.hoverNote})`}.`,
  );
}
if (memory.error) {
  line(`- Server memory: n/a (${memory.error})`);
} else {
  line(
    `- Server memory after opening the ${label(memInput.lines)}-line file: peak RSS ${(memory.peakKb / 1024).toFixed(0)} MB (idle after initialize: ${(memory.idleKb / 1024).toFixed(0)} MB; RSS after the first diagnostics ${(memory.rssKb / 1024).toFixed(0)} MB); first diagnostics after ${fmt(memory.openMs)} ms.`,
  );
}
line();
line('## Package');
line();
line('| file | development build | shipped (minified, names kept, no source map) | gzip of shipped |');
line('|---|---:|---:|---:|');
for (const b of bundles) {
  line(
    `| ${b.path} | ${b.size !== undefined ? kb(b.size) : 'missing'} | ${b.shippedSize !== undefined ? kb(b.shippedSize) : 'n/a'} | ${b.gz !== undefined ? kb(b.gz) : ''} |`,
  );
}
line(`| ${vsixNote} | | ${vsix !== undefined ? kb(vsix) : 'n/a (not packaged; run `npm run package`)'} | |`);
line();
if (vsixParts) {
  line(
    `Of the .vsix: bundles ${kb(vsixParts.bundles)} (the desktop and the web extension each have a client and a server bundle), README images ${kb(vsixParts.images)}, everything else ${kb(vsixParts.other)}.${productionNote ? ` ${productionNote}` : ''}`,
  );
  line();
}
line('Extension activation time: n/a here (it needs a running VS Code; the integration harness measures it when available).');
line();
line('## Targets');
line();
const big = rows.find((r) => r.input.lines === 100_000) ?? rows[rows.length - 1];
const bigRatio = ratios[big.input.lines];
const verdict = (ok) => (ok === undefined ? 'n/a' : ok ? 'met' : '**not met**');
const targetRows = [
  [
    `In-process analysis of ${label(big.input.lines)} lines ≤ broker whole process (ratio ≤ ${TARGETS.inProcessVsBroker})`,
    fmtRatio(bigRatio.oursVsBroker),
    brokerVersion ? verdict(bigRatio.oursVsBroker <= TARGETS.inProcessVsBroker) : 'n/a',
  ],
  [
    `CLI ≤ ${TARGETS.cliVsBroker}× broker (${label(big.input.lines)} lines)`,
    fmtRatio(bigRatio.cliVsBroker),
    brokerVersion ? verdict(bigRatio.cliVsBroker <= TARGETS.cliVsBroker) : 'n/a',
  ],
  [
    `CLI ≤ ${TARGETS.cliStartVsNode}× \`node -e 0\` (${smallInput.lines}-line file, whole process)`,
    fmtRatio(startupRatio),
    verdict(startupRatio <= TARGETS.cliStartVsNode),
  ],
  [
    `Edit → diagnostics p95 ≤ ${TARGETS.editP95} ms (${label(protoInput.lines)} lines)`,
    proto.edits.length ? `${fmt(p95(proto.edits))} ms` : 'n/a',
    proto.edits.length ? verdict(p95(proto.edits) <= TARGETS.editP95) : 'n/a',
  ],
  ...[
    ['trusted workspace, placeholder certificate files', trustedPlaceholder],
    ['trusted workspace, valid PEM certificates', trustedPem],
  ].map(([what, r]) => [
    `Edit → diagnostics p95 (${label(protoInput.lines)} lines, ${what}${r.diagnostics !== undefined ? `, ${r.diagnostics} diagnostics` : ''}; for information)`,
    r.edits.length ? `${fmt(p95(r.edits))} ms` : `n/a (${(r.error ?? 'no samples').split('\n')[0]})`,
    r.edits.length ? (p95(r.edits) <= TARGETS.editP95 ? 'within' : 'over') : 'n/a',
  ]),
  [
    `Completion p95 ≤ ${TARGETS.requestP95} ms`,
    proto.completion.length ? `${fmt(p95(proto.completion), 2)} ms` : 'n/a',
    proto.completion.length ? verdict(p95(proto.completion) <= TARGETS.requestP95) : 'n/a',
  ],
  [
    `Hover p95 ≤ ${TARGETS.requestP95} ms`,
    proto.hover.length ? `${fmt(p95(proto.hover), 2)} ms` : 'n/a',
    proto.hover.length ? verdict(p95(proto.hover) <= TARGETS.requestP95) : 'n/a',
  ],
  [
    `Server RSS after opening ${label(memInput.lines)} lines ≤ ${TARGETS.rssMb} MB`,
    memory.error ? 'n/a' : `${(memory.rssKb / 1024).toFixed(0)} MB (peak ${(memory.peakKb / 1024).toFixed(0)} MB)`,
    memory.error ? 'n/a' : verdict(memory.rssKb / 1024 <= TARGETS.rssMb),
  ],
  [
    `.vsix ≤ ${TARGETS.vsixKb} KB (issue 7's threshold)`,
    vsix !== undefined ? kb(vsix) : 'n/a',
    vsix !== undefined ? verdict(vsix / 1024 <= TARGETS.vsixKb) : 'n/a',
  ],
];
line('| target | measured | verdict |');
line('|---|---:|---|');
for (const [t, m, v] of targetRows) {
  line(`| ${t} | ${m} | ${v} |`);
}
if (profileSummary) {
  line();
  line(`## Profile: in-process analysis of ${label(inputs[inputs.length - 1].lines)} lines`);
  line();
  line(
    `\`node --cpu-prof scripts/bench/analyze-file.mjs\` (${quick ? 2 : 3} analyses, the first one cold). Self time by area, built-ins and GC attributed to the service function that called them:`,
  );
  line();
  const gc = profileSummary.areas.find((a) => a.name === 'garbage collection');
  line(
    `Garbage collection: **${gc ? `${fmt(gc.ms)} ms, ${(gc.share * 100).toFixed(1)}%` : 'not sampled'}** of the ${fmt(profileSummary.analysisMs)} ms the analyses took in the profile.`,
  );
  line();
  line('| area | ms | share |');
  line('|---|---:|---:|');
  for (const a of profileSummary.areas) {
    line(`| ${a.name} | ${fmt(a.ms)} | ${(a.share * 100).toFixed(1)}% |`);
  }
  line();
  line('Top functions by self time:');
  line();
  line('| function | ms | share |');
  line('|---|---:|---:|');
  for (const f of profileSummary.functions) {
    line(`| ${f.name.replace(/\|/g, '\\|')} | ${fmt(f.ms)} | ${(f.share * 100).toFixed(1)}% |`);
  }
}
line();
line(`_Bench run time: ${((Date.now() - started) / 1000).toFixed(0)} s._`);

const report = out.join('\n');
process.stdout.write(`${report}\n`);
if (write) {
  const docPath = join(root, 'docs/benchmarks.md');
  const previous = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
  // Hand-written analysis lives below this marker and is kept across runs.
  const marker = '<!-- analysis: kept across bench runs -->';
  const kept = previous.includes(marker) ? previous.slice(previous.indexOf(marker)) : marker;
  writeFileSync(docPath, `${report}\n\n${kept.trimEnd()}\n`);
  log(`[bench] wrote ${docPath}`);
}
if (floorSink < 0) {
  log('unreachable');
}
