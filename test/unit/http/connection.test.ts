/**
 * The client's own HTTP/1.1 connections, seen through `HttpClient`: keep-alive reuse and its
 * failure modes (idle closes, the keep-alive race and its single retry), response framing
 * (`connection: close`, bodies until close, chunked, HEAD), malformed responses, dead targets,
 * body timeouts, the bytes of a request, cookies, and close/destroy with a request in flight.
 *
 * Most servers here are raw `node:net` servers, so a test decides every byte and when each
 * socket closes, and counts the TCP connections the client opened.
 */

import { type AddressInfo, createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpClient, type HttpClientOptions } from '../../../src/protocols/http/index.js';
import { FakeRecorder } from './fake-recorder.js';
import { closedPort, startServer } from './test-server.js';

/** A request as a raw server read it. */
interface RawRequest {
  /** Which accepted connection it came on (0 for the first). */
  readonly connection: number;
  /** Its place among the requests of that connection (0 for the first). */
  readonly onConnection: number;
  readonly method: string;
  readonly target: string;
  /** The head as received (latin1), request line to blank line. */
  readonly head: string;
  /** Lowercase names; a repeated header keeps its last value. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

interface RawServer {
  readonly url: string;
  readonly port: number;
  readonly requests: RawRequest[];
  /** How many TCP connections the server accepted. */
  accepted(): number;
  /** Whether the connection with this index has closed (both directions). */
  closed(connection: number): boolean;
  close(): Promise<void>;
}

type RawHandler = (request: RawRequest, socket: Socket) => void;

