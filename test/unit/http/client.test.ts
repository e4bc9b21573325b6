import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/protocols/http/index.js';
import { FakeRecorder } from './fake-recorder.js';
import { startServer, type TestServer } from './test-server.js';

/** Echoes the request; `/status/<n>` answers with status n; `/chunks` sends three body chunks. */
let server: TestServer;
let other: TestServer;

beforeAll(async () => {
  server = await startServer((req, res, body) => {
    const url = req.url ?? '';
    const status = /^\/status\/(\d+)/.exec(url);
    if (status !== null) {
      res.statusCode = Number(status[1]);
      res.end(`status ${status[1]}`);
      return;
    }
    if (url === '/chunks') {
      res.setHeader('content-type', 'text/plain');
      res.write('one,');
      setTimeout(() => res.write('two,'), 5);
      setTimeout(() => res.end('three'), 10);
      return;
    }
    if (url === '/text') {
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.setHeader('x-multi', ['a', 'b']);
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.end('héllo');
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: req.method, url, headers: req.headers, body }));
  });
  other = await startServer((req, res) => res.end(req.url));
});

afterAll(async () => {
  await server.close();
  await other.close();
});

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function client(
  recorder = new FakeRecorder(),
  extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {},
) {
  return new HttpClient({
    baseUrl: server.url,
    recorder,
    headers: { 'user-agent': 'volley/test' },
    ...extra,
  });
}

