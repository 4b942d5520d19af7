import type { CancellationToken, Connection, ResponseError } from 'vscode-languageserver/node';
import { ErrorCodes, LSPErrorCodes, ResponseError as RpcError } from 'vscode-languageserver/node';

/**
 * Runs handlers safely for one server: cancellation is honoured, errors are logged with the
 * URI and a default result is returned instead of failing the request. After the shutdown
 * request every request fails and nothing is published (LSP).
 */
export class Runner {
  private stopped = false;

  constructor(private readonly connection: Connection) {}

  /** The shutdown request arrived. */
  get isShutDown(): boolean {
    return this.stopped;
  }

  /** Marks the server as shutting down. */
  shutDown(): void {
    this.stopped = true;
  }

  /** Runs one handler: `fallback` when it throws, an LSP error when cancelled or shut down. */
  run<T>(label: string, uri: string, fallback: T, token: CancellationToken | undefined, work: () => T): T | ResponseError<void> {
    if (this.stopped) {
      return new RpcError(ErrorCodes.InvalidRequest, 'The server is shutting down');
    }
    if (token?.isCancellationRequested) {
      return new RpcError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
    }
    try {
      return work();
    } catch (error) {
      this.logError(`${label} failed for ${uri}`, error);
      return fallback;
    }
  }

  /** Logs an error with its stack to the client's console (never stdout). */
  logError(what: string, error: unknown): void {
    this.connection.console.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
