import { Agent, get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../../src/demo/index.js';
import { TIMER_EARLY_MS } from '../../helpers/timer-slack.js';

let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer();
});

afterAll(async () => {
  await demo.close();
});

async function getJson(
  path: string,
  init?: RequestInit,
): Promise<{ status: number; body: unknown; res: Response }> {
  const res = await fetch(demo.url + path, init);
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text), res };
}

function timedGet(agent: Agent, path: string): Promise<{ ms: number; status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    get(demo.url + path, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('demo probes', () => {
  it('GET /health answers ok as JSON', async () => {
    const { status, body, res } = await getJson('/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok' });
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-length')).toBe('15');
  });

  it('GET /ready and GET /live answer 200 as JSON', async () => {
    expect(await getJson('/ready')).toMatchObject({ status: 200, body: { status: 'ready' } });
    expect(await getJson('/live')).toMatchObject({ status: 200, body: { status: 'alive' } });
  });

  it('GET / lists every route', async () => {
    const { status, body } = await getJson('/');
    expect(status).toBe(200);
    const routes = (body as { routes: string[] }).routes;
    expect(new Set(routes).size).toBe(routes.length);
    // One route of each seed's area; the areas' own tests cover the rest.
    for (const route of [
      'POST /leases',
      'GET /audit/leases/:id/export',
      'POST /audit/logs',
      'POST /budget/check',
      'POST /api/v1/generation/create',
      'POST /analyze',
      'POST /sessions/:id/upload',
    ]) {
      expect(routes).toContain(route);
    }
    expect(routes.slice(0, 15)).toEqual([
      'GET /health',
      'GET /',
      'GET /delay/:ms',
      'GET /status/:code',
      'GET /bytes/:n',
      'GET /ready',
      'GET /live',
      'GET /api/items',
      'POST /api/items',
      'GET /api/items/:id',
      'PUT /api/items/:id',
      'DELETE /api/items/:id',
      'POST /api/auth/register',
      'POST /api/auth/login',
      'GET /api/me',
    ]);
  });

  it('GET /delay/20 takes 20 ms and less than twice that on a warm connection', async () => {
    // node:http with a keep-alive agent: fetch's own overhead (~2 ms) would blur the server's.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      await timedGet(agent, '/health');
      const elapsed: number[] = [];
      for (let i = 0; i < 5; i++) {
        const { ms, status, body } = await timedGet(agent, '/delay/20');
        expect(status).toBe(200);
        expect(JSON.parse(body)).toEqual({ delayedMs: 20 });
        elapsed.push(ms);
      }
      // Every reading is at least the delay; the fastest shows what the server adds. Scheduling
      // noise on a busy machine only ever adds, a few ms, tens at worst, so the minimum is the
      // honest bound; a server that waited twice reads 40.
      expect(Math.min(...elapsed)).toBeGreaterThanOrEqual(20 - TIMER_EARLY_MS);
      expect(Math.min(...elapsed)).toBeLessThan(40);
    } finally {
      agent.destroy();
    }
  });

  it('GET /delay/0 answers at once; out-of-range or non-numeric delays are 400', async () => {
    expect(await getJson('/delay/0')).toMatchObject({ status: 200, body: { delayedMs: 0 } });
    expect((await getJson('/delay/60001')).status).toBe(400);
    expect((await getJson('/delay/-1')).status).toBe(400);
    const { status, body } = await getJson('/delay/abc');
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'delay must be an integer number of milliseconds from 0 to 60000' });
  });

  it('GET /status/:code answers with that status', async () => {
    expect(await getJson('/status/201')).toMatchObject({ status: 201, body: { status: 201 } });
    expect(await getJson('/status/418')).toMatchObject({ status: 418, body: { status: 418 } });
    expect(await getJson('/status/503')).toMatchObject({ status: 503, body: { status: 503 } });
    expect(await getJson('/status/599')).toMatchObject({ status: 599, body: { status: 599 } });
    expect(await getJson('/status/204')).toMatchObject({ status: 204, body: undefined });
  });

  it('GET /status/:code rejects codes outside 100-599 and informational ones', async () => {
    for (const code of ['99', '600', 'x', '1000']) {
      const { status, body } = await getJson(`/status/${code}`);
      expect(status).toBe(400);
      expect(body).toEqual({ error: 'status must be an integer from 100 to 599' });
    }
    const informational = await getJson('/status/101');
    expect(informational.status).toBe(400);
    expect((informational.body as { error: string }).error).toContain('informational');
  });

  it('GET /bytes/:n answers exactly n bytes', async () => {
    for (const n of [0, 1, 1000, 10 * 1024 * 1024]) {
      const res = await fetch(`${demo.url}/bytes/${n}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect((await res.arrayBuffer()).byteLength).toBe(n);
    }
    expect((await getJson(`/bytes/${10 * 1024 * 1024 + 1}`)).status).toBe(400);
    expect((await getJson('/bytes/1.5')).status).toBe(400);
  });

  it('HEAD on a GET route answers headers only', async () => {
    const res = await fetch(`${demo.url}/health`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('15');
    expect(await res.text()).toBe('');
  });

  it('an unknown route is a JSON 404', async () => {
    const { status, body, res } = await getJson('/nope?x=1');
    expect(status).toBe(404);
    expect(body).toEqual({ error: 'no route for GET /nope' });
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await getJson('/api/unknown')).status).toBe(404);
  });

  it('a wrong method on a known path is 405 with Allow', async () => {
    const { status, body, res } = await getJson('/health', { method: 'POST' });
    expect(status).toBe(405);
    expect(body).toEqual({ error: 'method POST is not allowed on /health' });
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    const item = await getJson('/api/items/itm_1', { method: 'PATCH' });
    expect(item.status).toBe(405);
    expect(item.res.headers.get('allow')).toBe('DELETE, GET, HEAD, PUT');
  });
});
