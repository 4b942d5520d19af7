import * as assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { suite, test } from 'node:test';
import { OneWriteMessageWriter } from '../../server/src/stdioWriter';

suite('stdio message writer', () => {
  test('each message is one write: the Content-Length header (in bytes) and the JSON body together, in order', async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const writer = new OneWriteMessageWriter(sink);
    const first = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'größer' } } as const;
    const second = { jsonrpc: '2.0', id: 1, result: null } as const;
    await Promise.all([writer.write(first), writer.write(second)]);
    assert.equal(chunks.length, 2);
    const parse = (chunk: Buffer): { length: number; body: unknown } => {
      const text = chunk.toString('utf8');
      const m = /^Content-Length: (\d+)\r\n\r\n/.exec(text);
      assert.ok(m, text);
      const body = chunk.subarray(Buffer.byteLength(m[0]));
      assert.equal(body.byteLength, Number(m[1]));
      return { length: Number(m[1]), body: JSON.parse(body.toString('utf8')) };
    };
    assert.deepEqual(parse(chunks[0]).body, first);
    assert.deepEqual(parse(chunks[1]).body, second);
  });

  test('a failing write rejects and is reported as an error of the writer', async () => {
    const sink = new Writable({
      write(_chunk, _encoding, done) {
        done(new Error('pipe closed'));
      },
    });
    sink.on('error', () => undefined);
    const writer = new OneWriteMessageWriter(sink);
    const errors: unknown[] = [];
    writer.onError((e) => errors.push(e));
    const message = { jsonrpc: '2.0', method: 'x' } as const;
    await assert.rejects(writer.write(message), /pipe closed/);
    assert.ok(errors.length >= 1);
  });
});
