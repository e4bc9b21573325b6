/**
 * Custom metrics end to end through the real CLI: each kind merged across 3 worker threads equals
 * a single-process run of the same deterministic samples; a failing custom-metric threshold fails
 * the run (exit 1); bad declarations and undeclared names are clear errors.
 */

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomMetricStats, Result } from '../../src/metrics/result.js';
import { CLI, runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer((_req, res) => res.end('ok'));
});
afterAll(() => server.close());

function read(path: string): Result {
  return JSON.parse(readFileSync(path, 'utf8')) as Result;
}

/** Every user runs 5 iterations, so the samples (from user id and iteration) are the same however the users are spread. */
const SCENARIO = `import { defineScenario, defineUser } from 'volley';
export const Shop = defineUser({
  tasks: [{ run: async (vu) => {
    await vu.http.get('/order');
    const v = vu.id * 10 + vu.iteration;
    vu.metric('orders').add(v);
    vu.metric('cache_hit').add(v % 3 === 0);
    vu.metric('pool_waiting').add(v);
    vu.metric('pool_waiting').add(7);
    vu.metric('cost_usd').add(v / 8);
    vu.metric('acquire_ms').add(v * 2);
  } }],
});
export default defineScenario({
  users: [Shop],
  load: { users: 6, iterationsPerUser: 5 },
  metrics: {
    orders: 'counter',
    cache_hit: 'rate',
    pool_waiting: 'gauge',
    cost_usd: 'trend',
    acquire_ms: { kind: 'trend', unit: 'ms' },
  },
});`;

/** What must match exactly across runs: all but a counter's per-second rate and the encoded histogram. */
function comparable(metrics: CustomMetricStats[] | undefined): Partial<CustomMetricStats>[] {
  return (metrics ?? []).map(({ perSecond: _perSecond, histogram: _histogram, ...rest }) => rest);
}

describe('custom metrics', () => {
  it('merges each kind across 3 workers into what one process records', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'metrics.ts', SCENARIO);
    const single = join(dir, 'single.json');
    const split = join(dir, 'split.json');
    const one = await runCli(['run', file, '-H', server.url, '--json', single, '-q', '--workers', '1']);
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    const three = await runCli(['run', file, '-H', server.url, '--workers', '3', '--json', split, '-q']);
    expect(three.stderr).toBe('');
    expect(three.code).toBe(0);
    const local = read(single);
    const merged = read(split);
    expect(merged.workers?.length).toBe(3);
    expect(local.metrics?.map((m) => m.name)).toEqual(['acquire_ms', 'cache_hit', 'cost_usd', 'orders', 'pool_waiting']);
    expect(comparable(merged.metrics)).toEqual(comparable(local.metrics));
    const byName = new Map((local.metrics ?? []).map((m) => [m.name, m]));
    // 30 iterations: values id*10 + iteration over users 0-5 and their 5 iterations.
    expect(byName.get('orders')?.samples).toBe(30);
    expect(byName.get('pool_waiting')).toMatchObject({ kind: 'gauge', samples: 60, last: 7 });
    expect(byName.get('cache_hit')?.samples).toBe(30);
    expect(byName.get('acquire_ms')?.unit).toBe('ms');
    expect(byName.get('cost_usd')?.samples).toBe(30);
  });

  it('merges them from 3 remote workers, through the validated wire, into what one process records', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'metrics.ts', SCENARIO);
    const single = join(dir, 'single.json');
    const remote = join(dir, 'remote.json');
    expect((await runCli(['run', file, '-H', server.url, '--json', single, '-q', '--workers', '1'])).code).toBe(0);
    const coordinator = spawn(
      process.execPath,
      [CLI, 'run', file, '-H', server.url, '--expect-workers', '3', '--json', remote, '--coordinator', '--bind', '127.0.0.1:0', '-q'],
      { env: { ...process.env, NO_COLOR: '1' } },
    );
    setTimeout(() => coordinator.kill('SIGKILL'), 60_000).unref();
    let stderr = '';
    const port = await new Promise<number>((resolve, reject) => {
      coordinator.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const match = /listening on 127\.0\.0\.1:(\d+)/.exec(stderr);
        if (match !== null) resolve(Number(match[1]));
      });
      coordinator.once('exit', () => reject(new Error(`coordinator exited early: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => coordinator.once('close', resolve));
    for (let i = 0; i < 3; i++) {
      spawn(process.execPath, [CLI, 'worker', '--connect', `127.0.0.1:${port}`], { stdio: 'ignore' });
    }
    expect(await exited).toBe(0);
    const merged = read(remote);
    expect(merged.workers?.length).toBe(3);
    expect(comparable(merged.metrics)).toEqual(comparable(read(single).metrics));
  });

  it('fails the run (exit 1) on a failing custom-metric threshold, naming it with its value', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'metrics.ts', SCENARIO);
    const json = join(dir, 'result.json');
    const run = await runCli([
      'run', file, '-H', server.url, '--json', json, '-q',
      '--threshold', 'metric=cost_usd:p95<0.5',
      '--threshold', 'metric=cache_hit:rate>10%',
      '--threshold', 'metric=orders:count>10',
    ]);
    expect(run.code).toBe(1);
    const result = read(json);
    expect(result.ok).toBe(false);
    expect(result.thresholds.map((t) => [t.expression, t.ok])).toEqual([
      ['metric=cost_usd:p95<0.5', false],
      ['metric=cache_hit:rate>10%', true],
      ['metric=orders:count>10', true],
    ]);
    expect(result.thresholds[0]?.actual).toBeGreaterThan(0.5);
  });

  it('stops a scenario with a bad metric name or kind before it runs (exit 2), naming the metric', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'bad.ts',
      `import { defineScenario, defineUser } from 'volley';
export const U = defineUser({ tasks: [{ run: () => undefined }] });
export default defineScenario({ users: [U], load: { users: 1, iterations: 1 }, metrics: { 'Cost-USD': 'trend', hits: 'histogram' } as never });`,
    );
    const run = await runCli(['run', file, '-H', server.url, '-q']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("metric 'Cost-USD'");
    expect(run.stderr).toContain("metric 'hits': kind must be one of counter, gauge, rate, trend");
  });

  it('refuses a threshold on an undeclared metric (exit 2), listing the declared ones', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'metrics.ts', SCENARIO);
    const run = await runCli(['run', file, '-H', server.url, '-q', '--threshold', 'metric=costs:p95<1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no custom metric 'costs' (declared: orders, cache_hit, pool_waiting, cost_usd, acquire_ms)");
  });

  it('records recording an undeclared name as a task error naming the declared ones', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'undeclared.ts',
      `import { defineScenario, defineUser } from 'volley';
export const U = defineUser({ tasks: [{ name: 'buy', run: (vu) => vu.metric('nope').add(1) }] });
export default defineScenario({ users: [U], load: { users: 1, iterations: 1 }, metrics: { orders: 'counter' } });`,
    );
    const json = join(dir, 'result.json');
    await runCli(['run', file, '-H', server.url, '--json', json, '-q']);
    const messages = read(json).errors.map((e) => e.message).join('\n');
    expect(messages).toContain("vu.metric('nope'): no such metric; declared: orders (counter)");
  });
});
