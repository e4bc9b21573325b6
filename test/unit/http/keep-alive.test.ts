import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/protocols/http/index.js';
import { FakeRecorder } from './fake-recorder.js';
import { startServer, type TestServer } from './test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/slow') setTimeout(() => res.end('slow'), 30);
    else res.end('ok');
  });
});
afterAll(() => server.close());

describe('connection reuse', () => {
  it('sends 50 sequential requests over one keep-alive connection', async () => {
    const before = server.connections();
    const http = new HttpClient({ baseUrl: server.url, recorder: new FakeRecorder() });
    for (let i = 0; i < 50; i++) expect((await http.get(`/n/${i}`)).status).toBe(200);
    expect(server.connections() - before).toBe(1);
    await http.close();
  });

  it('opens more connections for concurrent requests, up to the cap, and reuses them', async () => {
    const before = server.connections();
    const http = new HttpClient({ baseUrl: server.url, recorder: new FakeRecorder(), connections: 3 });
    const all = await Promise.all(Array.from({ length: 8 }, () => http.get('/slow')));
    expect(all.every((r) => r.status === 200)).toBe(true);
    expect(server.connections() - before).toBe(3);
    for (let i = 0; i < 5; i++) await http.get('/fast');
    expect(server.connections() - before).toBe(3);
    await http.close();
  });

  it('queues concurrent requests on one connection when the cap is 1', async () => {
    const before = server.connections();
    const http = new HttpClient({ baseUrl: server.url, recorder: new FakeRecorder(), connections: 1 });
    const all = await Promise.all(Array.from({ length: 4 }, () => http.get('/slow')));
    expect(all.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(server.connections() - before).toBe(1);
    // Queued behind the others, the last one waited for three responses of ~30 ms each.
    expect(all[3]?.durationMs).toBeGreaterThanOrEqual(110);
    await http.close();
  });

  it('keeps one connection pool per origin', async () => {
    const second = await startServer((_req, res) => res.end('two'));
    const before = server.connections();
    const http = new HttpClient({ baseUrl: server.url, recorder: new FakeRecorder() });
    for (let i = 0; i < 3; i++) {
      await http.get('/a');
      await http.get(`${second.url}/b`);
      await http.get(`${server.url.toUpperCase().replace('HTTP', 'http')}/c`);
    }
    expect(server.connections() - before).toBe(1);
    expect(second.connections()).toBe(1);
    await http.close();
    await second.close();
  });
});
