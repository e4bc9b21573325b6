/**
 * The therapybridge example (seed 004) at CI scale, against demo services started here: the
 * personas and their tags, the built-in presets, rate-limit enforcement (and that the test fails
 * when the limit is not enforced), the baseline test, and a sustained run saved and compared
 * with a baseline. The runs are independent, so they go in parallel.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../src/demo/index.js';
import type { Result } from '../../src/metrics/result.js';
import { type CliResult, runCli, tempDir } from '../helpers/cli.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/therapybridge/', import.meta.url));

/** The demo as the seed's backend: 10 uploads per user per hour. */
let server: DemoServer;
/** A backend whose upload limit is far too loose: the rate-limit test must catch it. */
let unlimited: DemoServer;
/** Fixed latency, so two runs' latencies differ by little more than noise. */
let steady: DemoServer;
beforeAll(async () => {
  [server, unlimited, steady] = await Promise.all([
    startDemoServer(),
    startDemoServer({ uploads: { perWindow: 1000 } }),
    startDemoServer({ latency: { fixedMs: 20 } }),
  ]);
});
afterAll(() => Promise.all([server.close(), unlimited.close(), steady.close()]));

interface Run extends CliResult {
  result: Result;
}

async function run(
  args: string[],
  target: DemoServer = server,
  env: Record<string, string> = {},
): Promise<Run> {
  const json = join(tempDir(), 'result.json');
  const cli = await runCli(['run', ...args, '-H', target.url, '--json', json, '-q'], { cwd: EXAMPLE, env });
  expect(cli.stderr).toBe('');
  return { ...cli, result: JSON.parse(readFileSync(json, 'utf8')) as Result };
}

const classes = (result: Result): string[] => result.userClasses.map((c) => c.user).sort();
const check = (result: Result, name: string) => result.checks.find((c) => c.name === name);

