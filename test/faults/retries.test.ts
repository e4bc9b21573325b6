/**
 * Requests a server read and then dropped: volley must not send a POST twice on its own, and the
 * number of requests it records must equal the number the server received, failures included.
 * The client is driven as a script drives it (`http.post`, `http.get`, one request at a time).
 */

import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/protocols/http/index.js';
import { FakeRecorder } from '../unit/http/fake-recorder.js';
import { type Fault, type HostileServer, startHostileServer } from './hostile-server.js';

const OK: Fault = { kind: 'raw', bytes: 'HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok' };
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function target(plan: (index: number, onConnection: number) => Fault): Promise<HostileServer> {
  let index = 0;
  const server = await startHostileServer((request) => plan(index++, request.onConnection));
  cleanups.push(() => server.close());
  return server;
}

function client(url: string): { http: HttpClient; recorder: FakeRecorder } {
  const recorder = new FakeRecorder();
  const http = new HttpClient({ baseUrl: url, recorder, timeoutMs: 5000 });
  cleanups.push(() => http.destroy());
  return { http, recorder };
}

describe('requests a server reads and drops unanswered', () => {
  it('never sends a POST twice: each one the server read is one record, the dropped ones failed', async () => {
    // The first request on each connection is answered; the second is read, then the connection closed.
    const server = await target((_i, onConnection) => (onConnection === 0 ? OK : { kind: 'close' }));
    const { http, recorder } = client(server.url);
    for (let i = 0; i < 40; i++) await http.post('/order', { json: { n: i } });
    expect(server.requests).toHaveLength(40);
    const bodies = server.requests.map((r) => r.body.toString());
    expect(new Set(bodies).size).toBe(40); // no body arrived twice
    expect(recorder.records).toHaveLength(40);
    expect(recorder.records.filter((r) => r.failed)).toHaveLength(20);
    expect(recorder.retries).toBe(0);
    for (const error of recorder.errors) expect(error.message).toBe('the server closed the connection');
  });

  it('retries a POST that opts in with `retry: true`, once, and counts the attempt', async () => {
    const server = await target((_i, onConnection) => (onConnection === 0 ? OK : { kind: 'close' }));
    const { http, recorder } = client(server.url);
    expect((await http.post('/a', { body: 'one' })).status).toBe(200);
    const res = await http.post('/a', { body: 'two', retry: true });
    expect(res.status).toBe(200);
    expect(server.requests.map((r) => r.body.toString())).toEqual(['one', 'two', 'two']);
    expect(recorder.records.map((r) => r.failed)).toEqual([false, true, false]);
    expect(recorder.retries).toBe(1);
  });

  it('records exactly the requests the server received when it resets or closes many mid-request', async () => {
    // A fixed pattern of answers, closes after reading, and resets after reading.
    const pattern: Fault[] = [OK, OK, { kind: 'close' }, OK, { kind: 'reset' }, OK, { kind: 'close' }, { kind: 'reset' }];
    const server = await target((i) => pattern[i % pattern.length] as Fault);
    const { http, recorder } = client(server.url);
    for (let i = 0; i < 200; i++) await (i % 2 === 0 ? http.get(`/g${i}`) : http.post(`/p${i}`, { body: 'x' }));
    const failedAtServer = server.requests.length - server.requests.filter((_r, i) => pattern[i % pattern.length] === OK).length;
    expect(recorder.records).toHaveLength(server.requests.length);
    expect(recorder.records.filter((r) => r.failed)).toHaveLength(failedAtServer);
    expect(recorder.errors).toHaveLength(failedAtServer);
    // Only GETs were retried, and every retry is a request the server saw.
    expect(server.requests.length).toBe(200 + recorder.retries);
    const posts = server.requests.filter((r) => r.method === 'POST').map((r) => r.target);
    expect(new Set(posts).size).toBe(posts.length);
  });
});

describe('reason phrases that differ on every response', () => {
  it('group into a bounded set of error messages', async () => {
    const server = await target((i) => ({ kind: 'raw', bytes: `HTTP/1.1 500 failure ${i}\r\ncontent-length: 0\r\n\r\n` }));
    const { http, recorder } = client(server.url);
    for (let i = 0; i < 100; i++) await http.get('/unique');
    expect(recorder.records.filter((r) => r.failed)).toHaveLength(100);
    const messages = new Set(recorder.errors.map((e) => e.message));
    expect(messages.size).toBeLessThanOrEqual(17);
    expect(messages.has('HTTP 500 failure 0')).toBe(true);
    expect(messages.has('HTTP 500 (one of many reason phrases)')).toBe(true);
  });
});
