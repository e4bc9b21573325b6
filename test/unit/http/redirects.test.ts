/**
 * Redirects, seen through `HttpClient`: which statuses are followed and how each changes the
 * request (method, body, credentials, cookies), how locations resolve, the limit, and that a
 * redirected request is one record (name, status, timing and bytes of the whole chain).
 *
 * Each test starts its own servers on 127.0.0.1 (two ports are two origins) and closes them.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { headerValue } from '../../../src/protocols/http/header-block.js';
import { HttpClient, type HttpClientOptions } from '../../../src/protocols/http/index.js';
import { dropsBody, isFollowedRedirect, resolveLocation } from '../../../src/protocols/http/redirect.js';
import { withoutHeaders } from '../../../src/protocols/http/request-headers.js';
import { TIMER_EARLY_MS } from '../../helpers/timer-slack.js';
import { FakeRecorder } from './fake-recorder.js';
import { closedPort, type Handler, startServer, type TestServer } from './test-server.js';

// A chain the client never ends should fail its test in seconds, not after the default minute.
vi.setConfig({ testTimeout: 10_000 });

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  // Clients first (registered after their servers), then servers.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(handler: Handler): Promise<TestServer> {
  const started = await startServer(handler);
  cleanups.push(() => started.close());
  return started;
}

function client(options: Partial<HttpClientOptions> & { baseUrl: string }): {
  http: HttpClient;
  recorder: FakeRecorder;
} {
  const recorder = new FakeRecorder();
  const http = new HttpClient({ recorder, timeoutMs: 5000, ...options });
  cleanups.push(() => http.destroy());
  return { http, recorder };
}

/** Answers with `status` and a `location` header (and a small body, as servers send). */
function redirect(res: ServerResponse, status: number, location: string): void {
  res.statusCode = status;
  res.setHeader('location', location);
  res.end(`moved to ${location}`);
}

/** Answers with what the server saw: method, url, headers, body. */
function echo(req: IncomingMessage, res: ServerResponse, body: string): void {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
}

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('which redirects are followed', () => {
  it.each([301, 302, 303, 307, 308])('follows a %i to its location with GET', async (status) => {
    const s = await server((req, res, body) => {
      if (req.url === '/start') redirect(res, status, '/final');
      else echo(req, res, body);
    });
    const { http, recorder } = client({ baseUrl: s.url });
    const res = await http.get('/start');
    expect(res.status).toBe(200);
    expect(res.failed).toBe(false);
    expect(res.json<Echo>()).toMatchObject({ method: 'GET', url: '/final' });
    expect(res.redirects).toBe(1);
    expect(res.url).toBe(`${s.url}/final`);
    expect(s.seen.map((r) => [r.method, r.url])).toEqual([
      ['GET', '/start'],
      ['GET', '/final'],
    ]);
    expect(recorder.records).toHaveLength(1);
    expect(recorder.errors).toEqual([]);
  });

  it.each([300, 304, 305, 306])('does not follow a %i even with a location', async (status) => {
    const s = await server((req, res) => {
      res.statusCode = status;
      res.setHeader('location', '/final');
      res.end();
    });
    const { http } = client({ baseUrl: s.url });
    const res = await http.get('/start');
    expect(res.status).toBe(status);
    expect(res.redirects).toBe(0);
    expect(res.url).toBe(`${s.url}/start`);
    expect(s.seen.map((r) => r.url)).toEqual(['/start']);
  });

  it('returns a redirect without a location as the response', async () => {
    const s = await server((_req, res) => {
      res.statusCode = 302;
      res.end('nowhere');
    });
    const { http, recorder } = client({ baseUrl: s.url });
    const res = await http.get('/start');
    expect([res.status, res.failed, res.text(), res.redirects]).toEqual([302, false, 'nowhere', 0]);
    expect(s.seen).toHaveLength(1);
    expect(recorder.records.map((r) => [r.status, r.failed])).toEqual([[302, false]]);
  });

  it.each([
    ['ftp:', 'ftp://127.0.0.1/file'],
    ['mailto:', 'mailto:someone@example.com'],
    ['unparsable', 'http://[not-an-address/x'],
  ])('stops at a %s location: the redirect is the response, not failed', async (_what, location) => {
    const s = await server((_req, res) => redirect(res, 302, location));
    const { http, recorder } = client({ baseUrl: s.url });
    const res = await http.get('/start');
    expect([res.status, res.failed, res.redirects]).toEqual([302, false, 0]);
    expect(res.headers.location).toBe(location);
    expect(res.text()).toBe(`moved to ${location}`);
    expect(s.seen).toHaveLength(1);
    expect(recorder.records.map((r) => [r.status, r.failed])).toEqual([[302, false]]);
    expect(recorder.errors).toEqual([]);
  });
});