describe.concurrent('examples/therapybridge (seed 004)', () => {
  it('runs the three personas at CI size (429s from the upload limit included), with HTML', async () => {
    const html = join(tempDir(), 'report.html');
    const { code, result } = await run(['load-test.ts', '--profile', 'ci', '--html', html]);
    expect(code).toBe(0);
    expect(result.load.description).toBe('10 users at 10/s for 5s');
    expect(classes(result)).toEqual(['DbPoolUser', 'RateLimitProbe', 'Therapist']);
    expect(result.thresholds.map((t) => [t.expression, t.ok])).toEqual([
      ['successRate>=98%', true],
      ['checks>=99%', true],
      ['p95<5s', true],
    ]);
    // The probe uploads every 200 ms: past its 10th upload the limit answers 429, which counts as a success.
    const probe = result.endpoints.find((e) => e.user === 'RateLimitProbe' && e.name === '/sessions/upload');
    expect(probe?.statusCodes['201']).toBe(10);
    expect(probe?.statusCodes['429']).toBeGreaterThan(0);
    expect(probe?.failures).toBe(0);
    expect(check(result, '429 carries Retry-After in seconds')?.fails).toBe(0);
    // Each persona's requests carry its tasks' tags.
    expect(probe?.tags).toEqual(['rate-limit', 'upload']);
    const burst = result.endpoints.find((e) => e.user === 'DbPoolUser' && e.name === '/sessions');
    expect(burst?.tags).toEqual(['db-pool', 'read']);
    const list = result.endpoints.find(
      (e) => e.user === 'Therapist' && e.method === 'GET' && e.name === '/sessions',
    );
    expect(list?.tags).toEqual(['read', 'sessions']);
    expect(readFileSync(html, 'utf8')).toContain('RateLimitProbe');
  });

  it('selects personas and tasks with --tags and --exclude-tags', async () => {
    const [only, without] = await Promise.all([
      run(['load-test.ts', '--profile', 'ci', '-t', '2s', '--tags', 'rate-limit']),
      run(['load-test.ts', '--profile', 'ci', '-t', '2s', '--exclude-tags', 'upload,db-pool']),
    ]);
    expect(classes(only.result)).toEqual(['RateLimitProbe']);
    expect(only.result.options.tags).toEqual(['rate-limit']);
    expect(classes(without.result)).toEqual(['Therapist']);
    const names = without.result.endpoints.map((e) => e.name);
    expect(names).toContain('/sessions');
    expect(names.filter((n) => n.includes('upload'))).toEqual([]);
  });

  it.each([
    ['quick', '5 users at 1/s'],
    ['moderate', '20 users at 2/s'],
    ['heavy', '50 users at 5/s'],
    ['stress', '100 users at 10/s'],
  ])("--profile %s is the seed's preset (%s)", async (preset, load) => {
    // -t shortens the run; the preset's users and spawn rate still apply.
    const { result } = await run(['load-test.ts', '--profile', preset, '-t', '1s']);
    expect(result.load.description).toBe(`${load} for 1s`);
  });

  it('enforces the upload limit: 10 accepted per user, then 429 with Retry-After', async () => {
    const { code, result } = await run(['rate-limit.ts']);
    expect(code).toBe(0);
    const uploads = result.endpoints.find((e) => e.name === '/sessions/upload');
    expect(uploads?.requests).toBe(150);
    expect(uploads?.statusCodes).toEqual({ '201': 30, '429': 120 });
    expect(check(result, 'within the limit: accepted (201)')).toMatchObject({ passes: 30, fails: 0 });
    expect(check(result, 'past the limit: refused (429)')).toMatchObject({ passes: 120, fails: 0 });
    expect(check(result, 'past the limit: Retry-After in seconds')).toMatchObject({ passes: 120, fails: 0 });
    expect(result.thresholds.every((t) => t.ok)).toBe(true);
  });

  it('fails the rate-limit test when the limit is not enforced', async () => {
    const { code, stdout, result } = await run(['rate-limit.ts'], unlimited);
    expect(code).toBe(1);
    expect(check(result, 'past the limit: refused (429)')).toMatchObject({ passes: 0, fails: 120 });
    expect(result.thresholds.find((t) => t.expression === 'checks==100%')?.ok).toBe(false);
    expect(stdout).toContain('✗ checks==100%');
  });

  it('follows another limit given as UPLOAD_LIMIT', async () => {
    const strict = await startDemoServer({ uploads: { perWindow: 4 } });
    try {
      const { code, result } = await run(['rate-limit.ts'], strict, { UPLOAD_LIMIT: '4' });
      expect(code).toBe(0);
      expect(result.endpoints.find((e) => e.name === '/sessions/upload')?.statusCodes).toEqual({
        '201': 12,
        '429': 138,
      });
    } finally {
      await strict.close();
    }
  });

  it('passes the baseline test: health, core endpoints, 50 sequential requests', async () => {
    const { code, result } = await run(['baseline.ts']);
    expect(code).toBe(0);
    const requests = Object.fromEntries(result.userClasses.map((c) => [c.user, c.requests]));
    expect(requests).toEqual({ HealthCheck: 20, CoreEndpoints: 20, StabilityProbe: 50 });
    const core = result.endpoints.filter((e) => e.user === 'CoreEndpoints');
    expect(core.map((e) => [e.name, e.requests])).toEqual(
      expect.arrayContaining([
        ['/', 5],
        ['/health', 5],
        ['/ready', 5],
        ['/live', 5],
      ]),
    );
    expect(result.thresholds).toHaveLength(6);
    expect(result.thresholds.every((t) => t.ok)).toBe(true);
  });

  it('keeps each sustained run in the history and compares the next with a baseline', async () => {
    const dir = tempDir();
    const history = join(dir, 'history');
    const baseline = join(dir, 'baseline.json');
    const first = await runCli(
      ['run', 'sustained.ts', '-t', '4s', '-H', steady.url, '--json', baseline, '--save', history, '-q'],
      { cwd: EXAMPLE },
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    // 500 per minute for 4 s: one due every 120 ms, at 0, 120, …, 3960 ms: 34 iterations on
    // schedule, in the order list, open, health.
    const saved = JSON.parse(readFileSync(baseline, 'utf8')) as Result;
    expect(saved.totals.iterations).toBe(34);
    expect(saved.thresholds.map((t) => t.expression)).toContain('tag=read:p95<500ms over 20s');

    // The second run is judged against the first. Whether two runs a few seconds apart agree
    // depends on what else the machine does meanwhile (/health has no latency of its own, so a
    // busy machine can double it), so the verdict is read, not presumed: exit 1 exactly when it
    // says REGRESSED. Verdicts themselves are tested on runs made at once (compare.test.ts).
    const second = await runCli(
      ['run', 'sustained.ts', '-t', '4s', '-H', steady.url, '--baseline', baseline, '--max-regression', '50%',
        '--save', history, '-q'],
      { cwd: EXAMPLE },
    );
    expect(second.stderr).toBe('');
    const verdict = /(NO SIGNIFICANT CHANGE|IMPROVED|REGRESSED): /.exec(second.stdout)?.[1];
    expect(verdict, second.stdout).toBeDefined();
    expect(second.code).toBe(verdict === 'REGRESSED' ? 1 : 0);
    const runs = readdirSync(join(history, 'therapybridge-sustained')).filter((f) => f.endsWith('.json'));
    expect(runs).toHaveLength(2);
    expect(existsSync(join(history, 'therapybridge-sustained', runs[0] as string))).toBe(true);
  });

  it("passes the memory-leak test, sampling the demo service's own process", async () => {
    const json = join(tempDir(), 'result.json');
    const cli = await runCli(
      ['run', 'memory-leak.ts', '--demo', '--monitor-pid', 'demo', '--json', json, '-q'],
      { cwd: EXAMPLE },
    );
    expect(cli.code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.totals.iterations).toBe(200);
    expect(cli.stderr).toMatch(/Demo service on http:\/\/127\.0\.0\.1:\d+/);
    // The demo service's process, not volley's.
    const pid = result.monitor.targets?.[0]?.pid ?? 0;
    expect(pid).toBeGreaterThan(0);
    expect(pid).not.toBe(process.pid);
    expect(result.monitor.targets?.[0]?.samples.length).toBeGreaterThanOrEqual(5);
    const growth = result.thresholds.find((t) => t.expression === 'targetMemoryGrowth<50MB');
    expect(growth?.ok).toBe(true);
    expect(growth?.actual).not.toBeNull();
  });
});
