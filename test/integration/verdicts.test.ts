/**
 * Exit codes CI relies on: 0 passed, 1 a threshold (or, without thresholds, a request) failed,
 * 3 aborted by abortOnFail; and a dead target counted as grouped errors, not a crash.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { deadPort, delayed, type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let slow: LoopbackServer;
let limited: LoopbackServer;
beforeAll(async () => {
  slow = await startServer(delayed(20));
  limited = await startServer((req, res) => {
    res.statusCode = req.url === '/limited' ? 429 : 200;
    res.setHeader('retry-after', '1');
    res.end('slow down');
  });
});
afterAll(async () => {
  await slow.close();
  await limited.close();
});

function readResult(path: string): Result {
  return JSON.parse(readFileSync(path, 'utf8')) as Result;
}

describe('verdicts and exit codes', () => {
  it('exits 1 when a threshold fails, naming it with the measured value', async () => {
    const json = join(tempDir(), 'result.json');
    const run = await runCli([
      'run',
      '--url',
      slow.url,
      '-u',
      '2',
      '-t',
      '1s',
      '--threshold',
      'p95<5ms',
      '--threshold',
      'successRate>=99%',
      '--json',
      json,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ p95<5ms \(actual \d+(\.\d+)?ms\)/);
    expect(run.stdout).toContain('✓ successRate>=99%');
    const result = readResult(json);
    expect(result.ok).toBe(false);
    expect(result.outcome).toBe('failed');
    expect(result.thresholds.map((t) => t.ok)).toEqual([false, true]);
  });

  it('exits 3 when an abortOnFail threshold fails, long before the planned end', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'abort.ts',
      `import { defineScenario, defineUser } from 'volley';
export const U = defineUser({ tasks: [{ run: ({ http }) => http.get('/') }] });
export default defineScenario({
  users: [U],
  load: { users: 2, duration: '30s' },
  thresholds: [{ p95: '<5ms', abortOnFail: true }],
});`,
    );
    const json = join(dir, 'result.json');
    const started = Date.now();
    const run = await runCli(['run', file, '-H', slow.url, '--json', json]);
    expect(run.code).toBe(3);
    expect(Date.now() - started).toBeLessThan(15_000);
    const result = readResult(json);
    expect(result.outcome).toBe('aborted');
    expect(result.abortReason).toContain('p95<5ms');
    expect(run.stdout).toContain('ABORTED');
  });

  it('counts a refused connection as grouped errors and exits 1', async () => {
    const port = await deadPort();
    const json = join(tempDir(), 'result.json');
    const run = await runCli([
      'run',
      '--url',
      `http://127.0.0.1:${port}/`,
      '-u',
      '3',
      '-t',
      '1s',
      '--json',
      json,
    ]);
    expect(run.code).toBe(1);
    const result = readResult(json);
    expect(result.totals.requests).toBeGreaterThan(0);
    expect(result.totals.failures).toBe(result.totals.requests);
    expect(result.totals.statusCodes['0']).toBe(result.totals.requests);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toContain('connection refused: nothing is listening on 127.0.0.1:');
    expect(result.errors[0]?.count).toBe(result.totals.requests);
    expect(run.stdout).toContain('connection refused');
  });

  it('counts a 429 listed in expect as a success, and as a failure otherwise', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'limits.ts',
      `import { defineScenario, defineUser } from 'volley';
export const U = defineUser({
  tasks: [
    { name: 'expected', run: ({ http }) => http.get('/limited', { name: 'expected', expect: [200, 429] }) },
    { name: 'unexpected', run: ({ http }) => http.get('/limited', { name: 'unexpected' }) },
  ],
});
export default defineScenario({ users: [U], load: { iterations: 40 } });`,
    );
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '-H', limited.url, '--json', json]);
    expect(run.code).toBe(1);
    const result = readResult(json);
    const expected = result.endpoints.find((e) => e.name === 'expected');
    const unexpected = result.endpoints.find((e) => e.name === 'unexpected');
    expect(expected?.requests).toBeGreaterThan(0);
    expect(expected?.failures).toBe(0);
    expect(expected?.statusCodes['429']).toBe(expected?.requests);
    expect(unexpected?.failures).toBe(unexpected?.requests);
    expect(result.errors.find((e) => e.endpoint.includes('unexpected'))?.message).toContain('429');
  });

  it('records task exceptions and failed checks, and the user carries on', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'checks.ts',
      `import { defineScenario, defineUser } from 'volley';
export const U = defineUser({
  tasks: [
    { name: 'throws', run: async ({ http }) => { await http.get('/'); throw new Error('boom in task'); } },
    { name: 'checks', run: async ({ http, check }) => {
        const res = await http.get('/checked');
        check(res, { 'is 200': (r) => r.status === 200, 'says hello': (r) => r.text() === 'hello' }, { failRequest: true });
      } },
  ],
});
export default defineScenario({ users: [U], load: { iterations: 30 } });`,
    );
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '-H', limited.url, '--json', json]);
    expect(run.code).toBe(1);
    const result = readResult(json);
    const thrown = result.errors.find((e) => e.kind === 'task');
    expect(thrown?.message).toBe('boom in task');
    expect(thrown?.endpoint).toBe('U task throws');
    const checkRuns = result.endpoints.find((e) => e.name === '/checked')?.requests ?? 0;
    expect(thrown?.count).toBe(30 - checkRuns);
    expect(result.checks.find((c) => c.name === 'is 200')).toMatchObject({ passes: checkRuns, fails: 0 });
    expect(result.checks.find((c) => c.name === 'says hello')).toMatchObject({ passes: 0, fails: checkRuns });
    expect(result.endpoints.find((e) => e.name === '/checked')?.failures).toBe(checkRuns);
  });
});
