// A minimal JSON-RPC client over stdio for the benchmark: Content-Length framing,
// requests with ids, notifications, and waiting on incoming messages with deadlines.
import { spawn } from 'node:child_process';

export class LspClient {
  /** Starts `node [nodeArgs] <serverScript> --stdio`. */
  constructor(nodePath, serverScript, { cwd, nodeArgs = [] } = {}) {
    this.child = spawn(nodePath, [...nodeArgs, serverScript, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.buffer = Buffer.alloc(0);
    this.stderr = '';
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    this.child.stdout.on('data', (chunk) => this.onData(chunk));
    this.child.stderr.on('data', (chunk) => {
      this.stderr += chunk;
      if (this.stderr.length > 100_000) {
        this.stderr = this.stderr.slice(-50_000);
      }
    });
    this.child.stdin.on('error', () => {});
  }

  get pid() {
    return this.child.pid;
  }

  onData(chunk) {
    // Chunks are joined only once a whole message is there: joining on every chunk would copy
    // a large message (a big publishDiagnostics) quadratically often.
    this.chunks ??= [];
    this.chunks.push(chunk);
    this.chunkBytes = (this.chunkBytes ?? 0) + chunk.length;
    if (this.needed !== undefined && this.chunkBytes < this.needed) {
      return;
    }
    this.buffer = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    this.chunks = [this.buffer];
    this.chunkBytes = this.buffer.length;
    this.needed = undefined;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) {
        return;
      }
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: *(\d+)/i.exec(header);
      if (!m) {
        throw new Error(`bad header from server: ${header}`);
      }
      const length = Number(m[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) {
        this.needed = start + length;
        return;
      }
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.chunks = [this.buffer];
      this.chunkBytes = this.buffer.length;
      this.onMessage(JSON.parse(body));
    }
  }

  onMessage(message) {
    const received = process.hrtime.bigint();
    if (message.id !== undefined && message.method === undefined) {
      const pending = this.pending.get(message.id);
      if (pending) {
        this.pending.delete(message.id);
        pending.resolve({ ...message, received });
      }
      return;
    }
    if (message.id !== undefined && message.method !== undefined) {
      // A request from the server: answer the usual ones so it never waits on us.
      const result = message.method === 'workspace/configuration' ? (message.params?.items ?? []).map(() => null) : null;
      this.send({ jsonrpc: '2.0', id: message.id, result });
    }
    for (const listener of [...this.listeners]) {
      listener(message, received);
    }
  }

  send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Sends a request; resolves with the whole response message (result or error) plus `received`. */
  request(method, params, timeoutMs = 60_000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first incoming notification that satisfies `predicate`, or rejects at the deadline. */
  waitFor(predicate, timeoutMs = 60_000, what = 'message') {
    return new Promise((resolve, reject) => {
      const listener = (message, received) => {
        if (predicate(message)) {
          clearTimeout(timer);
          this.listeners.delete(listener);
          resolve({ message, received });
        }
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  async initialize(initializationOptions) {
    const response = await this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          // As VS Code declares it: markdown documentation, resolved per item when shown; list-wide defaults.
          completion: {
            completionItem: {
              snippetSupport: true,
              documentationFormat: ['markdown', 'plaintext'],
              resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
            },
            completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
          },
          publishDiagnostics: { versionSupport: true },
        },
        workspace: { configuration: false },
      },
      initializationOptions,
    });
    if (response.error) {
      throw new Error(`initialize failed: ${response.error.message}`);
    }
    this.notify('initialized', {});
    return response.result;
  }

  async shutdown(timeoutMs = 10_000) {
    try {
      await this.request('shutdown', null, timeoutMs);
      this.notify('exit', null);
    } catch {
      // fall through to kill
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const result = await this.exited;
    clearTimeout(timer);
    return result;
  }
}
