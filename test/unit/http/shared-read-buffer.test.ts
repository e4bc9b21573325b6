/**
 * Plain TCP connections read into one buffer shared by every socket of the thread
 * (`socket-connect.ts`), so what a response keeps (its header block, its body) must be copied
 * out of it. Many users read distinct responses at once here, each read overwriting the buffer,
 * and every response must still hold its own bytes after all of them have arrived.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/protocols/http/index.js';
import { ResponseParser, type ResponseSink } from '../../../src/protocols/http/response-parser.js';
import { FakeRecorder } from './fake-recorder.js';
import { startServer, type TestServer } from './test-server.js';

let server: TestServer;

/** A body of `size` bytes that says which request it answers in every line. */
function bodyFor(id: number, size: number): string {
  const line = `response ${id} `.padEnd(31, '.') + '\n';
  return line.repeat(Math.ceil(size / line.length)).slice(0, size);
}

beforeAll(async () => {
  server = await startServer((req, res) => {
    const match = /^\/r\/(\d+)\/(\d+)(\/chunked)?$/.exec(req.url ?? '');
    const id = Number(match?.[1]);
    const body = bodyFor(id, Number(match?.[2]));
    res.setHeader('x-answer', `answer-${id}`);
    if (match?.[3] === undefined) res.setHeader('content-length', Buffer.byteLength(body));
    res.end(body);
  });
});

afterAll(async () => {
  await server.close();
});

describe('responses read through the shared buffer', () => {
  it('keep their own headers and bodies while other sockets read after them', async () => {
    const users = Array.from({ length: 20 }, () => new HttpClient({ baseUrl: server.url, recorder: new FakeRecorder() }));
    try {
      // Small bodies (one read each), bodies over several reads, and chunked ones.
      const sizes = [40, 3_000, 150_000];
      const responses = await Promise.all(
        users.flatMap((http, id) =>
          sizes.map(async (size, k) => {
            const path = `/r/${id}/${size}${k === 1 ? '/chunked' : ''}`;
            return { id, size, res: await http.get(path) };
          }),
        ),
      );
      for (const { id, size, res } of responses) {
        expect(res.status).toBe(200);
        expect(res.headers['x-answer']).toBe(`answer-${id}`);
        expect(res.text()).toBe(bodyFor(id, size));
      }
    } finally {
      await Promise.all(users.map((http) => http.destroy()));
    }
  });
});

describe('the parser over transient chunks', () => {
  /** A sink that keeps what it is given, as the contract allows: the head block as is, body chunks copied when transient. */
  class Keeper implements ResponseSink {
    block: Buffer | undefined;
    body: Buffer[] = [];
    transientFlags: boolean[] = [];
    onResponseHead(_status: number, _text: string, block: Buffer): void {
      this.block = block;
    }
    onResponseBody(chunk: Buffer, transient: boolean): void {
      this.transientFlags.push(transient);
      this.body.push(transient ? Buffer.from(chunk) : chunk);
    }
    onResponseEnd(): void {}
  }

  const response = Buffer.from('HTTP/1.1 200 OK\r\nx-a: 1\r\ncontent-length: 5\r\n\r\nhello', 'latin1');

  it('copies the header block out of a chunk that will be reused, and marks body chunks transient', () => {
    const sink = new Keeper();
    const parser = new ResponseParser(sink, true);
    const chunk = Buffer.from(response);
    parser.expect(false);
    parser.execute(chunk);
    chunk.fill(0x21);
    expect(sink.block?.toString('latin1')).toBe('x-a: 1\r\ncontent-length: 5\r\n');
    expect(sink.transientFlags).toEqual([true]);
    expect(Buffer.concat(sink.body).toString()).toBe('hello');
  });

  it('hands out views of chunks it may keep, with no copy', () => {
    const sink = new Keeper();
    const parser = new ResponseParser(sink);
    const chunk = Buffer.from(response);
    parser.expect(false);
    parser.execute(chunk);
    expect(sink.block?.buffer).toBe(chunk.buffer);
    expect(sink.transientFlags).toEqual([false]);
  });
});
