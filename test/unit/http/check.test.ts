import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, HttpClient } from '../../../src/protocols/http/index.js';
import { FakeRecorder } from './fake-recorder.js';
import { startServer, type TestServer } from './test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/error') res.statusCode = 500;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ id: 'a1' }));
  });
});
afterAll(() => server.close());

async function setup() {
  const recorder = new FakeRecorder();
  const http = new HttpClient({ baseUrl: server.url, recorder });
  http.scope = recorder.scope('', 'User', []);
  http.scope = recorder.scope('', 'User', ['tagged']); // scope 1: proves the response keeps its own
  return { recorder, http };
}

describe('res.fail', () => {
  it('marks a recorded success failed once, with the reason as its error', async () => {
    const { recorder, http } = await setup();
    const res = await http.get('/item');
    expect(res.ok).toBe(true);
    res.fail('wrong payload');
    res.fail('again');
    expect(res.ok).toBe(false);
    expect(res.failed).toBe(true);
    const endpoint = recorder.last().endpoint;
    expect(recorder.markedFailed).toEqual([endpoint]);
    expect(recorder.errors).toEqual([{ endpoint, kind: 'request', message: 'wrong payload' }]);
    await http.close();
  });

  it('does nothing on a request that already failed', async () => {
    const { recorder, http } = await setup();
    const res = await http.get('/error');
    res.fail('extra');
    expect(recorder.markedFailed).toEqual([]);
    expect(recorder.errors.map((e) => e.message)).toEqual(['HTTP 500 Internal Server Error']);
    await http.close();
  });
});

describe('check', () => {
  it('records each named check in the response scope and returns whether all passed', async () => {
    const { recorder, http } = await setup();
    const res = await http.get('/item');
    http.scope = 0; // a later task's scope must not leak into this response's checks
    const passed = check(res, {
      'status 200': (r) => r.status === 200,
      'has id': (r) => typeof r.json<{ id: unknown }>().id === 'string',
      'id is b': (r) => r.json<{ id: string }>().id === 'b',
      throws: () => {
        throw new Error('boom');
      },
    });
    expect(passed).toBe(false);
    expect(recorder.checks).toEqual([
      { scope: 1, name: 'status 200', passed: true },
      { scope: 1, name: 'has id', passed: true },
      { scope: 1, name: 'id is b', passed: false },
      { scope: 1, name: 'throws', passed: false },
    ]);
    expect(res.failed).toBe(false);
    expect(recorder.markedFailed).toEqual([]);
    expect(check(res, { ok: (r) => r.ok })).toBe(true);
    await http.close();
  });

  it('fails the request on the first failed check when failRequest is set', async () => {
    const { recorder, http } = await setup();
    const res = await http.get('/item');
    expect(
      check(
        res,
        {
          fine: () => true,
          'has name': (r) => 'name' in r.json<object>(),
          'not json': (r) => r.json() === 1,
        },
        { failRequest: true },
      ),
    ).toBe(false);
    expect(res.failed).toBe(true);
    expect(recorder.markedFailed).toEqual([recorder.last().endpoint]);
    expect(recorder.errors.map((e) => e.message)).toEqual(['check failed: has name']);
    const good = await http.get('/item');
    expect(check(good, { fine: () => true }, { failRequest: true })).toBe(true);
    expect(good.failed).toBe(false);
    await http.close();
  });

  it('refuses async checks and foreign objects as script bugs', async () => {
    const { http } = await setup();
    const res = await http.get('/item');
    expect(() => check(res, { later: async () => true })).toThrow(/returned a Promise/);
    expect(() => check({ status: 200 } as never, { a: () => true })).toThrow(TypeError);
    await http.close();
  });
});