describe('what a redirect does to the method and body', () => {
  it.each([
    [303, 'POST'],
    [303, 'PUT'],
    [302, 'POST'],
    [301, 'POST'],
  ])('a %i after %s continues as a GET without the body or its headers', async (status, method) => {
    const s = await server((req, res, body) => {
      if (req.url === '/form') redirect(res, status, '/result');
      else echo(req, res, body);
    });
    const { http, recorder } = client({ baseUrl: s.url });
    const res = await http.request(method, '/form', {
      json: { a: 1 },
      headers: { 'x-kept': 'yes', 'Content-Type': 'application/json; charset=utf-8' },
    });
    expect(res.status).toBe(200);
    const [first, second] = s.seen;
    expect(first).toMatchObject({ method, url: '/form', body: '{"a":1}' });
    expect(first?.headers['content-length']).toBe('7');
    expect(second).toMatchObject({ method: 'GET', url: '/result', body: '' });
    expect(second?.headers['content-length']).toBeUndefined();
    expect(second?.headers['content-type']).toBeUndefined();
    expect(second?.headers['transfer-encoding']).toBeUndefined();
    expect(second?.headers['x-kept']).toBe('yes');
    // The response and the record keep the request's own method and name.
    expect(res.method).toBe(method);
    expect(res.name).toBe('/form');
    expect(recorder.records.map((r) => [recorder.rowOf(r).method, recorder.rowOf(r).name, r.status])).toEqual([
      [method, '/form', 200],
    ]);
  });

  it.each([301, 302])('a %i keeps a PUT with its body', async (status) => {
    const s = await server((req, res, body) => {
      if (req.url === '/put') redirect(res, status, '/moved');
      else echo(req, res, body);
    });
    const { http } = client({ baseUrl: s.url });
    const res = await http.put('/put', { body: 'payload' });
    expect(res.json<Echo>()).toMatchObject({ method: 'PUT', url: '/moved', body: 'payload' });
    expect(s.seen.at(-1)?.headers['content-length']).toBe('7');
  });

  it.each([307, 308])('a %i keeps the POST, its body and its content type', async (status) => {
    const s = await server((req, res, body) => {
      if (req.url === '/upload') redirect(res, status, '/upload-here');
      else echo(req, res, body);
    });
    const { http } = client({ baseUrl: s.url });
    const res = await http.post('/upload', { json: { big: 'data' } });
    expect(res.status).toBe(200);
    const sent = s.seen.map((r) => [r.method, r.url, r.body, r.headers['content-type'], r.headers['content-length']]);
    expect(sent).toEqual([
      ['POST', '/upload', '{"big":"data"}', 'application/json', '14'],
      ['POST', '/upload-here', '{"big":"data"}', 'application/json', '14'],
    ]);
  });

  it('keeps a bodyless POST announcing its empty body on a 307', async () => {
    const s = await server((req, res, body) => {
      if (req.url === '/ping') redirect(res, 307, '/pong');
      else echo(req, res, body);
    });
    const { http } = client({ baseUrl: s.url });
    await http.post('/ping');
    expect(s.seen.map((r) => [r.method, r.url, r.headers['content-length']])).toEqual([
      ['POST', '/ping', '0'],
      ['POST', '/pong', '0'],
    ]);
  });

  it.each([301, 302, 303, 307, 308])('a HEAD stays a HEAD through a %i', async (status) => {
    const s = await server((req, res) => {
      if (req.url === '/h') redirect(res, status, '/h2');
      else res.end('a body HEAD never gets');
    });
    const { http } = client({ baseUrl: s.url });
    const res = await http.head('/h', { timeout: 1 });
    expect([res.status, res.failed, res.body.length, res.redirects]).toEqual([200, false, 0, 1]);
    expect(res.method).toBe('HEAD');
    expect(s.seen.map((r) => [r.method, r.url])).toEqual([
      ['HEAD', '/h'],
      ['HEAD', '/h2'],
    ]);
  });

  it('keeps a method changed to GET through the following hops, as GET', async () => {
    const s = await server((req, res, body) => {
      if (req.url === '/a') redirect(res, 303, '/b');
      else if (req.url === '/b') redirect(res, 307, '/c');
      else echo(req, res, body);
    });
    const { http } = client({ baseUrl: s.url });
    const res = await http.post('/a', { body: 'x' });
    expect(res.redirects).toBe(2);
    expect(s.seen.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/a', 'x'],
      ['GET', '/b', ''],
      ['GET', '/c', ''],
    ]);
  });
});

