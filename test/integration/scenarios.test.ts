/**
 * Several scenarios in one file: each with its own users, load, start time, tags and thresholds,
 * kept apart in the stats; `--scenario` runs one of them.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer((_req, res) => res.end('ok'));
});
afterAll(() => server.close());

const SCENARIOS = `
import { constant, defineScenario, defineUser } from 'volley';
export const Browser = defineUser({ wait: constant('20ms'), tasks: [{ run: ({ http }) => http.get('/browse') }] });
export const Buyer = defineUser({ wait: constant('20ms'), tasks: [{ run: ({ http }) => http.post('/buy') }] });
export default defineScenario({
  scenarios: {
    browse: { users: [Browser], load: { users: 2, duration: '2s' }, tags: ['read'], thresholds: ['count>10'] },
    checkout: {
      users: [Buyer],
      load: { rate: '20/s', duration: '1s', maxUsers: 5 },
      startTime: '1s',
      thresholds: ['p95<1s'],
    },
  },
  thresholds: ['successRate>=99%'],
});`;

describe('several scenarios in one file', () => {
  it('runs each with its own load and start time, keeps them apart, and scopes their thresholds', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'multi.ts', SCENARIOS);
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '-H', server.url, '--json', json, '-q']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    const browse = result.endpoints.find((e) => e.scenario === 'browse');
    const checkout = result.endpoints.find((e) => e.scenario === 'checkout');
    expect(browse?.name).toBe('/browse');
    expect(browse?.tags).toEqual(['read']);
    expect(checkout?.method).toBe('POST');
    // 20 arrivals per second for one second.
    expect(checkout?.requests).toBe(20);
    // checkout started 1 s in: its first error-free second is after browse's.
    expect(result.thresholds.map((t) => t.expression)).toEqual([
      'successRate>=99%',
      'scenario=browse:count>10',
      'scenario=checkout:p95<1s',
    ]);
    expect(result.thresholds.every((t) => t.ok)).toBe(true);
    expect(result.load.description).toContain('browse: 2 users');
    expect(result.load.description).toContain('checkout: 20/s');
    expect(result.durationMs).toBeGreaterThanOrEqual(2000);
  });

  it('runs only the scenario --scenario names, and names the available ones when it is unknown', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'multi.ts', SCENARIOS);
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '-H', server.url, '--scenario', 'checkout', '--json', json, '-q']);
    expect(run.code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.endpoints.map((e) => e.scenario)).toEqual(['checkout']);
    const unknown = await runCli(['run', file, '-H', server.url, '--scenario', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('available: browse, checkout');
  });
});
