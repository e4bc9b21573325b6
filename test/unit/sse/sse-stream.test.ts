/**
 * `vu.http.sse()` against real loopback servers: what a script gets and what the recorder gets,
 * for a stream that succeeds, one the server refuses, one that times out, one that drops.
 */

import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/protocols/http/index.js';
import type { SseEvent, SseStream } from '../../../src/protocols/sse/index.js';
import { TIMER_EARLY_MS } from '../../helpers/timer-slack.js';
import { closedPort, startServer, type TestServer } from '../http/test-server.js';
import { SseRecorder } from './sse-recorder.js';

/** Sends events `from`+1 … `to` (ids and data the index), the first after `firstMs`, then `gapMs` apart. */
function sendEvents(res: ServerResponse, from: number, to: number, firstMs: number, gapMs: number, then: () => void): void {
  let index = from;
  const next = (): void => {
    if (res.destroyed) return;
    index++;
    res.write(`id: ${index}\ndata: ${index}\n\n`);
    if (index >= to) then();
    else setTimeout(next, gapMs);
  };
  setTimeout(next, firstMs);
}

function streamHead(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'set-cookie': 'seen=yes; Path=/' });
  res.write('retry: 10\n\n');
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const last = Number(req.headers['last-event-id'] ?? 0);
    switch (url.pathname) {
      case '/events': {
        const count = Number(url.searchParams.get('count') ?? 5);
        if (last >= count) return void res.writeHead(204).end();
        streamHead(res);
        return sendEvents(res, last, count, Number(url.searchParams.get('first') ?? 0), Number(url.searchParams.get('gap') ?? 5), () => res.end());
      }
      case '/drop':
        // Three events, then the socket dies; a reconnect resumes after the last id and ends at 5.
        if (last >= 5) return void res.writeHead(204).end();
        streamHead(res);
        return sendEvents(res, last, last === 0 ? 3 : 5, 0, 2, () => (last === 0 ? setTimeout(() => res.socket?.destroy(), 20) : res.end()));
      case '/unavailable':
        return void res.writeHead(503).end('busy');
      case '/unavailable-open':
        // A refusal whose body never ends: the client drops it mid-body, without a crash.
        res.writeHead(502, { 'content-type': 'text/plain' });
        return void res.write('still');
      case '/html':
        return void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>no</p>');
      case '/silent':
        return streamHead(res);
    }
    res.writeHead(404).end();
  });
});
afterAll(() => server.close());

async function collect(stream: SseStream): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

function client(recorder: SseRecorder, headers?: Record<string, string>): HttpClient {
  return new HttpClient({ baseUrl: server.url, recorder, headers });
}