describe('locations', () => {
  it.each([
    ['an absolute-path location', '/dir/page', '/other/x?y=1', '/other/x?y=1'],
    ['a relative-path location', '/dir/page', 'next?y=1', '/dir/next?y=1'],
    ['a dot-segment location', '/dir/sub/page', '../up', '/dir/up'],
    ['a query-only location', '/dir/page?x=1', '?page=2', '/dir/page?page=2'],
    ['a location with a fragment (not sent)', '/dir/page', '/target#part', '/target'],
    ['a location with a space', '/dir/page', '/a b', '/a%20b'],
  ])('resolves %s against the current URL', async (_what, from, location, expected) => {
    const s = await server((req, res, body) => {
      if (req.url === from) redirect(res, 302, location);
      else echo(req, res, body);
    });
    const { http } = client({ baseUrl: s.url });
    const res = await http.get(from);
    expect(res.json<Echo>().url).toBe(expected);
    expect(res.url).toBe(`${s.url}${expected}`);
  });

  it('resolves absolute and scheme-relative locations', async () => {
    const s = await server((req, res, body) => {
      if (req.url === '/abs') redirect(res, 302, `http://127.0.0.1:${s.port}/from-abs`);
      else if (req.url === '/scheme-relative') redirect(res, 302, `//127.0.0.1:${s.port}/from-sr?q=1`);
      else echo(req, res, body);
    });
    const { http } = client({ baseUrl: s.url });
    expect((await http.get('/abs')).json<Echo>().url).toBe('/from-abs');
    const sr = await http.get('/scheme-relative');
    expect(sr.json<Echo>().url).toBe('/from-sr?q=1');
    expect(sr.url).toBe(`${s.url}/from-sr?q=1`);
  });

  it('resolves a relative location against a base path, and a hop of a chain against the hop before', async () => {
    const s = await server((req, res, body) => {
      if (req.url === '/api/v1/start') redirect(res, 302, 'step');
      else if (req.url === '/api/v1/step') redirect(res, 302, '../v2/end');
      else echo(req, res, body);
    });
    const { http, recorder } = client({ baseUrl: `${s.url}/api/` });
    const res = await http.get('/v1/start');
    expect(res.json<Echo>().url).toBe('/api/v2/end');
    expect(res.url).toBe(`${s.url}/api/v2/end`);
    expect(res.redirects).toBe(2);
    expect(recorder.rowOf(recorder.last()).name).toBe('/api/v1/start');
  });

  it('decodes a location sent as raw UTF-8 and sends it percent-encoded', async () => {
    const requests: string[] = [];
    const raw = createServer((socket: Socket) => {
      socket.on('error', () => {});
      let pending = '';
      socket.on('data', (chunk: Buffer) => {
        pending += chunk.toString('latin1');
        for (;;) {
          const end = pending.indexOf('\r\n\r\n');
          if (end === -1) return;
          const target = pending.slice(0, end).split(' ')[1] ?? '';
          pending = pending.slice(end + 4);
          requests.push(target);
          if (target === '/start') {
            const location = Buffer.from('/café', 'utf8');
            socket.write(Buffer.from('HTTP/1.1 302 Found\r\ncontent-length: 0\r\nlocation: ', 'latin1'));
            socket.write(Buffer.concat([location, Buffer.from('\r\n\r\n', 'latin1')]));
          } else {
            socket.write(`HTTP/1.1 200 OK\r\ncontent-length: ${target.length}\r\n\r\n${target}`);
          }
        }
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => raw.close(() => resolve())));
    const url = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
    const { http } = client({ baseUrl: url });
    const res = await http.get('/start');
    expect(res.text()).toBe('/caf%C3%A9');
    expect(requests).toEqual(['/start', '/caf%C3%A9']);
    await http.destroy();
  });
});

describe('origins, credentials and cookies', () => {
  it('follows a redirect to another origin, dropping the request’s authorization and cookie there', async () => {
    const other = await server(echo);
    const s = await server((req, res, body) => {
      if (req.url === '/same') redirect(res, 302, '/here');
      else if (req.url === '/away') redirect(res, 302, `${other.url}/there?x=1`);
      else echo(req, res, body);
    });
    const { http, recorder } = client({ baseUrl: s.url, headers: { 'x-default': 'd' } });
    const headers = { authorization: 'Bearer secret', Cookie: 'mine=1', 'x-own': 'o' };

    const same = await http.get('/same', { headers });
    expect(same.json<Echo>().headers).toMatchObject({
      authorization: 'Bearer secret',
      cookie: 'mine=1',
      'x-own': 'o',
      'x-default': 'd',
    });

    const away = await http.get('/away', { headers });
    const seen = away.json<Echo>();
    expect(seen.url).toBe('/there?x=1');
    expect(seen.headers.authorization).toBeUndefined();
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers['x-own']).toBe('o');
    expect(seen.headers['x-default']).toBe('d');
    expect(seen.headers.host).toBe(`127.0.0.1:${other.port}`);
    expect(away.url).toBe(`${other.url}/there?x=1`);
    // The first hop had them.
    expect(s.seen.find((r) => r.url === '/away')?.headers.authorization).toBe('Bearer secret');
    // Recorded under the request's own name, on the base origin.
    expect(recorder.records.map((r) => [recorder.rowOf(r).name, r.status])).toEqual([
      ['/same', 200],
      ['/away', 200],
    ]);
    expect(other.connections()).toBe(1);
  });

  it('keeps credentials dropped once the chain left the origin, even when it comes back', async () => {
    let origin = '';
    const other = await server((_req, res) => redirect(res, 302, `${origin}/back`));
    const s = await server((req, res, body) => {
      if (req.url === '/out') redirect(res, 307, `${other.url}/bounce`);
      else echo(req, res, body);
    });
    origin = s.url;
    const { http } = client({ baseUrl: s.url });
    const res = await http.get('/out', { headers: { authorization: 'Basic abc' } });
    expect(res.redirects).toBe(2);
    expect(res.json<Echo>().url).toBe('/back');
    expect(res.json<Echo>().headers.authorization).toBeUndefined();
  });

  it('sends the cookies a redirect set on the next hop, and the jar’s cookies after leaving the origin', async () => {
    const other = await server(echo);
    const s = await server((req, res, body) => {
      if (req.url === '/login') {
        res.setHeader('set-cookie', ['sid=abc; Path=/', 'scoped=1; Path=/account']);
        redirect(res, 303, '/account/home');
      } else if (req.url === '/leave') {
        redirect(res, 302, `${other.url}/outside`);
      } else {
        echo(req, res, body);
      }
    });
    const { http } = client({ baseUrl: s.url });
    const res = await http.post('/login', { body: 'user=a' });
    expect(res.json<Echo>()).toMatchObject({ method: 'GET', url: '/account/home' });
    expect(res.json<Echo>().headers.cookie).toBe('scoped=1; sid=abc');
    expect(s.seen[0]?.headers.cookie).toBeUndefined();
    // Cookies belong to the host, not the port (RFC 6265): the jar sends them to the other
    // origin on 127.0.0.1 too, while the request's own cookie header stays behind.
    const away = await http.get('/leave', { headers: { cookie: 'own=1' } });
    expect(away.json<Echo>().url).toBe('/outside');
    expect(away.json<Echo>().headers.cookie).toBe('sid=abc');
  });

  it('reuses the keep-alive connection for same-origin hops', async () => {
    const s = await server((req, res, body) => {
      const n = /^\/hop\/(\d)$/.exec(req.url ?? '');
      if (n !== null && Number(n[1]) < 3) redirect(res, 302, `/hop/${Number(n[1]) + 1}`);
      else echo(req, res, body);
    });
    const { http } = client({ baseUrl: s.url });
    for (let i = 0; i < 3; i++) expect((await http.get('/hop/0')).redirects).toBe(3);
    expect(s.seen).toHaveLength(12);
    expect(s.connections()).toBe(1);
  });

  it('completes concurrent redirected requests on a single connection', async () => {
    const s = await server((req, res, body) => {
      if (req.url?.startsWith('/r/')) setTimeout(() => redirect(res, 302, `/done/${req.url?.slice(3)}`), 5);
      else echo(req, res, body);
    });
    const { http, recorder } = client({ baseUrl: s.url, connections: 1 });
    const all = await Promise.all([http.get('/r/a'), http.get('/r/b'), http.get('/r/c')]);
    expect(all.map((r) => r.json<Echo>().url)).toEqual(['/done/a', '/done/b', '/done/c']);
    expect(recorder.records.map((r) => [recorder.rowOf(r).name, r.status, r.failed])).toEqual([
      ['/r/a', 200, false],
      ['/r/b', 200, false],
      ['/r/c', 200, false],
    ]);
    expect(s.connections()).toBe(1);
  });
});

describe('one record per redirected request', () => {
  it('records once, under the original name, with the final status and the duration of the whole chain', async () => {
    const s = await server((req, res) => {
      if (req.url === '/slow-redirect') setTimeout(() => redirect(res, 302, '/slow-final'), 30);
      else if (req.url === '/slow-final') setTimeout(() => res.end('finally'), 40);
      else res.end('warm');
    });
    const { http, recorder } = client({ baseUrl: s.url });
    await http.get('/warm-up');
    const started = performance.now();
    const res = await http.get('/slow-redirect', { name: 'login flow' });
    const elapsed = performance.now() - started;
    expect([res.status, res.text(), res.redirects, res.name]).toEqual([200, 'finally', 1, 'login flow']);
    expect(recorder.records).toHaveLength(2);
    const call = recorder.last();
    expect(recorder.rowOf(call)).toEqual({ scope: 0, method: 'GET', name: 'login flow' });
    expect(call.status).toBe(200);
    expect(call.failed).toBe(false);
    expect(call.durationUs).toBeGreaterThanOrEqual((70 - 2 * TIMER_EARLY_MS) * 1000);
    expect(res.durationMs).toBeLessThanOrEqual(elapsed);
    // TTFB runs to the final response's head: both server delays are before it.
    expect(call.ttfbUs).toBeGreaterThanOrEqual((70 - 2 * TIMER_EARLY_MS) * 1000);
    expect(call.ttfbUs).toBeLessThanOrEqual(call.durationUs);
    expect(recorder.endpointCalls.map((e) => e.name)).toEqual(['/warm-up', 'login flow']);
  });

  it('counts every hop’s request and response bytes, and keeps only the final body', async () => {
    const redirectResponse =
      'HTTP/1.1 302 Found\r\nlocation: /final\r\ncontent-length: 26\r\n\r\nthis body is read, dropped';
    const finalResponse = 'HTTP/1.1 200 OK\r\ncontent-length: 5\r\nx-thing: abc\r\n\r\nhello';
    const received: string[] = [];
    const raw = createServer((socket: Socket) => {
      socket.on('error', () => {});
      let buffer = '';
      socket.setEncoding('latin1');
      socket.on('data', (data: string) => {
        buffer += data;
        for (;;) {
          const end = buffer.indexOf('\r\n\r\n');
          if (end === -1) return;
          const length = Number(/content-length: (\d+)/i.exec(buffer.slice(0, end))?.[1] ?? 0);
          if (buffer.length < end + 4 + length) return;
          const request = buffer.slice(0, end + 4 + length);
          received.push(request);
          buffer = buffer.slice(end + 4 + length);
          socket.write(request.startsWith('PUT /start ') ? redirectResponse : finalResponse);
        }
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => raw.close(() => resolve())));
    const { http, recorder } = client({
      baseUrl: `http://127.0.0.1:${(raw.address() as AddressInfo).port}`,
      headers: { 'user-agent': 'volley/x' },
    });
    const res = await http.put('/start', { body: 'twelve bytes' });
    expect(res.text()).toBe('hello');
    expect(res.headers['x-thing']).toBe('abc');
    expect(res.headers.location).toBeUndefined();
    expect(received).toHaveLength(2);
    expect(received.map((r) => r.split('\r\n')[0])).toEqual(['PUT /start HTTP/1.1', 'PUT /final HTTP/1.1']);
    expect(recorder.records).toHaveLength(1);
    expect(recorder.last().bytesIn).toBe(redirectResponse.length + finalResponse.length);
    expect(recorder.last().bytesOut).toBe(received.reduce((sum, r) => sum + Buffer.byteLength(r, 'latin1'), 0));
    await http.destroy();
  });

  it('keeps exactly the final body when it arrives in several chunks after a redirect with a body', async () => {
    const s = await server((req, res) => {
      if (req.url === '/start') {
        redirect(res, 302, '/chunks');
        return;
      }
      res.write('one,');
      setTimeout(() => res.write('two,'), 5);
      setTimeout(() => res.end('three'), 10);
    });
    const kept = client({ baseUrl: s.url });
    const discarded = client({ baseUrl: s.url, discardBody: true });
    const res = await kept.http.get('/start');
    expect(res.text()).toBe('one,two,three');
    expect(res.body.length).toBe(13);
    const empty = await discarded.http.get('/start');
    expect([empty.status, empty.body.length]).toEqual([200, 0]);
    expect(discarded.recorder.last().bytesIn).toBe(kept.recorder.last().bytesIn);
  });

  it('follows a redirect whose body runs until the server closes the connection', async () => {
    const targets: string[] = [];
    const raw = createServer((socket: Socket) => {
      socket.on('error', () => {});
      let pending = '';
      socket.on('data', (chunk: Buffer) => {
        pending += chunk.toString('latin1');
        const end = pending.indexOf('\r\n\r\n');
        if (end === -1) return;
        const target = pending.slice(0, end).split(' ')[1] ?? '';
        pending = pending.slice(end + 4);
        targets.push(target);
        // Neither content-length nor chunked: the body ends with the connection.
        if (target === '/start') socket.end('HTTP/1.1 302 Found\r\nlocation: /final\r\n\r\nmoved, then closed');
        else socket.write(`HTTP/1.1 200 OK\r\ncontent-length: ${target.length}\r\n\r\n${target}`);
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => raw.close(() => resolve())));
    const { http, recorder } = client({ baseUrl: `http://127.0.0.1:${(raw.address() as AddressInfo).port}` });
    const res = await http.get('/start');
    expect([res.status, res.text(), res.failed, res.error]).toEqual([200, '/final', false, undefined]);
    expect(targets).toEqual(['/start', '/final']);
    expect(recorder.errors).toEqual([]);
    await http.destroy();
  });

  it('fails the request when a hop cannot connect, as one record with status 0', async () => {
    const port = await closedPort();
    const s = await server((_req, res) => redirect(res, 307, `http://127.0.0.1:${port}/gone`));
    const { http, recorder } = client({ baseUrl: s.url });
    const res = await http.post('/start', { body: 'x' });
    expect([res.status, res.failed, res.redirects]).toEqual([0, true, 1]);
    expect(res.error?.message).toBe(`connection refused: nothing is listening on 127.0.0.1:${port}`);
    expect(res.url).toBe(`http://127.0.0.1:${port}/gone`);
    expect(recorder.records.map((r) => [recorder.rowOf(r).name, r.status, r.failed])).toEqual([['/start', 0, true]]);
    expect(recorder.errors.map((e) => e.message)).toEqual([`connection refused: nothing is listening on 127.0.0.1:${port}`]);
  });
});

describe('the redirect limit', () => {
  it('fails a redirect loop with `too many redirects (10)` and status 302 after exactly 11 requests', async () => {
    const s = await server((_req, res) => redirect(res, 302, '/loop'));
    const { http, recorder } = client({ baseUrl: s.url });
    const res = await http.get('/loop');
    expect(res.status).toBe(302);
    expect(res.failed).toBe(true);
    expect(res.ok).toBe(false);
    expect(res.error).toBeUndefined();
    expect(res.redirects).toBe(10);
    expect(s.seen).toHaveLength(11);
    expect(recorder.records.map((r) => [r.status, r.failed])).toEqual([[302, true]]);
    expect(recorder.errors.map((e) => [recorder.rowOf(e).name, e.message])).toEqual([
      ['/loop', 'too many redirects (10)'],
    ]);
  });

  it('fails past a lower limit even when the redirect is an expected status', async () => {
    const s = await server((req, res) => redirect(res, 301, `${req.url ?? ''}x`));
    const { http, recorder } = client({ baseUrl: s.url, maxRedirects: 2 });
    const res = await http.get('/a', { expect: [200, 301] });
    expect([res.status, res.failed, res.redirects]).toEqual([301, true, 2]);
    expect(s.seen.map((r) => r.url)).toEqual(['/a', '/ax', '/axx']);
    expect(recorder.errors.map((e) => e.message)).toEqual(['too many redirects (2)']);
  });

  it('follows exactly as many redirects as the limit allows', async () => {
    const s = await server((req, res, body) => {
      const n = Number(/^\/n\/(\d+)$/.exec(req.url ?? '')?.[1] ?? 0);
      if (n > 0) redirect(res, 302, `/n/${n - 1}`);
      else echo(req, res, body);
    });
    const { http, recorder } = client({ baseUrl: s.url, maxRedirects: 3 });
    const res = await http.get('/n/3');
    expect([res.status, res.failed, res.redirects]).toEqual([200, false, 3]);
    expect(recorder.errors).toEqual([]);
  });

  it('returns the redirect as is with `redirects: 0` or `maxRedirects: 0`, successful by default', async () => {
    const s = await server((req, res, body) => {
      if (req.url === '/start') redirect(res, 302, '/final');
      else echo(req, res, body);
    });
    const perRequest = client({ baseUrl: s.url });
    const off = client({ baseUrl: s.url, maxRedirects: 0 });
    for (const res of [await perRequest.http.get('/start', { redirects: 0 }), await off.http.get('/start')]) {
      expect([res.status, res.failed, res.ok, res.redirects]).toEqual([302, false, true, 0]);
      expect(res.headers.location).toBe('/final');
      expect(res.text()).toBe('moved to /final');
      expect(res.url).toBe(`${s.url}/start`);
    }
    for (const { recorder } of [perRequest, off]) {
      expect(recorder.records.map((r) => [r.status, r.failed])).toEqual([[302, false]]);
      expect(recorder.errors).toEqual([]);
    }
    // The request's limit replaces the client's, either way.
    expect((await off.http.get('/start', { redirects: 1 })).status).toBe(200);
    expect(s.seen.map((r) => r.url)).toEqual(['/start', '/start', '/start', '/final']);
  });

  it('rejects a negative or fractional limit with a TypeError', () => {
    const recorder = new FakeRecorder();
    expect(() => new HttpClient({ recorder, maxRedirects: -1 })).toThrow(
      /maxRedirects: expected a non-negative integer, got -1/,
    );
    expect(() => new HttpClient({ recorder, maxRedirects: 1.5 })).toThrow(TypeError);
    expect(() => new HttpClient({ recorder, maxRedirects: Number.NaN })).toThrow(TypeError);
    const http = new HttpClient({ recorder, baseUrl: 'http://127.0.0.1:1' });
    expect(() => http.get('/x', { redirects: -2 })).toThrow(/redirects: expected a non-negative integer, got -2/);
    expect(() => http.get('/x', { redirects: 0.5 })).toThrow(TypeError);
    expect(recorder.records).toEqual([]);
  });
});

describe('timeouts across hops', () => {
  it('restarts the precise head timer for each hop', async () => {
    const s = await server((req, res) => {
      if (req.url === '/first') setTimeout(() => redirect(res, 302, '/second'), 150);
      else setTimeout(() => res.end('made it'), 150);
    });
    const { http, recorder } = client({ baseUrl: s.url });
    // 300 ms in all, but neither wait for a head is over 250 ms.
    const res = await http.get('/first', { timeout: 0.25 });
    expect([res.status, res.text(), res.failed]).toEqual([200, 'made it', false]);
    expect(res.durationMs).toBeGreaterThanOrEqual(300 - 2 * TIMER_EARLY_MS);
    expect(recorder.errors).toEqual([]);
  });

  it('times out a hop that does not answer, on time, as the request’s failure', async () => {
    let secondAt = 0;
    const s = await server((req, res) => {
      if (req.url === '/first') redirect(res, 302, '/hang');
      else secondAt = performance.now(); // never answers
    });
    const { http, recorder } = client({ baseUrl: s.url });
    const res = await http.get('/first', { timeout: 0.2 });
    const resolvedAt = performance.now();
    expect([res.status, res.failed, res.redirects]).toEqual([0, true, 1]);
    expect(recorder.errors.map((e) => e.message)).toEqual(['timeout after 200ms waiting for headers']);
    expect(secondAt).toBeGreaterThan(0);
    // The hop's own precise timer, not the 0.5 s sweep (which would take 0.5 to 1 s).
    expect(resolvedAt - secondAt).toBeLessThan(450);
    expect(recorder.records.map((r) => [r.status, r.failed])).toEqual([[0, true]]);
    // No final response head: TTFB is the whole wait, not the redirect's head.
    expect(res.ttfbMs).toBe(res.durationMs);
  });
});

describe('destroy during a chain', () => {
  it('ends a chain whose next hop is under way with `aborted: run stopped`', async () => {
    let hangs = 0;
    const s = await server((req, res) => {
      if (req.url === '/first') redirect(res, 302, '/hang');
      else hangs++;
    });
    const { http, recorder } = client({ baseUrl: s.url });
    const pending = http.get('/first');
    while (hangs === 0) await sleep(5);
    await http.destroy();
    const res = await pending;
    expect([res.status, res.failed, res.error?.message, res.redirects]).toEqual([0, true, 'aborted: run stopped', 1]);
    expect(recorder.records).toHaveLength(1);
  });
});

describe('the rules, one by one', () => {
  it('follows 301, 302, 303, 307 and 308 only, of 301 to 308', () => {
    const followed = [301, 302, 303, 304, 305, 306, 307, 308].filter((status) => isFollowedRedirect(status));
    expect(followed).toEqual([301, 302, 303, 307, 308]);
  });

  it('resolves locations like a browser, and refuses what is not http(s)', () => {
    const from = 'http://a.test:8080/dir/page?x=1';
    expect(resolveLocation('https://b.test/p', from)?.href).toBe('https://b.test/p');
    expect(resolveLocation('//c.test/q', from)?.href).toBe('http://c.test/q');
    expect(resolveLocation('/root', from)?.href).toBe('http://a.test:8080/root');
    expect(resolveLocation('sibling', from)?.href).toBe('http://a.test:8080/dir/sibling');
    expect(resolveLocation('?y=2', from)?.href).toBe('http://a.test:8080/dir/page?y=2');
    expect(resolveLocation('ftp://a.test/f', from)).toBeUndefined();
    expect(resolveLocation('javascript:alert(1)', from)).toBeUndefined();
    expect(resolveLocation('http://[::1', from)).toBeUndefined();
  });

  it('drops the body for a 303 (not HEAD) and for a POST on 301 or 302 only', () => {
    expect(dropsBody(303, 'POST')).toBe(true);
    expect(dropsBody(303, 'DELETE')).toBe(true);
    expect(dropsBody(303, 'HEAD')).toBe(false);
    expect(dropsBody(301, 'POST')).toBe(true);
    expect(dropsBody(302, 'POST')).toBe(true);
    expect(dropsBody(302, 'PUT')).toBe(false);
    expect(dropsBody(307, 'POST')).toBe(false);
    expect(dropsBody(308, 'POST')).toBe(false);
  });

  it('removes headers case-insensitively, returning the same object when none match', () => {
    const own = { Authorization: 'a', 'x-y': 'z' };
    expect(withoutHeaders(own, ['cookie'])).toBe(own);
    expect(withoutHeaders(own, ['authorization'])).toEqual({ 'x-y': 'z' });
    expect(withoutHeaders({ COOKIE: 'c' }, ['cookie'])).toBeUndefined();
    expect(withoutHeaders(undefined, ['cookie'])).toBeUndefined();
  });

  it('reads the first value of a header from a raw block', () => {
    const block = Buffer.from('Content-Length: 0\r\nLocation:  /first \r\nlocation: /second\r\n', 'latin1');
    expect(headerValue(block, 'location')).toBe('/first');
    expect(headerValue(block, 'content-length')).toBe('0');
    expect(headerValue(block, 'etag')).toBeUndefined();
  });
});
