/**
 * Seed 004's pytest load-test suite as vitest tests: start the service, run a stress test, a
 * benchmark or a whole scenario in-process, and assert on the typed result. `assertPassed`
 * throws an error listing every failed threshold with its measured value, so a red test says
 * what broke. The numbers are scaled down to keep CI fast.
 *
 * Copy it into your tests as `load.test.ts` and start your own service instead of the demo's.
 * In this repository, `test/examples/load-vitest.test.ts` imports it so CI runs it.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertPassed,
  bench,
  constantPacing,
  defineScenario,
  defineUser,
  run,
  runBench,
  runStress,
  stress,
} from 'volley';
import { type DemoServer, startDemoServer } from '../../src/demo/index.js';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
  // One request first, so loading fetch itself is not part of the first measured test.
  await request('/health');
});
afterAll(async () => {
  await server.close();
});

/** One request whose failure (a non-2xx status) counts as a failed operation. */
async function request(path: string, init?: RequestInit): Promise<void> {
  const response = await fetch(`${server.url}${path}`, init);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${path}: ${response.status}`);
}

describe('demo service under load (vitest)', () => {
  it('handles 100 concurrent health checks', async () => {
    const result = await runStress(
      stress(
        'health checks',
        () => request('/health'),
        { concurrency: 100, opsPerWorker: 1 },
        {
          thresholds: { successRate: '>=100%', p95: '<1s' },
        },
      ),
    );
    assertPassed(result);
  });

  it('serves 50 concurrent reads', async () => {
    const result = await runStress(
      stress(
        'item list',
        () => request('/api/items?limit=20'),
        { concurrency: 50, opsPerWorker: 2 },
        {
          thresholds: { successRate: '>=99%', p95: '<500ms' },
        },
      ),
    );
    assertPassed(result);
    expect(result.state === 'completed' && result.levels[0]?.ops).toBe(100);
  });

  // Seed 004's rate-limit test (429 with Retry-After past the upload limit) needs the demo's
  // `/sessions/…/upload`, which is still being built.
  it.todo('answers 429 with Retry-After once the upload limit is reached');

  it('takes 100 concurrent writes', async () => {
    const create = (worker: number): Promise<void> =>
      request('/api/items', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `lamp ${worker}`, price: 19.5 }),
      });
    assertPassed(
      await runStress(
        stress(
          'item writes',
          create,
          { concurrency: 100, opsPerWorker: 1 },
          {
            thresholds: { successRate: '>=99%' },
          },
        ),
      ),
    );
  });

  it('keeps latency low under sustained load', async () => {
    const Reader = defineUser({
      wait: constantPacing('100ms'),
      tasks: [{ name: 'list', run: ({ http }) => http.get('/api/items') }],
    });
    const scenario = defineScenario({
      host: server.url,
      users: [Reader],
      load: { users: 5, spawnRate: 50, duration: '2s' },
      thresholds: ['successRate>=99%', 'p95<250ms'],
    });
    const result = await run(scenario);
    assertPassed(result);
    expect(result.totals.requests).toBeGreaterThanOrEqual(50);
  });

  it('does not leak memory over 200 requests', async () => {
    const result = await runStress(
      stress(
        'leak check',
        () => request('/api/items'),
        { concurrency: 10, opsPerWorker: 20 },
        {
          monitorInterval: '20ms',
          thresholds: { successRate: '>=99%', memoryGrowth: '<50MB' },
        },
      ),
    );
    assertPassed(result);
    expect(result.state === 'completed' && result.levels[0]?.resources.generator.memoryGrowth?.leaking).toBe(
      false,
    );
  });

  it('answers a health check in well under 50 ms', async () => {
    const result = await runBench(
      bench('GET /health', () => request('/health'), {
        iterations: 100,
        thresholds: { mean: '<20ms', p95: '<50ms' },
      }),
    );
    assertPassed(result);
  });
});
