/**
 * Worker threads: the load is split deterministically, and the merged result equals the sum of
 * the workers' shares, with the same shape as a single-process run.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHistogram } from '../../src/metrics/histogram.js';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
/** Paths the server answered, in order, for tests that check what each worker sent. */
const seen: string[] = [];
beforeAll(async () => {
  server = await startServer((req, res) => {
    seen.push(req.url ?? '');
    res.end('ok');
  });
});
afterAll(() => server.close());

function read(path: string): Result {
  return JSON.parse(readFileSync(path, 'utf8')) as Result;
}

describe('--workers', () => {
  it('starts no more threads by default than there are users', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'one-user.ts',
      `import { defineScenario, defineUser } from 'volley';
export default defineScenario({ users: [defineUser({ tasks: [{ run: ({ http }) => http.get('/one') }] })], load: { users: 1, iterations: 3 } });`,
    );
    const json = join(dir, 'result.json');
    // The default (`auto`) is a thread per core: two or more wherever this suite runs in CI.
    const run = await runCli(['run', file, '-H', server.url, '--json', json, '-q']);
    expect(run.code).toBe(0);
    expect(read(json).workers ?? []).toHaveLength(0);
    const explicit = await runCli(['run', file, '-H', server.url, '--workers', '2', '--json', json, '-q']);
    expect(explicit.code).toBe(0);
    expect(read(json).workers).toHaveLength(2);
  });

  it('splits iterations exactly over 3 workers and merges their stats exactly', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'split.ts',
      `import { constant, defineScenario, defineUser } from 'volley';
export const A = defineUser({ weight: 3, wait: constant('5ms'), tasks: [{ run: ({ http }) => http.get('/a') }] });
export const B = defineUser({ weight: 1, wait: constant('5ms'), tasks: [{ run: ({ http }) => http.get('/b') }] });
export default defineScenario({ users: [A, B], load: { users: 8, iterations: 37 } });`,
    );
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '-H', server.url, '--workers', '3', '--json', json, '-q']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = read(json);
    expect(result.totals.iterations).toBe(37);
    expect(result.totals.requests).toBe(37);
    // 37 iterations follow the 8 users (owned 3, 3, 2): 4 rounds of 8, then users 0-4 once more.
    expect(result.workers?.map((w) => w.requests)).toEqual([14, 14, 9]);
    expect(result.workers?.reduce((sum, w) => sum + w.requests, 0)).toBe(result.totals.requests);
    // The total histogram holds every worker's requests: percentiles come from the merge.
    expect(decodeHistogram(result.totals.histogram).totalCount).toBe(37);
    const rows = result.endpoints.reduce((sum, e) => sum + decodeHistogram(e.histogram).totalCount, 0);
    expect(rows).toBe(37);
  });

  it("hands each of a unique feed's rows to one worker only", async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'unique.ts',
      `import { constant, defineScenario, defineUser, feed } from 'volley';
const rows = feed(Array.from({ length: 12 }, (_, id) => ({ id })), { order: 'unique' });
export const U = defineUser({ wait: constant(0), tasks: [{ run: (vu) => vu.http.get('/row/' + rows.next(vu).id, { name: 'row' }) }] });
export default defineScenario({ users: [U], load: { users: 4, iterations: 12 } });`,
    );
    seen.length = 0;
    const run = await runCli(['run', file, '-H', server.url, '--workers', '2', '-q']);
    expect(run.code, run.stderr).toBe(0);
    const rows = seen.filter((path) => path.startsWith('/row/')).sort();
    expect(rows).toEqual(Array.from({ length: 12 }, (_, id) => `/row/${id}`).sort());
  });

  it('keeps an arrival rate exact in total when split over 2 workers', async () => {
    const json = join(tempDir(), 'result.json');
    const run = await runCli([
      'run',
      '--url',
      server.url,
      '--rate',
      '100/s',
      '-t',
      '2s',
      '--workers',
      '2',
      '--json',
      json,
      '-q',
    ]);
    expect(run.code).toBe(0);
    const result = read(json);
    expect(result.totals.iterations).toBe(200);
    expect(result.workers?.map((w) => w.requests)).toEqual([100, 100]);
    expect(result.warnings).toEqual([]);
  });

  it("warns when a worker thread's event loop is saturated, though the main thread is idle", async () => {
    const dir = tempDir();
    // One user, so one of the two workers runs it; each iteration blocks that worker for 150 ms.
    const file = writeScenario(
      dir,
      'busy.ts',
      `import { defineScenario, defineUser } from 'volley';
export const Busy = defineUser({
  tasks: [{ run: async ({ http }) => { const end = Date.now() + 150; while (Date.now() < end); await http.get('/'); } }],
});
export default defineScenario({ users: [Busy], load: { users: 1, duration: '5s' } });`,
    );
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '-H', server.url, '--workers', '2', '--json', json, '-q']);
    expect(run.code).toBe(0);
    const result = read(json);
    expect(result.workers?.map((w) => w.requests > 0)).toEqual([true, false]);
    expect(result.warnings.join('\n')).toMatch(/event-loop delay p99 above 50 ms/);
    expect(Math.max(...result.monitor.generator.map((s) => s.eventLoopDelayP99Ms))).toBeGreaterThan(100);
  });

  it('refuses a bad worker count, naming the flag', async () => {
    const run = await runCli(['run', '--url', server.url, '--workers', 'many']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "--workers: expected a number of workers from 1 to 256, or auto, got 'many'",
    );
  });
});
