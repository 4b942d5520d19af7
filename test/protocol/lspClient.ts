/**
 * A small LSP client for protocol tests: spawns `node server/bin/mosquitto-language-server
 * --stdio` and speaks JSON-RPC over its stdin/stdout. Every wait is on a condition (a response,
 * a notification that matches, the process exiting), bounded by a timeout; never a fixed sleep.
 *
 *   const client = await LspClient.start();
 *   await client.initialize(VS_CODE_CAPABILITIES);
 *   client.openDocument(uri, text);
 *   const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
 *   ...
 *   assert.equal(await client.shutdownAndExit(), 0);
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ClientCapabilities, InitializeResult, PublishDiagnosticsParams, TextDocumentContentChangeEvent, WorkspaceEdit } from 'vscode-languageserver';

/** The repository root (this file runs from out/test/protocol/). */
export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');
/** The server as users start it. */
export const SERVER_BIN = join(REPOSITORY_ROOT, 'server', 'bin', 'mosquitto-language-server');
/** Default time to wait for a response, a notification or the process to exit. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** What an ordinary VS Code declares (the parts the server looks at). */
export const VS_CODE_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, applyEdit: true, workspaceEdit: { documentChanges: true } },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    completion: {
      completionItem: {
        snippetSupport: true,
        documentationFormat: ['markdown', 'plaintext'],
        deprecatedSupport: true,
        tagSupport: { valueSet: [1] },
        insertReplaceSupport: true,
        labelDetailsSupport: true,
        resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
      },
      completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
      contextSupport: true,
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      codeActionLiteralSupport: {
        codeActionKind: {
          valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports'],
        },
      },
      isPreferredSupport: true,
      dataSupport: true,
    },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { lineFoldingOnly: true },
    documentLink: { tooltipSupport: true },
    formatting: {},
    rangeFormatting: {},
  },
};

/** A bare-bones client: plaintext only, no snippets, no CodeAction literals, no workspace/configuration. */
export const PLAIN_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: {},
    completion: { completionItem: { snippetSupport: false } },
    hover: { contentFormat: ['plaintext'] },
    codeAction: {},
    publishDiagnostics: {},
  },
};

interface Message {
  readonly jsonrpc: '2.0';
  readonly id?: number | string | null;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string; readonly data?: unknown };
}

/** An error response from the server. */
export class ResponseError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

interface Waiter {
  readonly matches: (message: Message) => boolean;
  readonly resolve: (message: Message) => void;
}

type RequestHandler = (params: unknown) => unknown;

export interface LspClientOptions {
  /** Extra command-line arguments after `--stdio`. */
  readonly args?: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Settings returned for `workspace/configuration` (section `mosquitto`). */
  readonly settings?: unknown;
  /** The server script to run (default: the repository's bin script). */
  readonly serverBin?: string;
}

export class LspClient {
  /** Everything the server wrote to stderr (its console output in --stdio mode). */
  stderr = '';
  /** Notifications received so far, in order. */
  readonly received: Message[] = [];
  /** Requests the server sent to the client so far, in order. */
  readonly serverRequests: Message[] = [];
  /** WorkspaceEdits the server asked the client to apply. */
  readonly appliedEdits: WorkspaceEdit[] = [];
  /** Settings answered to `workspace/configuration`. */
  settings: unknown;

