#!/usr/bin/env node
// Server memory as `npm run bench` measures it (memoryBench in run.mjs): start the stdio server,
// initialize with diagnosticsDelay 0, open the generated N-line file, wait for its first
// publishDiagnostics and read VmRSS / VmHWM from /proc. Repeated, with the median.
// With --edits=N: also N single-character edits in the middle (as run.mjs's protocol bench:
// append/remove a character on a `max_connections` line), edit -> publishDiagnostics p50/p95,
// to check that a launch flag that saves memory costs no edit latency (use --lines=10000).
// Usage: node scripts/bench/memory.mjs [--lines=100000] [--runs=5] [--edits=0] [--node-args="--flag ..."]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateConfig } from './generate.mjs';
import { LspClient } from './lsp-client.mjs';

const arg = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
const lines = Number(arg('lines', '100000'));
const runs = Number(arg('runs', '5'));
const editCount = Number(arg('edits', '0'));
const nodeArgs = arg('node-args', '').split(' ').filter(Boolean);
const root = join(import.meta.dirname, '..', '..');
const serverBin = join(root, 'server/bin/mosquitto-language-server');
// The same fixtures as run.mjs: existing certificate files, the config written to disk.
const tmp = mkdtempSync(join(os.tmpdir(), 'mosquitto-memory-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const certDir = join(tmp, 'certs');
mkdirSync(certDir);
for (const name of ['ca.crt', 'server.crt', 'server.key', 'passwd', 'acl']) {
  writeFileSync(join(certDir, name), `${name}\n`);
}
const text = generateConfig(lines, { certDir });
const file = join(tmp, `bench-${lines}.conf`);
writeFileSync(file, text);

function status(pid) {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const get = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN) / 1024;
  return { hwm: get('VmHWM'), rss: get('VmRSS') };
}

const samples = [];
const edits = [];
for (let i = 0; i < runs; i++) {
  const client = new LspClient(process.execPath, serverBin, { cwd: root, nodeArgs });
  try {
    await client.initialize({ diagnosticsDelay: 0 });
    const idle = status(client.pid);
    const uri = pathToFileURL(file).href;
    const waiting = client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri, 120_000, 'diagnostics');
    const t = performance.now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'mosquitto-conf', version: 1, text } });
    const got = await waiting;
    const openMs = performance.now() - t;
    const after = status(client.pid);
    if (editCount > 0) {
      const all = text.split('\n');
      const mid = Math.floor(all.length / 2);
      let line = mid;
      while (!/^max_connections \d+$/.test(all[line] ?? '')) {
        line++;
      }
      const end = all[line].length;
      for (let e = 0, version = 1; e < editCount; e++) {
        version++;
        const change =
          e % 2 === 0
            ? { range: { start: { line, character: end }, end: { line, character: end } }, text: 'x' }
            : { range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: '' };
        const v = version;
        const w = client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === v, 60_000, 'edit');
        const te = performance.now();
        client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        await w;
        edits.push(performance.now() - te);
      }
    }
    samples.push({ idle: idle.hwm, peak: after.hwm, rss: after.rss, openMs, diagnostics: got.message.params.diagnostics.length });
    console.log(
      `run ${i + 1}: idle ${idle.hwm.toFixed(0)} MB, peak ${after.hwm.toFixed(0)} MB, rss ${after.rss.toFixed(0)} MB, first diagnostics ${openMs.toFixed(0)} ms (${got.message.params.diagnostics.length})`,
    );
  } finally {
    await client.shutdown().catch(() => client.child.kill('SIGKILL'));
  }
}
const median = (k) => samples.map((s) => s[k]).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
console.log(
  `median of ${runs}${nodeArgs.length ? ` (${nodeArgs.join(' ')})` : ''}: rss ${median('rss').toFixed(1)} MB, peak ${median('peak').toFixed(1)} MB, idle ${median('idle').toFixed(1)} MB, open ${median('openMs').toFixed(0)} ms`,
);
if (edits.length > 0) {
  edits.sort((a, b) => a - b);
  const q = (p) => edits[Math.min(edits.length - 1, Math.floor(p * edits.length))];
  console.log(`edits (${edits.length}): p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms`);
}
