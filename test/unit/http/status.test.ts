import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/protocols/http/index.js';
import { FakeRecorder } from './fake-recorder.js';
import { startServer, type TestServer } from './test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const status = Number(/\/status\/(\d+)/.exec(req.url ?? '')?.[1] ?? 200);
    res.statusCode = status;
    if (status === 302) res.setHeader('location', '/elsewhere');
    res.end();
  });
});
afterAll(() => server.close());

describe('status handling', () => {
  it('counts statuses below 400 as success by default', async () => {
    const recorder = new FakeRecorder();
    const http = new HttpClient({ baseUrl: server.url, recorder });
    for (const status of [200, 201, 204, 302, 304]) {
      // `redirects: 0`: the 302 (which has a location) is the response, not followed.
      const res = await http.get(`/status/${status}`, { redirects: 0 });
      expect(res.status).toBe(status);
      expect(res.failed).toBe(false);
    }
    expect(recorder.records.map((r) => [r.status, r.failed])).toEqual([
      [200, false],
      [201, false],
      [204, false],
      [302, false],
      [304, false],
    ]);
    expect(recorder.errors).toEqual([]);
    await http.close();
  });

  it('fails 4xx/5xx with a grouped `HTTP <status> <reason>` error', async () => {
    const recorder = new FakeRecorder();
    const http = new HttpClient({ baseUrl: server.url, recorder });
    const res = await http.get('/status/500');
    expect(res.status).toBe(500);
    expect(res.ok).toBe(false);
    expect(res.failed).toBe(true);
    expect(res.error).toBeUndefined();
    await http.get('/status/404');
    await http.get('/status/500');
    expect(recorder.records.map((r) => [r.status, r.failed])).toEqual([
      [500, true],
      [404, true],
      [500, true],
    ]);
    expect(recorder.errors.map((e) => [recorder.rowOf(e).name, e.kind, e.message])).toEqual([
      ['/status/500', 'request', 'HTTP 500 Internal Server Error'],
      ['/status/404', 'request', 'HTTP 404 Not Found'],
      ['/status/500', 'request', 'HTTP 500 Internal Server Error'],
    ]);
    await http.close();
  });

  it('lets `expect` replace the expected statuses', async () => {
    const recorder = new FakeRecorder();
    const http = new HttpClient({ baseUrl: server.url, recorder });
    expect((await http.get('/status/429', { expect: [200, 429] })).failed).toBe(false);
    expect((await http.get('/status/404', { expect: 404 })).failed).toBe(false);
    expect((await http.get('/status/200', { expect: 201 })).failed).toBe(true);
    expect((await http.get('/status/302', { expect: [200], redirects: 0 })).failed).toBe(true);
    expect(recorder.records.map((r) => r.failed)).toEqual([false, false, true, true]);
    expect(recorder.errors.map((e) => e.message)).toEqual(['HTTP 200 OK', 'HTTP 302 Found']);
    await http.close();
  });
});

/** A raw TCP server answering one fixed response, so the bytes on the wire are known exactly. */
describe('byte counts', () => {
  const RESPONSE = 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Thing: abc\r\n\r\nhello';
  let raw: Server;
  let port = 0;
  const received: string[] = [];

  beforeAll(async () => {
    raw = createServer((socket: Socket) => {
      let buffer = '';
      socket.setEncoding('latin1');
      socket.on('data', (data: string) => {
        buffer += data;
        for (;;) {
          const end = buffer.indexOf('\r\n\r\n');
          if (end === -1) return;
          const length = Number(/content-length: (\d+)/i.exec(buffer.slice(0, end))?.[1] ?? 0);
          if (buffer.length < end + 4 + length) return;
          received.push(buffer.slice(0, end + 4 + length));
          buffer = buffer.slice(end + 4 + length);
          socket.write(RESPONSE);
        }
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    port = (raw.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => raw.close(() => resolve())));

  it('counts the exact response head and body as bytes in, and the request as bytes out', async () => {
    const recorder = new FakeRecorder();
    const http = new HttpClient({
      baseUrl: `http://127.0.0.1:${port}`,
      recorder,
      headers: { 'user-agent': 'volley/x' },
    });
    await http.get('/a/b?c=d');
    await http.post('/items', { json: { name: 'é' } });
    await http.post('/empty');
    await http.get('/h', { headers: { 'x-one': '1' } });
    expect(received).toHaveLength(4);
    for (let i = 0; i < 4; i++) {
      expect(recorder.records[i]?.bytesIn).toBe(RESPONSE.length);
      expect(recorder.records[i]?.bytesOut).toBe(Buffer.byteLength(received[i] as string, 'latin1'));
    }
    await http.destroy();
  });
});
