/**
 * The HTTP/2 side of `HttpClient` against real `node:http2` servers on 127.0.0.1: the same
 * response object and records as HTTP/1.1 (rows of protocol `h2`), server errors, timeouts,
 * resets and sessions killed mid-request counted and never thrown, cookies and redirects,
 * the server's maxConcurrentStreams respected, TLS with ALPN, and sessions closed with the user.
 */

import { afterEach, describe, expect, it, vi } from 'vitest';
import { gzipSync } from 'node:zlib';
import { HttpClient, type HttpClientOptions } from '../../../src/protocols/http/index.js';
import type { Protocol } from '../../../src/metrics/endpoint-key.js';
import { FakeRecorder } from '../http/fake-recorder.js';
import { type H2Handler, type H2TestServer, startH2Server } from './h2-server.js';

vi.setConfig({ testTimeout: 10_000 });

/** A FakeRecorder that also keeps each row's protocol. */
class ProtocolRecorder extends FakeRecorder {
  readonly protocols = new Map<number, Protocol | undefined>();
  override endpoint(scope: number, method: string, name: string, protocol?: Protocol): number {
    const id = super.endpoint(scope, method, name);
    this.protocols.set(id, protocol);
    return id;
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(handler: H2Handler, options?: Parameters<typeof startH2Server>[1]): Promise<H2TestServer> {
  const started = await startH2Server(handler, options);
  cleanups.push(() => started.close());
  return started;
}

function client(options: Partial<HttpClientOptions> & { baseUrl: string }): { http: HttpClient; recorder: ProtocolRecorder } {
  const recorder = new ProtocolRecorder();
  const http = new HttpClient({ recorder, timeoutMs: 5000, httpVersion: 2, ...options });
  cleanups.push(() => http.destroy());
  return { http, recorder };
}

describe('HTTP/2 requests', () => {
  it('answers with the same response object, recorded in an h2 row', async () => {
    const target = await server((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('x-version', req.httpVersion);
      res.end(JSON.stringify({ path: req.url, method: req.method, ua: req.headers['user-agent'] ?? null }));
    });
    const { http, recorder } = client({ baseUrl: target.url, headers: { 'user-agent': 'volley-test' } });
    const res = await http.get('/hello?x=1');
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.statusText).toBe('OK');
    expect(res.headers['x-version']).toBe('2.0');
    expect(res.json()).toEqual({ path: '/hello?x=1', method: 'GET', ua: 'volley-test' });
    expect(res.url).toBe(`${target.url}/hello?x=1`);
    const call = recorder.last();
    expect(recorder.rowOf(call)).toMatchObject({ method: 'GET', name: '/hello' });
    expect(recorder.protocols.get(call.endpoint)).toBe('h2');
    expect(call).toMatchObject({ status: 200, failed: false, bytesIn: res.bodySize });
    expect(call.durationUs).toBeGreaterThanOrEqual(call.ttfbUs);
  });

  it('sends bodies, decodes gzip, and keeps at most maxBodySize', async () => {
    const target = await server((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (req.url === '/gzip') {
          res.setHeader('content-encoding', 'gzip');
          res.end(gzipSync('zipped hello'));
        } else if (req.url === '/big') {
          res.end('x'.repeat(5000));
        } else {
          res.end(`${req.method} ${req.headers['content-type'] ?? ''} ${body}`);
        }
      });
    });
    const { http } = client({ baseUrl: target.url });
    expect((await http.post('/echo', { json: { a: 1 } })).text()).toBe('POST application/json {"a":1}');
    expect((await http.get('/gzip')).text()).toBe('zipped hello');
    const big = await http.get('/big', { maxBodySize: 100 });
    expect([big.body.length, big.bodySize, big.truncated]).toEqual([100, 5000, true]);
    const discarded = await http.get('/big', { discardResponseBody: true });
    expect([discarded.body.length, discarded.bodySize, discarded.truncated]).toEqual([0, 5000, true]);
  });

  it('counts a server error status as a failed request', async () => {
    const target = await server((_req, res) => {
      res.statusCode = 503;
      res.end('down');
    });
    const { http, recorder } = client({ baseUrl: target.url });
    const res = await http.get('/down');
    expect([res.status, res.ok, res.text()]).toEqual([503, false, 'down']);
    expect(recorder.errors.map((e) => e.message)).toEqual(['HTTP 503 Service Unavailable']);
    expect(recorder.last()).toMatchObject({ status: 503, failed: true });
  });

  it('times out a stream that gets no headers, and the session goes on', async () => {
    const target = await server((req, res) => {
      if (req.url === '/slow') return; // never answers
      res.end('fast');
    });
    const { http, recorder } = client({ baseUrl: target.url });
    const [slow, fast] = await Promise.all([http.get('/slow', { timeout: '200ms' }), http.get('/fast')]);
    expect([slow.status, slow.failed, fast.status]).toEqual([0, true, 200]);
    expect(slow.durationMs).toBeGreaterThanOrEqual(190);
    expect(recorder.errors.map((e) => e.message)).toEqual(['timeout after 200ms waiting for headers']);
    expect((await http.get('/fast')).status).toBe(200);
    expect(target.sessions()).toBe(1);
  });

