import { Agent, get } from 'node:http';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { AccountStore } from '../../../src/demo/account-store.js';
import { type DemoServer, type DemoServerOptions, startDemoServer } from '../../../src/demo/index.js';
import { isLoopbackHost, resolveDemoOptions } from '../../../src/demo/options.js';
import { seededRandom } from '../../../src/core/random.js';
import { HEADERS_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS } from '../../../src/demo/server.js';
import { isVolleyError } from '../../../src/errors.js';
import { TIMER_EARLY_MS } from '../../helpers/timer-slack.js';

async function withServer(
  options: DemoServerOptions,
  body: (demo: DemoServer) => Promise<void>,
): Promise<void> {
  const demo = await startDemoServer(options);
  try {
    await body(demo);
  } finally {
    await demo.close();
  }
}

async function timed(url: string): Promise<{ ms: number; status: number; body: unknown }> {
  const started = performance.now();
  const res = await fetch(url);
  const body: unknown = await res.json();
  return { ms: performance.now() - started, status: res.status, body };
}

function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('startDemoServer', () => {
  it('listens on 127.0.0.1 on a free port and reports its url', async () => {
    await withServer({}, async (demo) => {
      expect(demo.port).toBeGreaterThan(0);
      expect(demo.url).toBe(`http://127.0.0.1:${demo.port}`);
      expect((await fetch(`${demo.url}/health`)).status).toBe(200);
    });
  });

  it('counts the responses it has served', async () => {
    await withServer({}, async (demo) => {
      expect(demo.requests()).toBe(0);
      await (await fetch(`${demo.url}/health`)).text();
      await (await fetch(`${demo.url}/nope`)).text();
      await (await fetch(`${demo.url}/api/items`)).text();
      expect(demo.requests()).toBe(3);
    });
  });

  it('adds fixed latency to /api/* but not to /health', async () => {
    // A delay far above what a busy machine adds to a loopback request, so /health's answer
    // coming sooner than it says the delay was not applied, whatever the load.
    await withServer({ latency: { fixedMs: 800 } }, async (demo) => {
      await fetch(`${demo.url}/health`);
      const api = await timed(`${demo.url}/api/items`);
      expect(api.status).toBe(200);
      expect(api.ms).toBeGreaterThanOrEqual(800 - TIMER_EARLY_MS);
      const health = await timed(`${demo.url}/health`);
      expect(health.ms).toBeLessThan(800);
    });
  });

  it('adds a seeded uniform jitter on top of the fixed latency', async () => {
    // With no error rate the server draws one number per /api request: the jitter fraction.
    const random = seededRandom(7);
    const expected = Array.from({ length: 6 }, () => 10 + random() * 40);
    await withServer({ latency: { fixedMs: 10, jitterMs: 40 }, seed: 7 }, async (demo) => {
      await fetch(`${demo.url}/health`);
      const overheads: number[] = [];
      for (const delayMs of expected) {
        const { ms } = await timed(`${demo.url}/api/items`);
        expect(ms).toBeGreaterThanOrEqual(delayMs - TIMER_EARLY_MS);
        overheads.push(ms - delayMs);
      }
      // Had the draws differed from the seed's (0–40 ms apart), some request would come before
      // its delay (above) or miss it by more. A busy machine adds tens of ms to every request.
      expect(Math.min(...overheads)).toBeLessThan(30);
      expect(Math.max(...overheads)).toBeLessThan(60);
    });
  });

  it('with errorRate 1 answers every /api/* request 500, and the rest normally', async () => {
    await withServer({ errorRate: 1 }, async (demo) => {
      for (const path of ['/api/items', '/api/items/itm_1', '/api/me', '/api/unknown']) {
        const res = await fetch(demo.url + path);
        expect(res.status).toBe(500);
        expect(await res.json()).toEqual({ error: 'injected failure' });
      }
      const post = await fetch(`${demo.url}/api/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":"x","price":1}',
      });
      expect(post.status).toBe(500);
      expect((await fetch(`${demo.url}/health`)).status).toBe(200);
      expect((await fetch(`${demo.url}/status/201`)).status).toBe(201);
    });
  });

  it('injects the same failures for the same seed', async () => {
    const statuses = async (seed: number): Promise<number[]> => {
      const out: number[] = [];
      await withServer({ errorRate: 0.5, seed }, async (demo) => {
        for (let i = 0; i < 40; i++) {
          const res = await fetch(`${demo.url}/api/items`);
          await res.arrayBuffer();
          out.push(res.status);
        }
      });
      return out;
    };
    const first = await statuses(42);
    expect(await statuses(42)).toEqual(first);
    expect(first).toContain(200);
    expect(first).toContain(500);
    expect(await statuses(43)).not.toEqual(first);
  });

  it('rejects a non-loopback host with VOLLEY_E_CONFIG', async () => {
    for (const host of ['0.0.0.0', '192.168.1.10', 'example.com', '::']) {
      const error = await rejection(startDemoServer({ host }));
      expect(isVolleyError(error) && error.code).toBe('VOLLEY_E_CONFIG');
      expect((error as Error).message).toContain(`got '${host}'`);
    }
  });

  it('collects every invalid option into one error', () => {
    let caught: unknown;
    try {
      resolveDemoOptions({
        port: 70_000,
        errorRate: 1.5,
        latency: { fixedMs: -1, jitterMs: Number.NaN },
        seed: 1.5,
      });
    } catch (error) {
      caught = error;
    }
    expect(isVolleyError(caught)).toBe(true);
    expect(isVolleyError(caught) && caught.details).toEqual([
      'port: expected an integer from 0 to 65535, got 70000',
      'latency.fixedMs: expected a number >= 0, got -1',
      'latency.jitterMs: expected a number >= 0, got NaN',
      'errorRate: expected a fraction from 0 to 1, got 1.5',
      'seed: expected an integer, got 1.5',
    ]);
    expect(resolveDemoOptions({ seed: 3 })).toEqual({
      port: 0,
      host: '127.0.0.1',
      fixedMs: 0,
      jitterMs: 0,
      errorRate: 0,
      seed: 3,
      distribution: 'none',
      meanMs: 0,
      stdMs: 0,
      degradeRps: 0,
      degradeSlopeMs: 100,
      uploadsPerWindow: 10,
      uploadWindowMs: 3_600_000,
      maxUploadBytes: 50 * 1024 * 1024,
      generationStageMs: 200,
      budgetLimit: 1000,
      budgetCoolDownMs: 0,
      clock: Date.now,
    });
  });

  it('recognizes loopback hosts', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['0.0.0.0', '10.0.0.1', '128.0.0.1', '127.0.0', '::', 'localhost.example.com'].map(isLoopbackHost),
    ).toEqual([false, false, false, false, false, false]);
  });

  it('reports a port already in use as VOLLEY_E_CONFIG', async () => {
    await withServer({}, async (demo) => {
      const error = await rejection(startDemoServer({ port: demo.port }));
      expect(isVolleyError(error) && error.code).toBe('VOLLEY_E_CONFIG');
      expect((error as Error).message).toBe(
        `demo server could not listen on 127.0.0.1:${demo.port}: EADDRINUSE`,
      );
    });
  });

  it('keeps connections alive for 65 s', async () => {
    expect(KEEP_ALIVE_TIMEOUT_MS).toBe(65_000);
    expect(HEADERS_TIMEOUT_MS).toBeGreaterThan(KEEP_ALIVE_TIMEOUT_MS);
    await withServer({}, async (demo) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const keepAlive = await new Promise<unknown>((resolve, reject) => {
          get(`${demo.url}/health`, { agent }, (res) => {
            res.resume();
            resolve(res.headers['keep-alive']);
          }).on('error', reject);
        });
        expect(keepAlive).toBe('timeout=65');
      } finally {
        agent.destroy();
      }
    });
  });

  it('close() resolves promptly with an idle keep-alive connection and a request in flight', async () => {
    const demo = await startDemoServer();
    const agent = new Agent({ keepAlive: true });
    try {
      await new Promise<void>((resolve, reject) => {
        get(`${demo.url}/health`, { agent }, (res) => {
          res.resume();
          res.on('end', resolve);
        }).on('error', reject);
      });
      const inFlight = rejection(fetch(`${demo.url}/delay/30000`));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const started = performance.now();
      await demo.close();
      expect(performance.now() - started).toBeLessThan(1000);
      expect(await inFlight).toBeInstanceOf(Error);
      await demo.close(); // a second close is harmless
    } finally {
      agent.destroy();
    }
  });
});

describe('AccountStore', () => {
  it('evicts the oldest accounts once full', () => {
    const store = new AccountStore(2);
    expect(store.register('a', 'pa')).toBe(true);
    expect(store.register('b', 'pb')).toBe(true);
    expect(store.register('c', 'pc')).toBe(true);
    expect(store.login('a', 'pa')).toBeUndefined();
    expect(store.login('b', 'pb')).toBeTypeOf('string');
    expect(store.register('b', 'again')).toBe(false);
  });

  it('never evicts a seeded account, and refuses to register its name', () => {
    const store = new AccountStore(1);
    expect(store.seed('seller', 'pw')).toBe(true);
    expect(store.register('a', 'pa')).toBe(true);
    expect(store.register('b', 'pb')).toBe(true);
    expect(store.login('a', 'pa')).toBeUndefined();
    expect(store.login('seller', 'pw')).toBeTypeOf('string');
    expect(store.login('seller', 'wrong')).toBeUndefined();
    expect(store.register('seller', 'other')).toBe(false);
    expect(store.seed('b', 'again')).toBe(false);
  });
});
