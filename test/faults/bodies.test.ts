/**
 * Huge and endless response bodies: every byte is counted, at most `maxBodySize` is kept, and a
 * body that was cut or discarded says so when read (`truncated`, and `json()` naming maxBodySize).
 */

import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient, type HttpClientOptions } from '../../src/protocols/http/index.js';
import { FakeRecorder } from '../unit/http/fake-recorder.js';
import { type Fault, type HostileServer, startHostileServer } from './hostile-server.js';

const MiB = 1024 * 1024;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function target(fault: Fault): Promise<HostileServer> {
  const server = await startHostileServer(() => fault);
  cleanups.push(() => server.close());
  return server;
}

function client(url: string, options: Partial<HttpClientOptions> = {}): { http: HttpClient; recorder: FakeRecorder } {
  const recorder = new FakeRecorder();
  const http = new HttpClient({ baseUrl: url, recorder, timeoutMs: 10_000, ...options });
  cleanups.push(() => http.destroy());
  return { http, recorder };
}

describe('response bodies past maxBodySize', () => {
  it.each([false, true])('keeps the first maxBodySize bytes of a 20 MB body (chunked: %s), counting all', async (chunked) => {
    const server = await target({ kind: 'huge', bytes: 20 * MiB, chunked });
    const { http, recorder } = client(server.url, { maxBodySize: MiB });
    const res = await http.get('/big');
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.body.length).toBe(MiB);
    expect(res.truncated).toBe(true);
    expect(res.bodySize).toBe(20 * MiB);
    expect(res.text().length).toBe(MiB);
    expect(() => res.json()).toThrow(/cut at maxBodySize \(1048576 bytes\)/);
    expect(recorder.records[0]?.bytesIn).toBeGreaterThan(20 * MiB);
  });

  it('has a 4 MiB cap by default, and a request may set its own', async () => {
    const server = await target({ kind: 'huge', bytes: 6 * MiB });
    const { http } = client(server.url);
    const byDefault = await http.get('/big');
    expect(byDefault.body.length).toBe(4 * MiB);
    expect(byDefault.truncated).toBe(true);
    const small = await http.get('/big', { maxBodySize: 1000 });
    expect(small.body.length).toBe(1000);
    const whole = await http.get('/big', { maxBodySize: 8 * MiB });
    expect(whole.body.length).toBe(6 * MiB);
    expect(whole.truncated).toBe(false);
  });

  it('a body within the cap is whole and not truncated', async () => {
    const server = await target({ kind: 'raw', bytes: 'HTTP/1.1 200 OK\r\ncontent-length: 7\r\n\r\n{"a":1}' });
    const { http } = client(server.url, { maxBodySize: 7 });
    const res = await http.get('/');
    expect(res.truncated).toBe(false);
    expect(res.json()).toEqual({ a: 1 });
  });

  it('discards bodies (client-wide or per request), counting their bytes', async () => {
    const server = await target({ kind: 'huge', bytes: 3 * MiB });
    const { http, recorder } = client(server.url, { discardBody: true });
    const res = await http.get('/big');
    expect(res.body.length).toBe(0);
    expect(res.bodySize).toBe(3 * MiB);
    expect(res.truncated).toBe(true);
    expect(() => res.json()).toThrow(/maxBodySize/);
    expect(recorder.records[0]?.bytesIn).toBeGreaterThan(3 * MiB);
    const kept = await http.get('/big', { discardResponseBody: false });
    expect(kept.body.length).toBe(3 * MiB);
    const other = client(server.url);
    expect((await other.http.get('/big', { discardResponseBody: true })).body.length).toBe(0);
  });

  it('holds no more than the cap while an endless body streams in', async () => {
    const server = await target({ kind: 'endless' });
    const { http, recorder } = client(server.url, { maxBodySize: MiB });
    const before = process.memoryUsage().arrayBuffers;
    const pending = http.get('/endless');
    let peak = 0;
    while (server.bodyBytesSent() < 300 * MiB) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - before);
    }
    await http.destroy();
    const res = await pending;
    expect(res.status).toBe(0);
    expect(res.error?.message).toBe('aborted: run stopped');
    // Buffers of 300 MB went through; what stays alive is the cap plus socket buffers and garbage
    // not yet collected, far below what keeping the body would hold.
    expect(peak).toBeLessThan(150 * MiB);
    expect(recorder.records[0]?.bytesIn).toBeGreaterThan(250 * MiB);
  });
});