// A request the client never settles should fail its test in seconds, not after the default minute.
vi.setConfig({ testTimeout: 10_000 });

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  // Clients first (they were registered after their servers), then servers.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server that parses request heads (and content-length bodies) and lets `handle` answer them. */
async function rawServer(handle: RawHandler): Promise<RawServer> {
  const requests: RawRequest[] = [];
  const sockets = new Set<Socket>();
  const closedConnections = new Set<number>();
  let accepted = 0;
  const server = createServer((socket) => {
    const connection = accepted++;
    let onConnection = 0;
    let pending = Buffer.alloc(0);
    sockets.add(socket);
    // Resets and writes to a socket the client dropped are what several tests are about.
    socket.on('error', () => {});
    socket.on('close', () => {
      sockets.delete(socket);
      closedConnections.add(connection);
    });
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const headEnd = pending.indexOf('\r\n\r\n');
        if (headEnd === -1) return;
        const head = pending.toString('latin1', 0, headEnd + 4);
        const lines = head.slice(0, -4).split('\r\n');
        const [method = '', target = ''] = (lines[0] ?? '').split(' ');
        const headers: Record<string, string> = {};
        for (const line of lines.slice(1)) {
          const colon = line.indexOf(':');
          headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
        }
        const bodyEnd = headEnd + 4 + Number(headers['content-length'] ?? '0');
        if (pending.length < bodyEnd) return;
        const body = pending.toString('utf8', headEnd + 4, bodyEnd);
        pending = pending.subarray(bodyEnd);
        const request: RawRequest = { connection, onConnection: onConnection++, method, target, head, headers, body };
        requests.push(request);
        if (!socket.destroyed) handle(request, socket);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const raw: RawServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    accepted: () => accepted,
    closed: (connection) => closedConnections.has(connection),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  cleanups.push(() => raw.close());
  return raw;
}

/** A client on `server` with a recorder, destroyed after the test. */
function client(url: string, options: Partial<HttpClientOptions> = {}): { http: HttpClient; recorder: FakeRecorder } {
  const recorder = new FakeRecorder();
  const http = new HttpClient({ baseUrl: url, recorder, timeoutMs: 5000, ...options });
  cleanups.push(() => http.destroy());
  return { http, recorder };
}

/** A 200 response with a content-length; `headers` are extra lines, each ending in CRLF. */
function reply(body: string, headers = ''): string {
  return `HTTP/1.1 200 OK\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${headers}\r\n${body}`;
}

/** Writes unless the socket is gone (a delayed write may outlive the test's server). */
function send(socket: Socket, data: string): void {
  if (!socket.destroyed && socket.writable) socket.write(data);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `condition` holds, failing the test after `withinMs`. */
async function waitFor(condition: () => boolean, what: string, withinMs = 2000): Promise<void> {
  const deadline = performance.now() + withinMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`still waiting after ${withinMs} ms for ${what}`);
    await sleep(5);
  }
}

describe('keep-alive connections the server closes', () => {
  it('opens a new connection when the server closed the idle one after 50 ms', async () => {
    const server = await rawServer((request, socket) => {
      send(socket, reply(`answer ${request.target}`));
      setTimeout(() => socket.end(), 50);
    });
    const { http, recorder } = client(server.url);
    expect((await http.get('/one')).text()).toBe('answer /one');
    await waitFor(() => server.closed(0), 'the server to close the idle connection');
    await sleep(20);
    const second = await http.get('/two');
    expect(second.status).toBe(200);
    expect(second.text()).toBe('answer /two');
    expect(server.accepted()).toBe(2);
    expect(server.requests.map((r) => [r.target, r.connection])).toEqual([
      ['/one', 0],
      ['/two', 1],
    ]);
    expect(recorder.errors).toEqual([]);
    expect(recorder.records.map((r) => r.failed)).toEqual([false, false]);
  });

  it('succeeds when the server ends the connection right after answering, whoever wins the race', async () => {
    const server = await rawServer((request, socket) => {
      // A request that arrives on an ended connection gets no answer: the client must retry it.
      if (socket.writableEnded) return;
      socket.end(reply(`answer ${request.target}`));
    });
    const { http, recorder } = client(server.url);
    for (let i = 0; i < 5; i++) {
      const res = await http.get(`/n${i}`);
      expect(res.status).toBe(200);
      expect(res.text()).toBe(`answer /n${i}`);
    }
    expect(server.accepted()).toBe(5);
    // Each attempt the race lost reached the server: it is a failed record and a retry, not hidden.
    expect(recorder.records).toHaveLength(server.requests.length);
    const lost = recorder.records.filter((r) => r.failed).length;
    expect(recorder.retries).toBe(lost);
    expect(recorder.records.filter((r) => !r.failed)).toHaveLength(5);
    for (const error of recorder.errors) expect(error.message).toMatch(/\(retried\)$/);
  });

  it.each([
    ['closes', (socket: Socket) => socket.destroy()],
    ['resets', (socket: Socket) => socket.resetAndDestroy()],
  ])(
    'retries once on a new connection when the server %s a reused connection without answering',
    async (_how, drop) => {
      const server = await rawServer((request, socket) => {
        if (request.connection === 0 && request.onConnection === 1) drop(socket);
        else send(socket, reply(`answer ${request.target}`));
      });
      const { http, recorder } = client(server.url);
      expect((await http.get('/first')).text()).toBe('answer /first');
      const second = await http.get('/second');
      expect(second.status).toBe(200);
      expect(second.text()).toBe('answer /second');
      expect(second.failed).toBe(false);
      expect(server.accepted()).toBe(2);
      expect(server.requests.map((r) => [r.target, r.connection])).toEqual([
        ['/first', 0],
        ['/second', 0],
        ['/second', 1],
      ]);
      // The dropped attempt is a failed record of its own, and counted as a retry.
      expect(recorder.errors.map((e) => e.message)).toEqual([expect.stringMatching(/\(retried\)$/)]);
      expect(recorder.retries).toBe(1);
      expect(recorder.records.map((r) => [r.status, r.failed])).toEqual([
        [200, false],
        [0, true],
        [200, false],
      ]);
    },
  );

  it.each([
    ['closes', (socket: Socket) => socket.destroy(), /the server closed the connection/],
    ['resets', (socket: Socket) => socket.resetAndDestroy(), /ECONNRESET|closed/],
  ])(
    'retries only once when the server %s every connection after its first response',
    async (_how, drop, message) => {
      let answered = 0;
      const server = await rawServer((request, socket) => {
        if (answered === 0) {
          answered++;
          send(socket, reply(`answer ${request.target}`));
        } else {
          drop(socket);
        }
      });
      const { http, recorder } = client(server.url);
      expect((await http.get('/first')).status).toBe(200);
      const second = await http.get('/second');
      expect(second.status).toBe(0);
      expect(second.failed).toBe(true);
      expect(second.error?.message).toMatch(message);
      // The dropped reused connection, then one retry on a fresh connection, and no more.
      expect(server.accepted()).toBe(2);
      expect(server.requests.map((r) => [r.target, r.connection])).toEqual([
        ['/first', 0],
        ['/second', 0],
        ['/second', 1],
      ]);
      // A request on a fresh connection is not retried at all.
      const third = await http.get('/third');
      expect(third.status).toBe(0);
      await sleep(50);
      expect(server.accepted()).toBe(3);
      expect(server.requests.filter((r) => r.target === '/third')).toHaveLength(1);
      expect(recorder.records.map((r) => [r.status, r.failed])).toEqual([
        [200, false],
        [0, true],
        [0, true],
        [0, true],
      ]);
      expect(recorder.records).toHaveLength(server.requests.length);
      expect(recorder.errors).toHaveLength(3);
      for (const error of recorder.errors) expect(error.message).toMatch(message);
    },
  );

  it('ignores a 408 the server sends on an idle connection before closing it', async () => {
    const server = await rawServer((request, socket) => {
      send(socket, reply(`answer ${request.target}`));
      if (request.connection === 0) {
        setTimeout(() => {
          send(socket, 'HTTP/1.1 408 Request Timeout\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
          socket.end();
        }, 30);
      }
    });
    const { http, recorder } = client(server.url);
    expect((await http.get('/one')).status).toBe(200);
    await waitFor(() => server.closed(0), 'the server to close the idle connection');
    await sleep(20);
    const second = await http.get('/two');
    expect([second.status, second.text()]).toEqual([200, 'answer /two']);
    expect(server.accepted()).toBe(2);
    expect(recorder.errors).toEqual([]);
    expect(recorder.records.map((r) => [r.status, r.failed])).toEqual([
      [200, false],
      [200, false],
    ]);
  });

  it('does not retry a request the server dropped on a fresh connection', async () => {
    const server = await rawServer((_request, socket) => socket.destroy());
    const { http, recorder } = client(server.url);
    const res = await http.get('/drop');
    expect(res.status).toBe(0);
    expect(res.failed).toBe(true);
    expect(res.error?.message).toBe('the server closed the connection');
    await sleep(50);
    expect(server.accepted()).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(recorder.records).toEqual([expect.objectContaining({ status: 0, failed: true })]);
    expect(recorder.errors.map((e) => e.message)).toEqual(['the server closed the connection']);
  });
});

describe('response framing', () => {
  it('does not reuse a connection after `connection: close`, even when the server keeps it open', async () => {
    const server = await rawServer((request, socket) => {
      send(socket, reply(`answer ${request.target}`, 'connection: close\r\n'));
    });
    const { http, recorder } = client(server.url);
    const first = await http.get('/one');
    const second = await http.get('/two');
    expect([first.status, first.text()]).toEqual([200, 'answer /one']);
    expect([second.status, second.text()]).toEqual([200, 'answer /two']);
    expect(server.accepted()).toBe(2);
    expect(server.requests.map((r) => [r.target, r.connection, r.onConnection])).toEqual([
      ['/one', 0, 0],
      ['/two', 1, 0],
    ]);
    // The client closed the first connection itself.
    await waitFor(() => server.closed(0), 'the client to close the first connection');
    expect(recorder.errors).toEqual([]);
  });

  it('sends queued requests on new connections after `connection: close`', async () => {
    const server = await rawServer((request, socket) => {
      send(socket, reply(`answer ${request.target}`, 'connection: close\r\n'));
    });
    const { http, recorder } = client(server.url, { connections: 1 });
    const all = await Promise.all([http.get('/a'), http.get('/b'), http.get('/c')]);
    expect(all.map((r) => [r.status, r.text()])).toEqual([
      [200, 'answer /a'],
      [200, 'answer /b'],
      [200, 'answer /c'],
    ]);
    expect(server.accepted()).toBe(3);
    expect(recorder.errors).toEqual([]);
  });

  it('does not reuse a connection after an HTTP/1.0 response without keep-alive', async () => {
    const server = await rawServer((request, socket) => {
      send(socket, `HTTP/1.0 200 OK\r\ncontent-length: ${request.target.length}\r\n\r\n${request.target}`);
    });
    const { http, recorder } = client(server.url);
    expect((await http.get('/one')).text()).toBe('/one');
    expect((await http.get('/two')).text()).toBe('/two');
    expect(server.accepted()).toBe(2);
    expect(recorder.errors).toEqual([]);
  });

  it('ends 204 and 304 responses at their head and reuses the connection', async () => {
    const server = await rawServer((request, socket) => {
      if (request.target === '/no-content') send(socket, 'HTTP/1.1 204 No Content\r\n\r\n');
      else if (request.target === '/not-modified') send(socket, 'HTTP/1.1 304 Not Modified\r\ncontent-length: 50\r\n\r\n');
      else send(socket, reply('after'));
    });
    const { http, recorder } = client(server.url);
    const noContent = await http.get('/no-content', { timeout: 1 });
    const notModified = await http.get('/not-modified', { timeout: 1 });
    expect([noContent.status, noContent.body.length]).toEqual([204, 0]);
    expect([notModified.status, notModified.body.length]).toEqual([304, 0]);
    expect((await http.get('/after')).text()).toBe('after');
    expect(server.accepted()).toBe(1);
    expect(recorder.errors).toEqual([]);
  });

  it('reads a body with neither content-length nor transfer-encoding until the close', async () => {
    const server = await rawServer((request, socket) => {
      send(socket, 'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n\r\nfirst part, ');
      setTimeout(() => {
        send(socket, `second part of ${request.target}`);
        socket.end();
      }, 20);
    });
    const { http, recorder } = client(server.url);
    const res = await http.get('/until-close');
    expect(res.status).toBe(200);
    expect(res.text()).toBe('first part, second part of /until-close');
    expect(res.headers['content-type']).toBe('text/plain');
    const next = await http.get('/next');
    expect(next.text()).toBe('first part, second part of /next');
    expect(server.accepted()).toBe(2);
    expect(recorder.errors).toEqual([]);
    expect(recorder.records.map((r) => r.failed)).toEqual([false, false]);
  });

  // The close that ends /a's body completes it inside the socket's 'close' handler, which moves
  // /b onto a new connection: /b must not be taken for a request that close cut off.
  it('completes each of several queued requests whose bodies run until the close', async () => {
    const server = await rawServer((request, socket) => {
      send(socket, `HTTP/1.1 200 OK\r\n\r\nbody of ${request.target}`);
      setTimeout(() => socket.end(), 10);
    });
    const { http, recorder } = client(server.url, { connections: 1 });
    const all = await Promise.all([http.get('/a'), http.get('/b')]);
    expect(all.map((r) => [r.status, r.text(), r.error?.message])).toEqual([
      [200, 'body of /a', undefined],
      [200, 'body of /b', undefined],
    ]);
    expect(server.accepted()).toBe(2);
    expect(recorder.errors).toEqual([]);
  });

  it('reassembles a chunked body split across writes, and exposes the headers', async () => {
    const pieces = ['5\r\nhel', 'lo\r\n', '6\r', '\n world\r\n', '1;ext=1\r\n!\r\n0\r\n', 'x-trailer: t\r\n', '\r\n'];
    const server = await rawServer((request, socket) => {
      if (request.target !== '/chunked') {
        send(socket, reply('plain'));
        return;
      }
      send(
        socket,
        'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Trace-ID: abc\r\nSet-Cookie: a=1; Path=/\r\n' +
          'set-cookie: b=2\r\nVary: accept\r\nvary: cookie\r\n\r\n',
      );
      let at = 0;
      const next = (): void => {
        send(socket, pieces[at++] as string);
        if (at < pieces.length) setTimeout(next, 10);
      };
      setTimeout(next, 10);
    });
    const { http, recorder } = client(server.url);
    const res = await http.get('/chunked');
    expect(res.status).toBe(200);
    expect(res.text()).toBe('hello world!');
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['x-trace-id']).toBe('abc');
    expect(res.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2']);
    expect(res.headers.vary).toBe('accept, cookie');
    expect(Object.keys(res.headers).every((name) => name === name.toLowerCase())).toBe(true);
    // The whole response was consumed: the connection carries the next one.
    expect((await http.get('/after')).text()).toBe('plain');
    expect(server.accepted()).toBe(1);
    expect(recorder.errors).toEqual([]);
  });

  it('completes a HEAD response at its head despite its content-length, and reuses the connection', async () => {
    const server = await rawServer((request, socket) => {
      if (request.method === 'HEAD') {
        send(socket, 'HTTP/1.1 200 OK\r\ncontent-length: 1000\r\ncontent-type: text/html\r\n\r\n');
      } else {
        send(socket, reply(`after ${request.method}`));
      }
    });
    const { http, recorder } = client(server.url);
    // Waiting for the 1000 announced bytes would end in this timeout, as status 0.
    const head = await http.head('/page', { timeout: 1 });
    expect(head.status).toBe(200);
    expect(head.failed).toBe(false);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe('1000');
    const next = await http.get('/page', { timeout: 1 });
    expect([next.status, next.text()]).toEqual([200, 'after GET']);
    expect(server.accepted()).toBe(1);
    expect(server.requests.map((r) => [r.method, r.connection])).toEqual([
      ['HEAD', 0],
      ['GET', 0],
    ]);
    expect(recorder.errors).toEqual([]);
  });
});

describe('failures', () => {
  it('fails a malformed response with status 0 and recovers on a new connection', async () => {
    const server = await rawServer((request, socket) => {
      if (request.connection === 0) send(socket, 'HELLO\r\n\r\n');
      else send(socket, reply('fine'));
    });
    const { http, recorder } = client(server.url);
    const bad = await http.get('/bad');
    expect(bad.status).toBe(0);
    expect(bad.failed).toBe(true);
    expect(bad.error?.message).toMatch(/response/);
    expect(bad.error?.message).toContain('HELLO');
    expect(recorder.errors).toEqual([{ endpoint: 0, kind: 'request', message: bad.error?.message }]);
    const good = await http.get('/good');
    expect([good.status, good.text()]).toEqual([200, 'fine']);
    expect(server.accepted()).toBe(2);
    expect(recorder.records.map((r) => [r.status, r.failed])).toEqual([
      [0, true],
      [200, false],
    ]);
  });

  it('fails every queued request to a dead target, without throwing', async () => {
    const port = await closedPort();
    const { http, recorder } = client(`http://127.0.0.1:${port}`, { connections: 1 });
    const pending = [http.get('/a'), http.get('/b'), http.post('/c', { json: { n: 1 } })];
    const settled = await Promise.allSettled(pending);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const responses = await Promise.all(pending);
    for (const res of responses) {
      expect(res.status).toBe(0);
      expect(res.failed).toBe(true);
      expect(res.error?.message).toBe(`connection refused: nothing is listening on 127.0.0.1:${port}`);
    }
    expect(recorder.records).toHaveLength(3);
    expect(recorder.records.every((r) => r.failed && r.status === 0)).toBe(true);
    expect(recorder.errors).toHaveLength(3);
    for (const error of recorder.errors)
      expect(error.message).toBe(`connection refused: nothing is listening on 127.0.0.1:${port}`);
  });

  it('times out a body that stalls after the head', async () => {
    const server = await rawServer((_request, socket) => {
      send(socket, 'HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n12345');
    });
    const { http, recorder } = client(server.url);
    const started = performance.now();
    const res = await http.get('/stall', { timeout: 0.3 });
    const elapsed = performance.now() - started;
    expect(res.status).toBe(0);
    expect(res.failed).toBe(true);
    expect(recorder.errors.map((e) => e.message)).toEqual(['timeout after 300ms waiting for body data']);
    expect(recorder.last()).toMatchObject({ status: 0, failed: true });
    // Body gaps are checked on a 0.5 s sweep: the timeout fires between 0.3 and 1 s, not never.
    expect(elapsed).toBeGreaterThanOrEqual(299);
    expect(elapsed).toBeLessThan(1500);
  });
});

describe('what the client sends', () => {
  it('writes the request line, host, content-length and JSON content type, and encodes the path', async () => {
    const server = await rawServer((_request, socket) => send(socket, reply('ok')));
    const { http } = client(server.url);
    await http.post('/p?q=1', { json: { a: 1 }, headers: { 'x-k': 'v' } });
    await http.get('/a b/é?city=Zürich');
    const [post, get] = server.requests;
    expect(post?.head.split('\r\n')[0]).toBe('POST /p?q=1 HTTP/1.1');
    expect(post?.headers).toMatchObject({
      host: `127.0.0.1:${server.port}`,
      'content-length': '7',
      'content-type': 'application/json',
      'x-k': 'v',
    });
    expect(post?.body).toBe('{"a":1}');
    expect(get?.head.split('\r\n')[0]).toBe('GET /a%20b/%C3%A9?city=Z%C3%BCrich HTTP/1.1');
    expect(get?.headers.host).toBe(`127.0.0.1:${server.port}`);
    // A GET without a body announces none.
    expect(get?.headers['content-length']).toBeUndefined();
    expect(get?.headers['content-type']).toBeUndefined();
    // Both went over one connection, and every head is plain ASCII.
    expect(server.accepted()).toBe(1);
    for (const request of server.requests) expect(request.head).toMatch(/^[\x20-\x7e\r\n]*$/);
  });

  it('sends back the cookies a response set', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/login') res.setHeader('set-cookie', ['sid=abc123; Path=/; HttpOnly', 'lang=fr']);
      res.end(req.headers.cookie ?? '(none)');
    });
    cleanups.push(() => server.close());
    const { http } = client(server.url);
    expect((await http.get('/login')).text()).toBe('(none)');
    expect((await http.get('/me')).text()).toBe('sid=abc123; lang=fr');
    expect(server.seen.map((s) => s.headers.cookie)).toEqual([undefined, 'sid=abc123; lang=fr']);
  });
});