describe('HttpClient requests', () => {
  it('sends each method and records one success per request under its method and path', async () => {
    const recorder = new FakeRecorder();
    const http = client(recorder);
    const calls = [
      () => http.get('/m'),
      () => http.post('/m'),
      () => http.put('/m'),
      () => http.patch('/m'),
      () => http.delete('/m'),
      () => http.head('/m'),
      () => http.options('/m'),
      () => http.request('propfind', '/m'),
    ];
    for (const call of calls) {
      const res = await call();
      expect(res.status).toBe(200);
      expect(res.ok).toBe(true);
    }
    const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND'];
    expect(server.seen.slice(-8).map((s) => s.method)).toEqual(methods);
    expect(recorder.records.map((r) => recorder.rowOf(r).method)).toEqual(methods);
    expect(recorder.records.every((r) => r.status === 200 && !r.failed)).toBe(true);
    expect(recorder.rows.every((r) => r.name === '/m' && r.scope === 0)).toBe(true);
    await http.close();
  });

  it('serializes json bodies with a content type and parses json responses', async () => {
    const http = client();
    const res = await http.post('/api/items', { json: { name: 'a', price: 1 } });
    const echo = res.json<Echo>();
    expect(echo.method).toBe('POST');
    expect(echo.headers['content-type']).toBe('application/json');
    expect(echo.body).toBe('{"name":"a","price":1}');
    expect(echo.headers['content-length']).toBe('22');
    const raw = await http.request('PATCH', '/x', { body: 'raw', headers: { 'content-type': 'text/plain' } });
    expect(raw.json<Echo>().body).toBe('raw');
    expect(raw.json<Echo>().headers['content-type']).toBe('text/plain');
    const bytes = await http.put('/x', { body: new Uint8Array([104, 105]) });
    expect(bytes.json<Echo>().body).toBe('hi');
    await http.close();
  });

  it('keeps each request whole when the script sends another while one is being built (a toJSON that requests)', async () => {
    const recorder = new FakeRecorder();
    const http = client(recorder);
    let inner: Promise<unknown> | undefined;
    const body = {
      toJSON() {
        inner = http.get('/inner', { headers: { 'x-inner': '1' }, query: { i: 1 } });
        return { outer: true };
      },
    };
    const outer = await http.post('/outer', { json: body, name: 'outer-name' });
    const echo = outer.json<Echo>();
    expect(echo.method).toBe('POST');
    expect(echo.url).toBe('/outer');
    expect(echo.body).toBe('{"outer":true}');
    expect(echo.headers['x-inner']).toBeUndefined();
    const innerEcho = ((await inner) as Awaited<ReturnType<typeof http.get>>).json<Echo>();
    expect(innerEcho.method).toBe('GET');
    expect(innerEcho.url).toBe('/inner?i=1');
    expect(innerEcho.headers['x-inner']).toBe('1');
    expect(recorder.rows.map((r) => `${r.method} ${r.name}`).sort()).toEqual(['GET /inner', 'POST outer-name']);
    await http.close();
  });

  it('sends a request whole after one failed while being built', async () => {
    const http = client();
    expect(() => http.get('/x', { headers: { 'x-bad': 'a\nb' } })).toThrow(TypeError);
    expect(() => http.get('relative')).toThrow(TypeError);
    const res = await http.put('/after', { body: 'b' });
    expect(res.json<Echo>()).toMatchObject({ method: 'PUT', url: '/after', body: 'b' });
    await http.close();
  });

  it('appends query parameters, encoded, repeating array keys and skipping undefined', async () => {
    const recorder = new FakeRecorder();
    const http = client(recorder);
    const res = await http.get('/search', {
      query: { q: 'a b&c', n: 1, tag: ['x', 'y'], skip: undefined, no: null },
    });
    expect(res.json<Echo>().url).toBe('/search?q=a%20b%26c&n=1&tag=x&tag=y');
    const more = await http.get('/search?page=2', { query: { q: 'z' } });
    expect(more.json<Echo>().url).toBe('/search?page=2&q=z');
    expect(recorder.rows.map((r) => r.name)).toEqual(['/search']);
    await http.close();
  });

  it('merges default and per-request headers, the request winning case-insensitively', async () => {
    const http = client();
    const plain = (await http.get('/h')).json<Echo>();
    expect(plain.headers['user-agent']).toBe('volley/test');
    const res = await http.get('/h', { headers: { 'x-trace': '1', 'User-Agent': 'custom' } });
    const seen = server.seen.at(-1);
    expect(res.json<Echo>().headers['x-trace']).toBe('1');
    expect(seen?.rawHeaders.filter((h) => h.toLowerCase() === 'user-agent')).toHaveLength(1);
    expect(seen?.headers['user-agent']).toBe('custom');
    await http.close();
  });

  it('names requests by path without the query, or by the name option, or with the origin when foreign', async () => {
    const recorder = new FakeRecorder();
    const http = client(recorder);
    await http.get('/api/items/42?x=1');
    await http.get('/api/items/43', { name: '/api/items/[id]' });
    await http.get('/api/items/44', { name: '/api/items/[id]' });
    await http.get(`${server.url}/abs?y=2#frag`);
    await http.get(`${other.url}/elsewhere?z=3`);
    const foreign = await http.get(`${other.url}?only=query`);
    expect(foreign.text()).toBe('/?only=query');
    expect(recorder.records.map((r) => recorder.rowOf(r).name)).toEqual([
      '/api/items/42',
      '/api/items/[id]',
      '/api/items/[id]',
      '/abs',
      `${other.url}/elsewhere`,
      `${other.url}/`,
    ]);
    expect(server.seen.at(-1)?.url).toBe('/abs?y=2');
    // One recorder.endpoint call per distinct row: the client caches ids.
    expect(recorder.endpointCalls).toHaveLength(5);
    await http.close();
  });

  it('resolves relative paths against a base path, and works without a base for absolute URLs', async () => {
    const recorder = new FakeRecorder();
    const based = new HttpClient({ baseUrl: `${server.url}/api/`, recorder });
    expect((await based.get('/items')).json<Echo>().url).toBe('/api/items');
    expect(recorder.rowOf(recorder.last()).name).toBe('/api/items');
    await based.close();
    const bare = new HttpClient({ recorder });
    expect((await bare.get(`${other.url}/x`)).text()).toBe('/x');
    expect(() => bare.get('/relative')).toThrow(TypeError);
    expect(() => bare.get('relative')).toThrow(TypeError);
    expect(() => bare.request('BAD METHOD', `${other.url}/`)).toThrow(TypeError);
    await bare.close();
  });

  it('records endpoints under the scope set before the request', async () => {
    const recorder = new FakeRecorder();
    const http = client(recorder);
    http.scope = recorder.scope('', 'A', []);
    await http.get('/s');
    http.scope = recorder.scope('', 'B', []);
    await http.get('/s');
    await http.get('/s');
    expect(recorder.records.map((r) => recorder.rowOf(r).scope)).toEqual([0, 1, 1]);
    expect(recorder.endpointCalls).toHaveLength(2);
    await http.close();
  });

  it('exposes lazy lowercase headers, text, and a body concatenated from several chunks', async () => {
    const http = client();
    const res = await http.get('/text');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['x-multi']).toBe('a, b');
    expect(res.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(res.text()).toBe('héllo');
    expect(res.body.equals(Buffer.from('héllo'))).toBe(true);
    const chunks = await http.get('/chunks');
    expect(chunks.text()).toBe('one,two,three');
    expect(res.method).toBe('GET');
    expect(res.name).toBe('/text');
    await http.close();
  });

  it('throws a clear error when the body is not JSON', async () => {
    const http = client();
    const res = await http.get('/text');
    expect(() => res.json()).toThrow(/GET \/text \(HTTP 200\) is not JSON: "héllo"/);
    await http.close();
  });

  it('keeps no body with discardBody but still counts its bytes', async () => {
    const kept = new FakeRecorder();
    const discarded = new FakeRecorder();
    const a = client(kept);
    const b = client(discarded, { discardBody: true });
    const full = await a.get('/chunks');
    const empty = await b.get('/chunks');
    expect(full.body.length).toBe(13);
    expect(empty.body.length).toBe(0);
    expect(discarded.last().bytesIn).toBe(kept.last().bytesIn);
    await a.close();
    await b.close();
  });

  it('throws a TypeError naming the header for an invalid header value (a script bug), like a bad URL', async () => {
    const recorder = new FakeRecorder();
    const http = client(recorder);
    expect(() => http.get('/x', { headers: { 'x-bad': 'a\nb' } })).toThrow(/invalid value for header 'x-bad'/);
    expect(() => http.get('/x', { headers: { 'bad name': 'v' } })).toThrow(TypeError);
    expect(recorder.records).toHaveLength(0);
    await http.close();
  });
});
