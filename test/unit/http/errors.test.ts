import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/protocols/http/index.js';
import { FakeRecorder } from './fake-recorder.js';
import { closedPort, startServer, type TestServer } from './test-server.js';

/** `/hang` never answers; `/stall` sends headers then nothing; `/reset` drops the connection; `/slow` answers after 100 ms. */
let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/hang') return;
    if (req.url === '/stall') {
      res.writeHead(200, { 'content-length': '10' });
      res.write('12345');
      return;
    }
    if (req.url === '/reset') {
      req.socket.destroy();
      return;
    }
    if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 100);
      return;
    }
    res.end('ok');
  });
});
afterAll(() => server.close());

describe('network errors', () => {
  it('resolves a refused connection as status 0, recorded as a failure, without throwing', async () => {
    const port = await closedPort();
    const recorder = new FakeRecorder();
    const http = new HttpClient({ baseUrl: `http://127.0.0.1:${port}`, recorder });
    const res = await http.get('/x');
    expect(res.status).toBe(0);
    expect(res.ok).toBe(false);
    expect(res.error?.message).toBe(`connection refused: nothing is listening on 127.0.0.1:${port}`);
    expect(recorder.records).toEqual([expect.objectContaining({ status: 0, failed: true, bytesIn: 0 })]);
    expect(recorder.errors).toEqual([
      { endpoint: 0, kind: 'request', message: `connection refused: nothing is listening on 127.0.0.1:${port}` },
    ]);
    await http.close();
  });

  it('times out waiting for headers at the timeout, precisely for short timeouts', async () => {
    const recorder = new FakeRecorder();
    const http = new HttpClient({ baseUrl: server.url, recorder });
    const started = performance.now();
    const res = await http.get('/hang', { timeout: '200ms' });
    const elapsed = performance.now() - started;
    expect(res.status).toBe(0);
    expect(res.error).toBeInstanceOf(Error);
    expect(elapsed).toBeGreaterThanOrEqual(199);
    expect(elapsed).toBeLessThan(260);
    expect(res.durationMs).toBeGreaterThanOrEqual(199);
    expect(res.durationMs).toBeLessThan(260);
    const second = await http.get('/hang', { timeout: 1 });
    expect(second.durationMs).toBeGreaterThanOrEqual(999);
    expect(second.durationMs).toBeLessThan(1060);
    expect(recorder.errors.map((e) => e.message)).toEqual([
      'timeout after 200ms waiting for headers',
      'timeout after 1s waiting for headers',
    ]);
    expect(recorder.records.map((r) => [r.status, r.failed])).toEqual([
      [0, true],
      [0, true],
    ]);
    // A timed-out connection is dropped (a late response may still arrive on it); the next works.
    expect((await http.get('/ok')).status).toBe(200);
    await http.destroy();
  });

  it('times out a request still queued behind another, and never sends it', async () => {
    const recorder = new FakeRecorder();
    const http = new HttpClient({ baseUrl: server.url, recorder, connections: 1 });
    const seenBefore = server.seen.length;
    const blocker = http.get('/hang', { timeout: 0.5 });
    const queued = await http.get('/queued', { timeout: 0.1 });
    expect(queued.status).toBe(0);
    expect(queued.durationMs).toBeGreaterThanOrEqual(99);
    // By its own 100 ms timer (late by what a busy machine adds), not when the blocker's 500 ms
    // timeout frees the connection.
    expect(queued.durationMs).toBeLessThan(400);
    expect((await blocker).status).toBe(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.seen.slice(seenBefore).map((s) => s.url)).toEqual(['/hang']);
    expect(recorder.errors.map((e) => e.message)).toEqual([
      'timeout after 100ms waiting for headers',
      'timeout after 500ms waiting for headers',
    ]);
    await http.destroy();
  });

  it('times out a body that stops arriving, using the client default timeout', async () => {
    const recorder = new FakeRecorder();
    const http = new HttpClient({ baseUrl: server.url, recorder, timeoutMs: 1000 });
    const res = await http.get('/stall');
    expect(res.status).toBe(0);
    expect(recorder.errors.map((e) => e.message)).toEqual(['timeout after 1s waiting for body data']);
    expect(recorder.last()).toMatchObject({ status: 0, failed: true });
    expect(res.ttfbMs).toBeLessThan(res.durationMs);
    await http.destroy();
  });

  it('resolves a connection the server drops as status 0', async () => {
    const recorder = new FakeRecorder();
    const http = new HttpClient({ baseUrl: server.url, recorder });
    const res = await http.get('/reset');
    expect(res.status).toBe(0);
    expect(res.error?.message).toMatch(/closed|reset|socket hang up/i);
    expect(recorder.last().failed).toBe(true);
    // The client recovers: the next request opens a new connection.
    expect((await http.get('/ok')).status).toBe(200);
    await http.close();
  });
});

describe('close and destroy', () => {
  it('destroy() resolves in-flight requests as failed with `aborted: run stopped`', async () => {
    const recorder = new FakeRecorder();
    const http = new HttpClient({ baseUrl: server.url, recorder });
    const pending = [http.get('/hang'), http.get('/hang')];
    await new Promise((r) => setTimeout(r, 50));
    await http.destroy();
    const responses = await Promise.all(pending);
    expect(responses.map((r) => [r.status, r.error?.message])).toEqual([
      [0, 'aborted: run stopped'],
      [0, 'aborted: run stopped'],
    ]);
    expect(recorder.records.map((r) => r.failed)).toEqual([true, true]);
    expect(recorder.errors.map((e) => e.message)).toEqual(['aborted: run stopped', 'aborted: run stopped']);
    // After destroy: an error response, outside the stats.
    const late = await http.get('/ok');
    expect(late.status).toBe(0);
    expect(late.error?.message).toBe('aborted: run stopped');
    expect(recorder.records).toHaveLength(2);
  });

  it('close() lets in-flight requests finish, then refuses new ones unrecorded', async () => {
    const recorder = new FakeRecorder();
    const http = new HttpClient({ baseUrl: server.url, recorder });
    const pending = http.get('/slow');
    await new Promise((r) => setTimeout(r, 20));
    await http.close();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.text()).toBe('late');
    const late = await http.get('/ok');
    expect(late.error?.message).toBe('client closed');
    expect(recorder.records).toHaveLength(1);
  });
});
