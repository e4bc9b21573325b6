/**
 * Every load model, run through the real CLI against loopback servers: the arrival rate keeps its
 * schedule, an open model makes a stalled server visible where a closed one hides it (coordinated
 * omission), and shapes, stages, profiles, steps, per-user iterations and ramping rates each run
 * what they promise. Every run is bounded by its load or by -t.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { type CliResult, runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let fast: LoopbackServer;
beforeAll(async () => {
  fast = await startServer((_req, res) => res.end('ok'));
});
afterAll(() => fast.close());

/** A scenario of one user class that GETs `/` after `wait`, with `load` as written. */
function scenario(load: string, wait = "constant('0ms')"): string {
  return `
import { constant, constantPacing, defineScenario, defineUser } from 'volley';
export const Visitor = defineUser({ wait: ${wait}, tasks: { visit: ({ http }) => http.get('/') } });
export default defineScenario({ users: [Visitor], load: ${load} });
`;
}

interface Run {
  cli: CliResult;
  result: Result;
}

/** Runs `volley run` on a scenario with `load` (or flags alone), reading the JSON result. */
async function runLoad(
  server: LoopbackServer,
  load: string,
  flags: readonly string[] = [],
  wait?: string,
): Promise<Run> {
  const dir = tempDir();
  const file = writeScenario(dir, 'load.ts', scenario(load, wait));
  const json = join(dir, 'result.json');
  const cli = await runCli(['run', file, '-H', server.url, '--json', json, '-q', ...flags]);
  if (cli.code === 2) throw new Error(`volley rejected the run:\n${cli.stderr}`);
  return { cli, result: JSON.parse(readFileSync(json, 'utf8')) as Result };
}

function peakUsers(result: Result): number {
  return Math.max(0, ...result.timeSeries.map((point) => point.users));
}

/**
 * A server that stops answering for 1 s every 3 s, counted from its first request: a request that
 * arrives in a stall is held until the stall ends. So stalls cover seconds 0–1, 3–4 and 6–7.
 */
function stallingServer(): Promise<LoopbackServer> {
  let start: number | undefined;
  return startServer((_req, res) => {
    const now = Date.now();
    start ??= now;
    const into = (now - start) % 3000;
    if (into < 1000) setTimeout(() => res.end('ok'), 1000 - into);
    else res.end('ok');
  });
}

