/**
 * `vu.measure()` and `vu.group()` through the real CLI: HTTP, SQL-typed, CUSTOM and GROUP rows
 * side by side in the summary and the reports, no status code invented for rows that are not
 * HTTP, a `name=` threshold on a measure row failing the run, and the same rows from workers.
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

const SCENARIO = `
import { constant, defineScenario, defineUser } from 'volley';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const Shopper = defineUser({
  wait: constant('20ms'),
  tasks: [{
    name: 'shop',
    run: async (vu) => {
      await vu.http.get('/items');
      await vu.measure('db: insert lease', () => pause(5), { type: 'sql', bytes: 10 });
      vu.measure('tick', () => 1);
      await vu.group('checkout', async () => {
        await vu.http.get('/items');
        await vu.group('pay', () => vu.http.post('/pay'));
      });
    },
  }],
});
export default defineScenario({
  users: [Shopper],
  load: { users: 2, duration: '1s' },
  thresholds: ['name=db: insert lease:p95<1ms', 'group=checkout:count>=2', 'name=checkout:p95<5s'],
});`;

function readResult(path: string): Result {
  return JSON.parse(readFileSync(path, 'utf8')) as Result;
}

describe('vu.measure() and vu.group() in a run', () => {
  it('shows HTTP, SQL, CUSTOM and GROUP rows, invents no status, and fails on a measure threshold', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'shop.ts', SCENARIO);
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '-H', server.url, '--json', json, '--csv', join(dir, 'out'), '--html', join(dir, 'report.html')]);
    // stderr carries the live line only.
    expect(run.stderr).not.toMatch(/error|warn/i);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    const rowLine = (type: string, name: string) => lines.find((l) => new RegExp(`^\\s*${type}\\s+${name}\\s`).test(l));
    expect(rowLine('GET', '/items')).toBeDefined();
    expect(rowLine('SQL', 'db: insert lease')).toBeDefined();
    expect(rowLine('CUSTOM', 'tick')).toBeDefined();
    expect(rowLine('GROUP', 'checkout')).toBeDefined();
    expect(rowLine('GET', 'checkout › /items')).toBeDefined();
    expect(rowLine('GROUP', 'checkout › pay')).toBeDefined();
    expect(rowLine('POST', 'checkout › pay › /pay')).toBeDefined();
    expect(run.stdout).toMatch(/✗ name=db: insert lease:p95<1ms \(actual \d+(\.\d+)?ms\)/);
    expect(run.stdout).toContain('✓ group=checkout:count>=2');
    expect(run.stdout).toContain('✓ name=checkout:p95<5s');

    const result = readResult(json);
    const sql = result.endpoints.find((e) => e.method === 'SQL');
    expect(sql?.name).toBe('db: insert lease');
    expect(sql?.statusCodes).toEqual({});
    expect(sql?.failures).toBe(0);
    expect(sql?.bytesIn).toBe(10 * (sql?.requests ?? 0));
    expect(sql?.latency.p50).toBeGreaterThanOrEqual(4);
    const pay = result.endpoints.find((e) => e.method === 'POST');
    expect(pay?.name).toBe('checkout › pay › /pay');
    expect(pay?.group).toBe('checkout › pay');
    // Only HTTP responses have a status: every one of them was a 200.
    const http = result.endpoints.filter((e) => ['GET', 'POST'].includes(e.method));
    const httpRequests = http.reduce((sum, e) => sum + e.requests, 0);
    expect(result.totals.statusCodes).toEqual({ '200': httpRequests });
    expect(run.stdout).toMatch(/Status codes\s+200 ×/);
    expect(run.stdout).not.toMatch(/Status codes.*-1/);

    const csv = readFileSync(join(dir, 'out_stats.csv'), 'utf8');
    expect(csv).toContain('SQL,db: insert lease,');
    expect(csv).toContain('GROUP,checkout › pay,');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('db: insert lease');
    expect(html).not.toContain('>-1<');
  });

  it('keeps groups and measure rows apart across workers', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'shop.ts', SCENARIO);
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '-H', server.url, '--workers', '2', '--json', json, '-q']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const result = readResult(json);
    const rows = result.endpoints.map((e) => `${e.method} ${e.name}${e.group === undefined ? '' : ` [${e.group}]`}`);
    expect(rows).toEqual(
      expect.arrayContaining([
        'GET /items',
        'SQL db: insert lease',
        'CUSTOM tick',
        'GROUP checkout',
        'GET checkout › /items [checkout]',
        'GROUP checkout › pay [checkout]',
        'POST checkout › pay › /pay [checkout › pay]',
      ]),
    );
    // The workers' counts add up to the totals, which leave GROUP rows out (they time calls
    // that are rows already).
    const grouped = result.endpoints.filter((e) => e.method === 'GROUP').reduce((sum, e) => sum + e.requests, 0);
    const all = result.endpoints.reduce((sum, e) => sum + e.requests, 0);
    expect(result.totals.requests).toBe(all - grouped);
    expect(result.workers?.reduce((sum, w) => sum + w.requests, 0)).toBe(result.totals.requests);
    expect(result.thresholds.map((t) => [t.expression, t.ok])).toEqual([
      ['name=db: insert lease:p95<1ms', false],
      ['group=checkout:count>=2', true],
      ['name=checkout:p95<5s', true],
    ]);
  });
});
