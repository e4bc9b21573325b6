/**
 * Seed 004's pytest load-test suite with Node's own test runner: the same tests as
 * `load.vitest.ts`, in plain JavaScript, run with `node --test examples/test-runner/load.node-test.mjs`
 * (after `npm run build`: Node 20 runs JavaScript, so 'volley' is the built package).
 *
 * `assertPassed` throws an error listing every failed threshold with its measured value.
 */

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
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
import { startDemoServer } from '../../dist/demo/index.js';

/** @type {import('../../dist/demo/index.js').DemoServer} */
let server;
before(async () => {
  server = await startDemoServer();
  // One request first, so loading fetch itself is not part of the first measured test.
  await request('/health');
});
after(async () => {
  await server.close();
});

/** One request whose failure (a non-2xx status) counts as a failed operation. */
async function request(path, init) {
  const response = await fetch(`${server.url}${path}`, init);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${path}: ${response.status}`);
}

describe('demo service under load (node:test)', () => {
  it('handles 100 concurrent health checks', async () => {
    assertPassed(
      await runStress(
        stress(
          'health checks',
          () => request('/health'),
          { concurrency: 100, opsPerWorker: 1 },
          {
            thresholds: { successRate: '>=100%', p95: '<1s' },
          },
        ),
      ),
    );
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
    assert.equal(result.levels[0].ops, 100);
  });

  it('answers 429 with Retry-After once the upload limit is reached', {
    todo: 'needs the demo /sessions uploads',
  });

  it('takes 100 concurrent writes', async () => {
    const create = (worker) =>
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
    const result = await run(
      defineScenario({
        host: server.url,
        users: [Reader],
        load: { users: 5, spawnRate: 50, duration: '2s' },
        thresholds: ['successRate>=99%', 'p95<250ms'],
      }),
    );
    assertPassed(result);
    assert.ok(result.totals.requests >= 50, `only ${result.totals.requests} requests`);
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
    assert.equal(result.levels[0].resources.generator.memoryGrowth.leaking, false);
  });

  it('answers a health check in well under 50 ms', async () => {
    assertPassed(
      await runBench(
        bench('GET /health', () => request('/health'), {
          iterations: 100,
          thresholds: { mean: '<20ms', p95: '<50ms' },
        }),
      ),
    );
  });
});
