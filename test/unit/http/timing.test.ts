import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/protocols/http/index.js';
import { FakeRecorder } from './fake-recorder.js';
import { startServer, type TestServer } from './test-server.js';
import { TIMER_EARLY_MS } from '../../helpers/timer-slack.js';

/** The least a 20 ms server can take by a precise clock. */
const AT_LEAST_20_MS = 20 - TIMER_EARLY_MS;

/** `/delay` answers after 20 ms; `/late-body` sends headers at once and the body after 100 ms. */
let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/delay') {
      setTimeout(() => res.end('done'), 20);
      return;
    }
    if (req.url === '/late-body') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.flushHeaders();
      setTimeout(() => res.end('body'), 100);
      return;
    }
    res.end('ok');
  });
});
afterAll(() => server.close());

describe('timing', () => {
  it('measures a 20 ms server at 20 ms and more, within the call, TTFB within the duration, in integer microseconds', async () => {
    const recorder = new FakeRecorder();
    const http = new HttpClient({ baseUrl: server.url, recorder });
    // Warm up (connect, JIT) outside the measured requests.
    for (let i = 0; i < 3; i++) await http.get('/delay');
    const durations: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = performance.now();
      const res = await http.get('/delay');
      const around = performance.now() - before;
      expect(res.durationMs).toBeGreaterThanOrEqual(AT_LEAST_20_MS);
      // Never more than the call took by the caller's own clock, however busy the machine.
      expect(res.durationMs).toBeLessThanOrEqual(around);
      expect(res.ttfbMs).toBeGreaterThanOrEqual(AT_LEAST_20_MS);
      expect(res.ttfbMs).toBeLessThanOrEqual(res.durationMs);
      durations.push(res.durationMs);
    }
    // The median: a busy machine delays the server's timer and the client's read by a few ms,
    // tens at worst, and never removes any; a client that counted the wait twice reads 40.
    expect(durations.sort((a, b) => a - b)[2]).toBeLessThan(40);
    const res = await http.get('/delay');
    const call = recorder.last();
    expect(Number.isInteger(call.durationUs)).toBe(true);
    expect(Number.isInteger(call.ttfbUs)).toBe(true);
    expect(call.durationUs).toBe(Math.round(res.durationMs * 1000));
    expect(call.ttfbUs).toBe(Math.round(res.ttfbMs * 1000));
    await http.close();
  });

  it('ends TTFB at the headers and the duration at the last body byte', async () => {
    const http = new HttpClient({ baseUrl: server.url, recorder: new FakeRecorder() });
    await http.get('/ok');
    const res = await http.get('/late-body');
    expect(res.text()).toBe('body');
    expect(res.durationMs).toBeGreaterThanOrEqual(100);
    // Headers arrive about 100 ms before the body (50 ms of slack for a busy test machine).
    expect(res.durationMs - res.ttfbMs).toBeGreaterThanOrEqual(50);
    await http.close();
  });

  it('counts from dueAt when set (a late start counts), for one request only', async () => {
    const recorder = new FakeRecorder();
    const http = new HttpClient({ baseUrl: server.url, recorder });
    await http.get('/ok');
    const due = performance.now() - 50;
    http.dueAt = due;
    const late = await http.get('/delay');
    let after = performance.now();
    // 50 ms late plus the 20 ms server; never more than the time since it was due.
    expect(late.durationMs).toBeGreaterThanOrEqual(50 + AT_LEAST_20_MS);
    expect(late.durationMs).toBeLessThanOrEqual(after - due);
    expect(late.ttfbMs).toBeGreaterThanOrEqual(50 + AT_LEAST_20_MS);
    expect(Number.isNaN(http.dueAt)).toBe(true);
    let before = performance.now();
    const next = await http.get('/delay');
    after = performance.now();
    expect(next.durationMs).toBeGreaterThanOrEqual(AT_LEAST_20_MS);
    expect(next.durationMs).toBeLessThanOrEqual(after - before);
    // A due time in the future (a start ahead of schedule) never shortens the measurement.
    http.dueAt = performance.now() + 1000;
    before = performance.now();
    const early = await http.get('/delay');
    after = performance.now();
    expect(early.durationMs).toBeGreaterThanOrEqual(AT_LEAST_20_MS);
    expect(early.durationMs).toBeLessThanOrEqual(after - before);
    await http.close();
  });
});