  it('times out a long timeout on the half-second sweep, not a timer of its own, and each chunk restarts it', async () => {
    let drip: { write(text: string): void; end(text: string): void } | undefined;
    const target = await server((req, res) => {
      if (req.url === '/hang') return; // never answers
      res.write('first');
      drip = res;
    });
    const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));
    // Only the sweep's interval is faked: sockets and the waits between steps run on real time.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const { http, recorder } = client({ baseUrl: target.url, timeoutMs: 10_000 });
      const hang = http.get('/hang');
      const dripping = http.get('/drip');
      await vi.waitFor(() => expect(drip).toBeDefined());
      await settle();
      vi.advanceTimersByTime(15 * 500);
      drip?.write('more'); // /drip's count starts again; /hang's goes on
      await settle();
      vi.advanceTimersByTime(5 * 500);
      await settle();
      expect(recorder.errors).toEqual([]); // 20 quiet sweeps are 9.5 to 10 s: not yet
      vi.advanceTimersByTime(500);
      const hung = await hang;
      expect([hung.status, hung.failed]).toEqual([0, true]);
      expect(recorder.errors.map((e) => e.message)).toEqual(['timeout after 10s waiting for headers']);
      drip?.end('last');
      const dripped = await dripping;
      expect([dripped.status, dripped.text()]).toEqual([200, 'firstmorelast']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts a session the server kills mid-request, and a reset stream, without throwing', async () => {
    const target = await server((req, res) => {
      if (req.url === '/kill') {
        res.writeHead(200);
        res.write('partial');
        setTimeout(() => req.stream.session?.destroy(), 20);
        return;
      }
      if (req.url === '/reset') {
        req.stream.close(2); // INTERNAL_ERROR
        return;
      }
      res.end('ok');
    });
    const { http, recorder } = client({ baseUrl: target.url });
    const killed = await http.get('/kill');
    expect([killed.status, killed.failed]).toEqual([0, true]);
    const reset = await http.get('/reset');
    expect([reset.status, reset.failed]).toEqual([0, true]);
    expect(recorder.errors).toHaveLength(2);
    expect(recorder.errors.map((e) => e.message)).toEqual([
      'stream reset before the response ended (CANCEL)',
      'stream reset before the response ended (INTERNAL_ERROR)',
    ]);
    // The next request opens a new session.
    expect((await http.get('/after')).status).toBe(200);
  });

  it('counts a request the server drops with a GOAWAY, and opens a new session for the next', async () => {
    const target = await server((req, res) => {
      if (req.url === '/goaway') {
        req.stream.session?.goaway(2, 0); // INTERNAL_ERROR, no stream processed
        return;
      }
      res.end('ok');
    });
    const { http, recorder } = client({ baseUrl: target.url });
    const dropped = await http.get('/goaway');
    expect([dropped.status, dropped.failed]).toEqual([0, true]);
    expect(recorder.errors.map((e) => e.message)).toEqual(['Session closed with error code 2']);
    expect((await http.get('/after')).status).toBe(200);
    expect(target.sessions()).toBe(2);
  });

  it('fails requests to a closed port with connection refused', async () => {
    const target = await server((_req, res) => res.end());
    const url = target.url;
    await target.close();
    const { http, recorder } = client({ baseUrl: url });
    const [a, b] = await Promise.all([http.get('/a'), http.get('/b')]);
    expect([a.status, b.status]).toEqual([0, 0]);
    expect(recorder.errors.map((e) => e.message)[0]).toMatch(/^connection refused: nothing is listening on 127\.0\.0\.1:\d+$/);
  });

  it('keeps cookies in the jar and follows redirects over HTTP/2', async () => {
    const target = await server((req, res) => {
      if (req.url === '/login') {
        res.setHeader('set-cookie', ['session=abc; Path=/', 'theme=dark']);
        res.statusCode = 302;
        res.setHeader('location', '/home');
        res.end('moved');
        return;
      }
      res.end(`${req.url} cookie=${req.headers.cookie ?? ''} v=${req.httpVersion}`);
    });
    const { http, recorder } = client({ baseUrl: target.url });
    const res = await http.post('/login', { body: 'u=1' });
    expect(res.status).toBe(200);
    expect(res.redirects).toBe(1);
    expect(res.method).toBe('POST');
    expect(res.text()).toBe('/home cookie=session=abc; theme=dark v=2.0');
    expect(res.url).toBe(`${target.url}/home`);
    expect(recorder.records).toHaveLength(1);
    expect(recorder.rowOf(recorder.last())).toMatchObject({ method: 'POST', name: '/login' });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('never opens more streams than the server allows, and queues the rest', async () => {
    const target = await server(
      (_req, res) => {
        setTimeout(() => res.end('ok'), 20);
      },
      { settings: { maxConcurrentStreams: 2 } },
    );
    const { http } = client({ baseUrl: target.url });
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => http.get(`/r${i}`)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(target.peakStreams()).toBe(2);
    expect(target.sessions()).toBe(1);
  });

  it('negotiates h2 over TLS with ALPN; an untrusted certificate fails unless insecure', async () => {
    const target = await server((req, res) => res.end(`v=${req.httpVersion}`), { tls: true });
    const trusting = client({ baseUrl: target.url, insecure: true });
    const res = await trusting.http.get('/');
    expect([res.status, res.text()]).toEqual([200, 'v=2.0']);
    const strict = client({ baseUrl: target.url });
    const refused = await strict.http.get('/');
    expect(refused.status).toBe(0);
    expect(strict.recorder.errors[0]?.message).toContain('--insecure');
  });

  it('goes over HTTP/2 per request, and closes its sessions when the user ends', async () => {
    const target = await server((req, res) => res.end(req.httpVersion));
    const recorder = new ProtocolRecorder();
    const http = new HttpClient({ recorder, baseUrl: target.url });
    expect(() => http.get('/', { httpVersion: 3 as 2 })).toThrow('httpVersion: expected 1 or 2, got 3');
    const h2 = await http.get('/x', { httpVersion: 2 });
    expect(h2.text()).toBe('2.0');
    expect(recorder.protocols.get(recorder.last().endpoint)).toBe('h2');
    await http.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(target.open()).toEqual([]);
  });
});
