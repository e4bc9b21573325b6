import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../../src/demo/index.js';
import { cookieValue, validateCredentials } from '../../../src/demo/routes/auth.js';

let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer();
});

afterAll(async () => {
  await demo.close();
});

function post(path: string, json: unknown): Promise<Response> {
  return fetch(demo.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(json),
  });
}

function me(headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${demo.url}/api/me`, { headers });
}

describe('auth', () => {
  it('registers, refuses a duplicate, and logs in with a token and a session cookie', async () => {
    const registered = await post('/api/auth/register', { username: 'ada', password: 's3cret' });
    expect(registered.status).toBe(201);
    expect(await registered.json()).toEqual({ username: 'ada' });

    const duplicate = await post('/api/auth/register', { username: 'ada', password: 'other' });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toEqual({ error: 'username ada is already registered' });

    const login = await post('/api/auth/login', { username: 'ada', password: 's3cret' });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(login.headers.getSetCookie()).toEqual([`session=${token}; Path=/; HttpOnly`]);

    const byBearer = await me({ authorization: `Bearer ${token}` });
    expect(byBearer.status).toBe(200);
    expect(await byBearer.json()).toEqual({ username: 'ada' });

    const byCookie = await me({ cookie: `theme=dark; session=${token}` });
    expect(byCookie.status).toBe(200);
    expect(await byCookie.json()).toEqual({ username: 'ada' });
  });

  it('knows the seeded seller account from the start', async () => {
    const login = await post('/api/auth/login', { username: 'seller', password: 'pw' });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const byBearer = await me({ authorization: `Bearer ${token}` });
    expect(await byBearer.json()).toEqual({ username: 'seller' });
    const wrong = await post('/api/auth/login', { username: 'seller', password: 'nope' });
    expect(wrong.status).toBe(401);
  });

  it('gives every login its own token', async () => {
    await post('/api/auth/register', { username: 'grace', password: 'pw' });
    const first = (await (await post('/api/auth/login', { username: 'grace', password: 'pw' })).json()) as {
      token: string;
    };
    const second = (await (await post('/api/auth/login', { username: 'grace', password: 'pw' })).json()) as {
      token: string;
    };
    expect(first.token).not.toBe(second.token);
    expect((await me({ authorization: `Bearer ${first.token}` })).status).toBe(200);
    expect((await me({ authorization: `Bearer ${second.token}` })).status).toBe(200);
  });

  it('answers 401 on bad credentials', async () => {
    await post('/api/auth/register', { username: 'linus', password: 'right' });
    for (const credentials of [
      { username: 'linus', password: 'wrong' },
      { username: 'nobody', password: 'right' },
    ]) {
      const res = await post('/api/auth/login', credentials);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'invalid username or password' });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('answers 401 on /api/me without valid credentials', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer nope' },
      { cookie: 'session=nope' },
      { authorization: 'Basic eDp5' },
    ];
    for (const headers of attempts) {
      const res = await me(headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('validates the body of register and login', async () => {
    const res = await post('/api/auth/register', { username: '', password: 7 });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'invalid request body',
      details: [
        'username: must be a string of 1 to 100 characters',
        'password: must be a string of 1 to 200 characters',
      ],
    });
    const login = await post('/api/auth/login', 'just a string');
    expect(login.status).toBe(400);
    const unsupported = await fetch(`${demo.url}/api/auth/login`, { method: 'POST', body: 'x' });
    expect(unsupported.status).toBe(415);
    expect((await fetch(`${demo.url}/api/auth/login`)).status).toBe(405);
  });
});

describe('auth helpers', () => {
  it('validateCredentials accepts the boundaries', () => {
    expect(validateCredentials({ username: 'u', password: 'p' })).toEqual({
      ok: true,
      username: 'u',
      password: 'p',
    });
    expect(validateCredentials({ username: 'u'.repeat(100), password: 'p'.repeat(200) })).toMatchObject({
      ok: true,
    });
    expect(validateCredentials({ username: 'u'.repeat(101), password: 'p' })).toEqual({
      ok: false,
      details: ['username: must be a string of 1 to 100 characters'],
    });
    expect(validateCredentials([])).toMatchObject({ ok: false });
  });

  it('cookieValue finds one cookie among several', () => {
    expect(cookieValue('a=1; session=xyz; b=2', 'session')).toBe('xyz');
    expect(cookieValue('mysession=1', 'session')).toBeUndefined();
    expect(cookieValue(undefined, 'session')).toBeUndefined();
  });
});