describe('vu.http.sse()', () => {
  it('yields every event and records the time to the first one as the SSE row', async () => {
    const recorder = new SseRecorder();
    const http = client(recorder, { 'x-user': 'u1' });
    // A first stream loads what connecting needs, so the timed one measures the server alone.
    await collect(new HttpClient({ baseUrl: server.url, recorder: new SseRecorder() }).sse('/events?count=1', { reconnect: false }));
    const stream = http.sse('/events', { query: { count: 6, first: 30, gap: 60 }, reconnect: false });
    const events = await collect(stream);
    expect(events.map((e) => e.data)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(events[5]).toEqual({ data: '6', event: 'message', id: '6' });
    expect(stream.failed).toBe(false);
    expect(stream.status).toBe(200);
    expect(recorder.rows).toEqual([{ scope: 0, method: 'SSE', name: '/events' }]);
    expect(recorder.records).toHaveLength(1);
    const sample = recorder.last();
    expect(sample.failed).toBe(false);
    expect(sample.status).toBe(200);
    // The server waits 30 ms before its first event: that is the sample, not the whole stream
    // (330 ms: five more events 60 ms apart). The bound leaves a busy machine room to be late.
    expect(sample.durationUs / 1000).toBeGreaterThanOrEqual(30 - TIMER_EARLY_MS);
    expect(sample.durationUs / 1000).toBeLessThan(200);
    expect(sample.ttfbUs).toBeLessThan(sample.durationUs);
    expect(sample.bytesIn).toBeGreaterThan(60);
    expect(sample.bytesOut).toBeGreaterThan(20);
    expect(recorder.metric('sse_events')).toEqual([1, 1, 1, 1, 1, 1]);
    const gaps = recorder.metric('sse_event_gap_ms');
    expect(gaps).toHaveLength(5);
    for (const gap of gaps) expect(gap).toBeGreaterThan(3);
    expect(recorder.declarations.find((d) => d.name === 'sse_event_gap_ms')?.unit).toBe('ms');
    const seen = server.seen.at(-1);
    expect(seen?.url).toBe('/events?count=6&first=30&gap=60');
    expect(seen?.headers.accept).toBe('text/event-stream');
    expect(seen?.headers['x-user']).toBe('u1');
    await http.close();
  });

  it('sends the jar\'s cookies, a given Last-Event-ID, and names the row as asked', async () => {
    const recorder = new SseRecorder();
    const http = client(recorder);
    await collect(http.sse('/events?count=2', { reconnect: false }));
    const events = await collect(http.sse('/events', { query: { count: 4 }, lastEventId: '2', name: 'tokens', reconnect: false }));
    expect(events.map((e) => e.id)).toEqual(['3', '4']);
    const seen = server.seen.at(-1);
    expect(seen?.headers.cookie).toBe('seen=yes');
    expect(seen?.headers['last-event-id']).toBe('2');
    expect(recorder.rows.map((r) => r.name)).toEqual(['/events', 'tokens']);
    await http.close();
  });

  it('stops at maxEvents, or where the loop breaks, and closes the connection', async () => {
    const recorder = new SseRecorder();
    const http = client(recorder);
    const capped = http.sse('/events', { query: { count: 50 }, maxEvents: 3 });
    expect((await collect(capped)).length).toBe(3);
    let taken = 0;
    for await (const event of http.sse('/events', { query: { count: 50 } })) if (++taken === 2 || event.id === '') break;
    expect(recorder.records.map((r) => r.failed)).toEqual([false, false]);
    expect(recorder.metric('sse_reconnects')).toEqual([]);
    await http.close();
  });

  it('records a server error status as a failed sample, without reconnecting', async () => {
    const recorder = new SseRecorder();
    const http = client(recorder);
    const stream = http.sse('/unavailable');
    expect(await collect(stream)).toEqual([]);
    expect(stream.failed).toBe(true);
    expect(stream.error).toBe('unexpected status 503');
    expect(recorder.records).toEqual([expect.objectContaining({ status: 503, failed: true })]);
    expect(recorder.errors).toEqual([{ endpoint: 0, kind: 'request', message: 'unexpected status 503' }]);
    await collect(http.sse('/html'));
    expect(recorder.errors.at(-1)?.message).toBe('not an event stream (content-type text/html)');
    await collect(http.sse('/unavailable-open'));
    expect(recorder.errors.at(-1)?.message).toBe('unexpected status 502');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(recorder.metric('sse_reconnects')).toEqual([]);
    await http.close();
  });

  it('fails a stream whose first event is later than its timeout', async () => {
    const recorder = new SseRecorder();
    const http = client(recorder);
    const started = performance.now();
    const stream = http.sse('/silent', { timeout: '150ms', reconnect: false });
    expect(await collect(stream)).toEqual([]);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(148);
    expect(elapsed).toBeLessThan(400);
    expect(stream.error).toBe('timeout waiting for the first event');
    expect(recorder.last()).toEqual(expect.objectContaining({ status: 200, failed: true }));
    await http.close();
  });

  it('reconnects after the socket drops, resuming after the last id seen', async () => {
    const recorder = new SseRecorder();
    const http = client(recorder);
    const stream = http.sse('/drop');
    const events = await collect(stream);
    expect(events.map((e) => e.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(events[0]?.retry).toBe(10);
    expect(server.seen.filter((s) => s.url === '/drop').map((s) => s.headers['last-event-id'])).toEqual([undefined, '3', '5']);
    // Two connections with events (the drop was bridged), then the server's 204: no sample.
    expect(recorder.records.map((r) => r.failed)).toEqual([false, false]);
    expect(recorder.errors).toEqual([]);
    expect(stream.reconnects).toBe(2);
    expect(recorder.metric('sse_reconnects')).toEqual([1, 1]);
    expect(recorder.metric('sse_events')).toHaveLength(5);
    await http.close();
  });

  it('fails a dropped stream when no reconnect is left, without throwing', async () => {
    const recorder = new SseRecorder();
    const http = client(recorder);
    const stream = http.sse('/drop', { reconnect: false });
    expect((await collect(stream)).map((e) => e.id)).toEqual(['1', '2', '3']);
    expect(stream.error).toBe('ECONNRESET');
    expect(recorder.records).toEqual([expect.objectContaining({ status: 200, failed: true })]);
    expect(recorder.errors).toEqual([{ endpoint: 0, kind: 'request', message: 'ECONNRESET' }]);
    await http.close();
  });

  it('fails a refused connection, reconnecting at most as often as allowed', async () => {
    const port = await closedPort();
    const recorder = new SseRecorder();
    const http = new HttpClient({ baseUrl: `http://127.0.0.1:${port}`, recorder });
    // No server to say `retry:`: each reconnect waits the default second.
    const stream = http.sse('/x', { reconnect: 1 });
    expect(await collect(stream)).toEqual([]);
    expect(stream.error).toBe('ECONNREFUSED');
    expect(recorder.records.map((r) => [r.status, r.failed])).toEqual([[0, true], [0, true]]);
    expect(stream.reconnects).toBe(1);
    await http.close();
  });

  it('ends a waiting stream when the user ends, recording it as stopped', async () => {
    const recorder = new SseRecorder();
    const http = client(recorder);
    const pending = collect(http.sse('/silent'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await http.destroy();
    expect(await pending).toEqual([]);
    expect(recorder.errors).toEqual([{ endpoint: 0, kind: 'request', message: 'aborted: run stopped' }]);
    const late = http.sse('/events');
    expect(await collect(late)).toEqual([]);
    expect(recorder.records).toHaveLength(1);
  });

  it("counts the first connection from when the iteration was due, in the task's scope", async () => {
    const recorder = new SseRecorder();
    const http = client(recorder);
    http.scope = 3;
    http.dueAt = performance.now() - 50;
    await collect(http.sse('/events?count=1', { reconnect: false }));
    expect(recorder.rows).toEqual([{ scope: 3, method: 'SSE', name: '/events' }]);
    expect(recorder.last().durationUs / 1000).toBeGreaterThanOrEqual(50);
    // The due time is used up: the next stream counts from its own start.
    expect(http.dueAt).toBeNaN();
    await http.close();
  });

  it('throws on a bad URL or option when called, as HTTP requests do', () => {
    const http = client(new SseRecorder());
    expect(() => http.sse('events')).toThrow(/must be a path starting with '\/'/);
    expect(() => http.sse('/e', { maxEvents: 0 })).toThrow(/maxEvents/);
    expect(() => http.sse('/e', { reconnect: -1 })).toThrow(/reconnect/);
    expect(() => http.sse('/e', { timeout: 'soon' })).toThrow(/timeout/);
    const stream = http.sse('/e');
    void stream[Symbol.asyncIterator]();
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/iterated once/);
  });
});
