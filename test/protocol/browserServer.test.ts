/**
 * The web extension's server bundle (server/dist/browserServer.js) in a worker: a Node worker
 * thread stands in for the browser's web worker (its `self`: postMessage and onmessage carry
 * JSON-RPC messages as objects, as BrowserMessageReader/Writer expect). Also checks that the
 * browser bundles load no Node module, since a browser has none.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, suite, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { CompletionItem, CompletionList, Hover, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver';
import { PLAIN_CAPABILITIES, REPOSITORY_ROOT } from './lspClient';

const bundle = path.join(REPOSITORY_ROOT, 'server', 'dist', 'browserServer.js');

/** Runs the bundle with a web-worker-like `self` around the worker thread's port. */
// The worker's own code may use Node; the bundle below sees only the globals a browser has.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const vm = require('node:vm');
const port = {
  postMessage: (message) => parentPort.postMessage(message),
  addEventListener: () => undefined,
  set onmessage(listener) { parentPort.on('message', (data) => listener({ data })); },
};
// A fresh context with only globals a web worker has: no require, module, process, Buffer,
// __dirname or __filename, so a bundle that still needs Node fails here as in a browser.
const browserGlobals = { self: port, console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, TextEncoder, TextDecoder, URL, URLSearchParams, performance, atob, btoa, structuredClone };
vm.runInNewContext(require('node:fs').readFileSync(workerData.bundle, 'utf8'), browserGlobals, { filename: workerData.bundle });
`;

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

let worker: Worker;
const received: Message[] = [];
const waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
let nextId = 1;

function waitFor(match: (m: Message) => boolean): Promise<Message> {
  const found = received.find(match);
  if (found) {
    return Promise.resolve(found);
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching message from the browser server within 10 s')), 10_000);
    waiters.push({
      match,
      resolve: (m) => {
        clearTimeout(timer);
        resolve(m);
      },
    });
  });
}

async function request<T>(method: string, params: unknown): Promise<T> {
  const id = nextId++;
  worker.postMessage({ jsonrpc: '2.0', id, method, params });
  const answer = await waitFor((m) => m.id === id && m.method === undefined);
  assert.equal(answer.error, undefined, answer.error?.message);
  return answer.result as T;
}

function notify(method: string, params: unknown): void {
  worker.postMessage({ jsonrpc: '2.0', method, params });
}

before(() => {
  worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bundle } });
  worker.on('message', (message: Message) => {
    if (message.method !== undefined && message.id !== undefined) {
      worker.postMessage({ jsonrpc: '2.0', id: message.id, result: null }); // server-to-client requests
    }
    received.push(message);
    for (const waiter of waiters.filter((w) => w.match(message))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  });
});
after(() => worker.terminate());

const URI = 'vscode-vfs://github/example/broker/mosquitto.conf';
const TEXT = 'listener 1883\nallow_anonymous yes\ncafile /etc/mosquitto/ca.crt\n\n';

suite('web extension: browser server bundle in a worker', () => {
  test('the browser bundles load no Node module', () => {
    for (const file of [bundle, path.join(REPOSITORY_ROOT, 'client', 'dist', 'browserExtension.js')]) {
      const required = [...readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
      assert.deepEqual(
        [...new Set(required)].filter((name) => name !== 'vscode'),
        [],
        file,
      );
    }
  });

  test('initialize: the same server, named and versioned', async () => {
    const init = await request<InitializeResult>('initialize', {
      processId: null,
      rootUri: null,
      capabilities: PLAIN_CAPABILITIES,
      initializationOptions: { trusted: false, diagnosticsDelay: 0, settings: { checkPaths: false, brokerVersion: '2.0' } },
    });
    assert.equal(init.serverInfo?.name, 'mosquitto-language-server');
    assert.ok(init.capabilities.hoverProvider);
    notify('initialized', {});
  });

  test('diagnostics for a document of a virtual file system (no disk)', async () => {
    notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'mosquitto-conf', version: 1, text: TEXT } });
    const published = (await waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishDiagnosticsParams).uri === URI))
      .params as PublishDiagnosticsParams;
    const codes = published.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}`);
    assert.ok(codes.includes('invalid-boolean@1'), codes.join());
    assert.ok(!codes.some((c) => c.startsWith('path-not-found')), 'no path checks without a disk');
  });

  test('hover and completion come from the pure service', async () => {
    const hover = await request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 3 } });
    assert.match(JSON.stringify(hover.contents), /allow_anonymous/);
    const completion = await request<CompletionList | CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: 3, character: 0 },
    });
    const labels = (Array.isArray(completion) ? completion : completion.items).map((i) => i.label);
    assert.ok(labels.includes('password_file'), labels.slice(0, 10).join());
  });
});
