import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/protocols/http/index.js';
import { FakeRecorder } from './fake-recorder.js';
import { startServer, type TestServer } from './test-server.js';

/** `/login` sets a session cookie, `/logout` deletes it, `/admin/login` sets one scoped to /admin; others echo the cookie header. */
let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/login') res.setHeader('Set-Cookie', ['session=s3cr3t; Path=/; HttpOnly', 'theme=dark']);
    else if (req.url === '/logout') res.setHeader('set-cookie', 'session=; Max-Age=0; Path=/');
    else if (req.url === '/admin/login') res.setHeader('SET-COOKIE', 'adm=1; Path=/admin');
    res.end(req.headers.cookie ?? '');
  });
});
afterAll(() => server.close());

describe('cookies over HTTP', () => {
  it('sends cookies a response set, drops them on Max-Age=0, and scopes them by path', async () => {
    const http = new HttpClient({ baseUrl: server.url, recorder: new FakeRecorder() });
    expect((await http.get('/before')).text()).toBe('');
    await http.post('/login');
    expect((await http.get('/me')).text()).toBe('session=s3cr3t; theme=dark');
    await http.get('/admin/login');
    expect((await http.get('/admin/panel')).text()).toBe('adm=1; session=s3cr3t; theme=dark');
    expect((await http.get('/me')).text()).toBe('session=s3cr3t; theme=dark');
    await http.get('/logout');
    expect((await http.get('/me')).text()).toBe('theme=dark');
    await http.close();
  });

  it('keeps a jar per client, and none with cookies: false', async () => {
    const a = new HttpClient({ baseUrl: server.url, recorder: new FakeRecorder() });
    const b = new HttpClient({ baseUrl: server.url, recorder: new FakeRecorder() });
    const off = new HttpClient({ baseUrl: server.url, recorder: new FakeRecorder(), cookies: false });
    await a.get('/login');
    await off.get('/login');
    expect((await b.get('/me')).text()).toBe('');
    expect((await off.get('/me')).text()).toBe('');
    expect((await a.get('/me', { headers: { cookie: 'mine=1' } })).text()).toBe('mine=1');
    await Promise.all([a.close(), b.close(), off.close()]);
  });
});