describe('load models', () => {
  it('a constant arrival rate of 200/s for 5 s starts 1,000 iterations', async () => {
    const { cli, result } = await runLoad(fast, "{ rate: '200/s', duration: '5s', maxUsers: 50 }");
    expect(cli.code).toBe(0);
    expect(result.load.executor).toBe('constant-arrival-rate');
    expect(Math.abs(result.totals.iterations - 1000)).toBeLessThanOrEqual(10);
    expect(result.totals.requests).toBe(result.totals.iterations);
    expect(result.totals.droppedIterations).toBe(0);
  });

  it('an open model shows a stalling server that a closed model hides, and counts dropped arrivals', async () => {
    const servers = await Promise.all([stallingServer(), stallingServer(), stallingServer()]);
    try {
      const [open, closed, capped] = await Promise.all([
        // 50 arrivals/s keep coming through the stalls: up to 50 users are busy at once.
        runLoad(servers[0] as LoopbackServer, "{ rate: '50/s', duration: '7s', maxUsers: 100 }"),
        // Two users in a closed loop: in a stall each waits on one request and sends nothing else.
        runLoad(servers[1] as LoopbackServer, '{ users: 2 }', ['-t', '7s']),
        // Five users cannot absorb a 1 s stall at 50/s: the arrivals that find none free are dropped.
        runLoad(servers[2] as LoopbackServer, "{ rate: '50/s', duration: '7s', maxUsers: 5 }"),
      ]);
      const openP99 = open.result.totals.latency.p99;
      const closedP99 = closed.result.totals.latency.p99;
      // Arrivals in the first 300 ms of a stall (10% of them) wait over 700 ms.
      expect(openP99).toBeGreaterThanOrEqual(700);
      expect(open.result.totals.droppedIterations).toBe(0);
      // The closed loop held 2 requests per stall among thousands of fast ones.
      expect(closed.result.totals.requests).toBeGreaterThan(1000);
      expect(closed.result.totals.latency.max).toBeGreaterThanOrEqual(500);
      expect(closedP99).toBeLessThan(openP99 / 10);
      expect(capped.result.totals.droppedIterations).toBeGreaterThan(0);
      expect(capped.result.warnings.some((w) => w.includes('iterations could not start on time'))).toBe(true);
      expect(capped.result.totals.iterations + capped.result.totals.droppedIterations).toBe(350);
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
  });

  it('a shape that returns null after 2 s ends the run', async () => {
    const { cli, result } = await runLoad(
      fast,
      '{ shape: (t: number) => (t < 2 ? { users: 3 } : null) }',
      [],
      "constantPacing('20ms')",
    );
    expect(cli.code).toBe(0);
    expect(result.load.executor).toBe('shape');
    expect(result.durationMs).toBeGreaterThanOrEqual(1900);
    expect(result.durationMs).toBeLessThan(3000);
    expect(peakUsers(result)).toBe(3);
    expect(result.totals.requests).toBeGreaterThan(0);
  });

  it('--stages ramps users up to the target and back down', async () => {
    const { cli, result } = await runLoad(
      fast,
      '{ users: 1 }',
      ['--stages', '1s:4,1s:4,1s:0'],
      "constantPacing('20ms')",
    );
    expect(cli.code).toBe(0);
    expect(result.load.description).toBe('stages 1s→4, 1s→4, 1s→0');
    expect(peakUsers(result)).toBe(4);
    expect(result.durationMs).toBeGreaterThanOrEqual(2900);
    expect(result.durationMs).toBeLessThan(4000);
  });

  it('--rate 50/s -t 2s starts 100 iterations', async () => {
    const { cli, result } = await runLoad(fast, '{ users: 1 }', ['--rate', '50/s', '-t', '2s']);
    expect(cli.code).toBe(0);
    expect(result.load.executor).toBe('constant-arrival-rate');
    expect(Math.abs(result.totals.iterations - 100)).toBeLessThanOrEqual(2);
    expect(result.totals.requests).toBe(result.totals.iterations);
  });

  it('--profile sets the load, and -t still bounds it', async () => {
    const { cli, result } = await runLoad(
      fast,
      '{ users: 1 }',
      ['--profile', 'quick', '-t', '2s'],
      "constantPacing('50ms')",
    );
    expect(cli.code).toBe(0);
    // quick is 5 users at 1/s for 1m; -t replaces its duration.
    expect(result.load.description).toBe('5 users at 1/s for 2s');
    expect(result.durationMs).toBeLessThan(3000);
  });

  it('--profile with an unknown name exits 2 naming the profiles there are', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'load.ts', scenario('{ users: 1 }'));
    const cli = await runCli(['run', file, '-H', fast.url, '--profile', 'nope', '-t', '1s']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain("unknown profile 'nope'");
    expect(cli.stderr).toContain('quick, moderate, heavy, stress, normal, peak, extreme');
  });

  it('a step load keeps one phase per step, at 2, 4 and 6 users, each with its own requests', async () => {
    const { cli, result } = await runLoad(
      fast,
      "{ steps: 3, from: 2, to: 6, stepDuration: '1s' }",
      [],
      "constantPacing('100ms')",
    );
    expect(cli.code).toBe(0);
    expect(result.load.executor).toBe('step-load');
    expect(result.phases.map((phase) => phase.name)).toEqual([
      'step 1/3: 2 users',
      'step 2/3: 4 users',
      'step 3/3: 6 users',
    ]);
    expect(result.phases.map((phase) => phase.users)).toEqual([2, 4, 6]);
    // Each user paces 10 requests/s, so a 1 s step of n users makes at most about 10·n requests
    // (+20% for the requests in flight at each boundary). A busy machine makes timers late and
    // users slower, never faster: the pacing is long next to that lateness, so the floor is half.
    // Each step counts its own requests: the run's 120 would break step 3's ceiling.
    result.phases.forEach((phase) => {
      expect(phase.requests / phase.users).toBeGreaterThanOrEqual(5);
      expect(phase.requests / phase.users).toBeLessThanOrEqual(10 * 1.2);
    });
  });

  it('thresholds judge one step of a step load with phase= (here step 2 fails its own)', async () => {
    const { cli, result } = await runLoad(
      fast,
      "{ steps: 3, from: 2, to: 6, stepDuration: '1s' }",
      [
        '--threshold',
        'phase=step 1:requests<30',
        '--threshold',
        'phase=step 3:requests>=25',
        '--threshold',
        'phase=step 2:requests<10',
      ],
      "constantPacing('100ms')",
    );
    expect(cli.code).toBe(1);
    expect(result.thresholds.map((t) => [t.expression, t.ok])).toEqual([
      ['phase=step 1:requests<30', true],
      ['phase=step 3:requests>=25', true],
      ['phase=step 2:requests<10', false],
    ]);
    // Step 2 ran 4 users pacing 10/s for 1 s: up to about 40 requests (at least half that on a
    // busy machine, whose late timers slow the pacing), its own, not the run's 120.
    const step2 = result.thresholds[2]?.actual ?? 0;
    expect(step2).toBeGreaterThanOrEqual(20);
    expect(step2).toBeLessThan(50);
  });

  // Regression: a phase's users were once sampled when the recorder flushed, so a step shorter
  // than the one-second tick that ended with the run read 0 users (its only flush came after
  // every user had stopped). Each of its 6 users sends its first request as it starts.
  it('a step load reports each step’s users even when steps are shorter than a tick', async () => {
    const { cli, result } = await runLoad(
      fast,
      "{ steps: 3, from: 2, to: 6, stepDuration: '0.3s' }",
      [],
      "constantPacing('20ms')",
    );
    expect(cli.code).toBe(0);
    expect(result.phases.map((phase) => phase.users)).toEqual([2, 4, 6]);
    expect(result.phases[2]?.requests).toBeGreaterThanOrEqual(6);
  });

  it('per-user iterations run exactly users × iterations tasks', async () => {
    const { cli, result } = await runLoad(fast, '{ users: 4, iterationsPerUser: 5 }');
    expect(cli.code).toBe(0);
    expect(result.totals.requests).toBe(20);
    expect(result.totals.iterations).toBe(20);
  });

  it('a ramping arrival rate from 0 to 100/s over 2 s starts about 100 iterations', async () => {
    const { cli, result } = await runLoad(
      fast,
      "{ startRate: 0, stages: [{ duration: '2s', target: 100 }] }",
    );
    expect(cli.code).toBe(0);
    expect(result.load.executor).toBe('ramping-arrival-rate');
    // The area under the ramp: 2 s × 100/s ÷ 2.
    expect(Math.abs(result.totals.iterations - 100)).toBeLessThanOrEqual(5);
    expect(result.totals.droppedIterations).toBe(0);
  });
});