  private nextId = 1;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly waiters = new Set<Waiter>();
  private readonly handlers = new Map<string, RequestHandler>();
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    options: LspClientOptions,
  ) {
    this.settings = options.settings ?? {};
    child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        for (const { reject } of this.pending.values()) {
          reject(new Error(`the server exited (code ${String(code)}, signal ${String(signal)}) before answering\n${this.stderrTail()}`));
        }
        this.pending.clear();
        resolve({ code, signal });
      });
    });
    this.onRequest('workspace/configuration', (params) => {
      const items = (params as { items?: unknown[] } | undefined)?.items ?? [];
      return items.map(() => this.settings);
    });
    this.onRequest('client/registerCapability', () => null);
    this.onRequest('client/unregisterCapability', () => null);
    this.onRequest('window/workDoneProgress/create', () => null);
    this.onRequest('workspace/applyEdit', (params) => {
      this.appliedEdits.push((params as { edit: WorkspaceEdit }).edit);
      return { applied: true };
    });
  }

  /** Spawns the server with `--stdio`. */
  static async start(options: LspClientOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [options.serverBin ?? SERVER_BIN, '--stdio', ...(options.args ?? [])], {
      cwd: options.cwd ?? REPOSITORY_ROOT,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // A write racing the server's exit (an answer to its last request) fails with EPIPE: the
    // server is gone, which the tests observe through waitForExit; other errors still surface.
    child.stdin.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') {
        throw error;
      }
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.once('error', reject);
    });
    return new LspClient(child, options);
  }

  /** Answers server-to-client requests of this method (replaces the default answer). */
  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  /** Sends a request and resolves with its result (rejects with ResponseError on an error response). */
  request<R>(method: string, params?: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<R> {
    const id = this.nextId++;
    const result = new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms\n${this.stderrTail()}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as R);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
    this.send({ jsonrpc: '2.0', id, method, params });
    return result;
  }

  notify(method: string, params?: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /**
   * The first notification of `method` (already received or still to come) whose params
   * match `predicate`.
   */
  waitForNotification<P>(method: string, predicate: (params: P) => boolean = () => true, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<P> {
    return this.waitForMessage(this.received, method, (m) => m.id === undefined && predicate(m.params as P), timeoutMs).then((m) => m.params as P);
  }

  /**
   * The first request of `method` the server sent to the client (already received or still to
   * come) whose params match; it has been answered (see onRequest) by the time this resolves.
   */
  waitForRequest<P>(method: string, predicate: (params: P) => boolean = () => true, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<P> {
    return this.waitForMessage(this.serverRequests, method, (m) => m.id !== undefined && predicate(m.params as P), timeoutMs).then((m) => m.params as P);
  }

  private waitForMessage(history: readonly Message[], method: string, accept: (message: Message) => boolean, timeoutMs: number): Promise<Message> {
    const matches = (message: Message): boolean => message.method === method && accept(message);
    const seen = history.find(matches);
    if (seen) {
      return Promise.resolve(seen);
    }
    return new Promise<Message>((resolve, reject) => {
      const waiter: Waiter = {
        matches,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const got = history
          .filter((m) => m.method === method)
          .map((m) => JSON.stringify(m.params))
          .slice(-3)
          .join('\n');
        reject(new Error(`no matching ${method} within ${timeoutMs} ms; last received:\n${got}\n${this.stderrTail()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Notifications of one method received so far. */
  notifications<P>(method: string): P[] {
    return this.received.filter((m) => m.method === method).map((m) => m.params as P);
  }

  /** initialize + initialized; resolves with the server's InitializeResult. */
  async initialize(
    capabilities: ClientCapabilities = VS_CODE_CAPABILITIES,
    initializationOptions?: unknown,
    workspaceFolders: readonly { uri: string; name: string }[] | null = null,
  ): Promise<InitializeResult> {
    const result = await this.request<InitializeResult>('initialize', {
      processId: process.pid,
      clientInfo: { name: 'protocol-tests' },
      rootUri: null,
      capabilities,
      initializationOptions,
      workspaceFolders,
    });
    this.notify('initialized', {});
    return result;
  }

  openDocument(uri: string, text: string, version = 1, languageId = 'mosquitto-conf'): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  changeDocument(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  saveDocument(uri: string): void {
    this.notify('textDocument/didSave', { textDocument: { uri } });
  }

  closeDocument(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** The first diagnostics published for `uri` that match (e.g. `(p) => p.version === 2`). */
  waitForDiagnostics(
    uri: string,
    predicate: (params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && predicate(p), timeoutMs);
  }

  /** shutdown, then exit; resolves with the process exit code. */
  async shutdownAndExit(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number | null> {
    await this.request('shutdown', undefined, timeoutMs);
    this.notify('exit');
    return (await this.waitForExit(timeoutMs)).code;
  }

  /** Resolves when the process exits (rejects after the timeout). */
  async waitForExit(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the server did not exit within ${timeoutMs} ms\n${this.stderrTail()}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends the process if it still runs (for test teardown). */
  dispose(): void {
    if (!this.exitInfo) {
      this.child.kill();
    }
  }

  private stderrTail(): string {
    const tail = this.stderr.split('\n').slice(-20).join('\n');
    return tail.trim().length > 0 ? `server stderr:\n${tail}` : '(nothing on stderr)';
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) {
        return;
      }
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: *(\d+)/i.exec(header);
      if (!m) {
        throw new Error(`bad header from the server: ${header}`);
      }
      const length = Number(m[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) {
        return;
      }
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      void this.answer(message).then(() => {
        this.serverRequests.push(message);
        this.notifyWaiters(message);
      });
      return;
    }
    if (message.method !== undefined) {
      this.received.push(message);
      this.notifyWaiters(message);
      return;
    }
    const pending = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
    if (!pending || typeof message.id !== 'number') {
      return;
    }
    this.pending.delete(message.id);
    if (message.error) {
      pending.reject(new ResponseError(message.error.code, message.error.message, message.error.data));
    } else {
      pending.resolve(message.result ?? null);
    }
  }

  private notifyWaiters(message: Message): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.matches(message)) {
        this.waiters.delete(waiter);
        waiter.resolve(message);
      }
    }
  }

  private async answer(message: Message): Promise<void> {
    const handler = this.handlers.get(message.method ?? '');
    if (!handler) {
      this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: `protocol tests do not handle ${message.method ?? ''}` } });
      return;
    }
    try {
      this.send({ jsonrpc: '2.0', id: message.id, result: (await handler(message.params)) ?? null });
    } catch (error) {
      this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error) } });
    }
  }
}
