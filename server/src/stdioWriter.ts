import type { Message, MessageWriter } from 'vscode-languageserver/node';
import { AbstractMessageWriter } from 'vscode-languageserver/node';

/**
 * Writes each JSON-RPC message to stdout as one write: header and body together. The library's
 * stream writer writes the header, waits for that write to complete (an event-loop turn) and
 * only then writes the body, so every message took two writes and reached the client in two
 * parts, the second one later than it could.
 */
export class OneWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: unknown) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let body: Buffer;
    try {
      body = Buffer.from(JSON.stringify(msg, undefined, 0), 'utf8');
    } catch (error) {
      this.fireError(error);
      return Promise.reject(error);
    }
    const header = Buffer.from(`Content-Length: ${body.byteLength}\r\n\r\n`, 'ascii');
    return new Promise((resolve, reject) => {
      this.stream.write(Buffer.concat([header, body]), (error?: Error | null) => {
        if (error) {
          this.errorCount++;
          this.fireError(error, msg, this.errorCount);
          reject(error);
        } else {
          resolve();
        }
      });
    });
  }

  end(): void {
    this.stream.end();
  }
}