describe('close and destroy with a request in flight', () => {
  it('close() lets the request in flight and the one queued behind it complete, closes, then refuses', async () => {
    const server = await rawServer((request, socket) => {
      setTimeout(() => send(socket, reply(`late ${request.target}`)), 100);
    });
    const { http, recorder } = client(server.url, { connections: 1 });
    const inFlight = http.get('/slow');
    const queued = http.get('/queued');
    await waitFor(() => server.requests.length === 1, 'the request to reach the server');
    let closed = false;
    const closing = http.close().then(() => {
      closed = true;
    });
    await sleep(20);
    // Still waiting for the answers.
    expect(closed).toBe(false);
    const first = await inFlight;
    expect([first.status, first.text(), first.failed]).toEqual([200, 'late /slow', false]);
    const second = await queued;
    expect([second.status, second.text(), second.failed]).toEqual([200, 'late /queued', false]);
    await closing;
    await waitFor(() => server.closed(0), 'the client to close its connection');
    const late = await http.get('/after');
    expect(late.status).toBe(0);
    expect(late.failed).toBe(true);
    expect(late.error?.message).toBe('client closed');
    // The refused request stays out of the stats.
    expect(recorder.records).toHaveLength(2);
    expect(recorder.errors).toEqual([]);
    expect(server.requests.map((r) => r.target)).toEqual(['/slow', '/queued']);
    expect(server.accepted()).toBe(1);
  });

  it('destroy() resolves the request in flight and the queued one as failed with `aborted: run stopped`', async () => {
    const server = await rawServer(() => {});
    const { http, recorder } = client(server.url, { connections: 1 });
    const pending = [http.get('/hang'), http.get('/queued')];
    await waitFor(() => server.requests.length === 1, 'the request to reach the server');
    await http.destroy();
    const responses = await Promise.all(pending);
    expect(responses.map((r) => [r.status, r.failed, r.error?.message])).toEqual([
      [0, true, 'aborted: run stopped'],
      [0, true, 'aborted: run stopped'],
    ]);
    expect(recorder.records.map((r) => [r.status, r.failed])).toEqual([
      [0, true],
      [0, true],
    ]);
    expect(recorder.errors.map((e) => e.message)).toEqual(['aborted: run stopped', 'aborted: run stopped']);
    await waitFor(() => server.closed(0), 'the client to drop its connection');
    const late = await http.get('/after');
    expect(late.error?.message).toBe('aborted: run stopped');
    expect(recorder.records).toHaveLength(2);
    // The queued request never went out.
    await sleep(20);
    expect(server.requests.map((r) => r.target)).toEqual(['/hang']);
  });
});
