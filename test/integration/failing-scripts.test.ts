/**
 * Runs that fail for a reason the user must see at once: a script that throws on every task
 * (paced, counted on the live line, named in the verdict) and a target nothing listens on
 * (stopped early, exit 1, unless --keep-going).
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { deadPort, type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer((_req, res) => res.end('ok'));
});
afterAll(async () => {
  await server.close();
});

const readResult = (path: string): Result => JSON.parse(readFileSync(path, 'utf8')) as Result;

describe('a task that throws every time', () => {
  it('is paced, shows on the live line and names the task, class and error in the verdict', async () => {
    const dir = tempDir();
    // The class lives in another module and is not re-exported: it is named after its variable.
    writeScenario(
      dir,
      'personas.ts',
      `import { constant, defineUser } from 'volley';
export const Shopper = defineUser({
  wait: constant(0),
  tasks: { browse: ({ http }) => (http as unknown as { gett(path: string): unknown }).gett('/') },
});`,
    );
    const file = writeScenario(
      dir,
      'shop.ts',
      `import { defineScenario } from 'volley';
import { Shopper } from './personas.js';
export default defineScenario({ users: [Shopper], load: { users: 4, duration: '2s' } });`,
    );
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '-H', server.url, '--workers', '1', '--json', json]);
    expect(run.code).toBe(1);
    const result = readResult(json);
    const thrown = result.errors.find((e) => e.kind === 'task');
    expect(thrown?.endpoint).toBe('Shopper task browse');
    // 4 users, each pausing 1, 2, 4 … ms after each failure: about 12 tasks each in 2 s, never
    // the hundreds of thousands of a busy loop.
    expect(thrown?.count).toBeGreaterThan(0);
    expect(thrown?.count).toBeLessThanOrEqual(4 * 16);
    expect(run.stderr).toMatch(/task errors \d+/);
    expect(run.stdout).toContain(
      `FAILED (task 'browse' of Shopper threw TypeError: http.gett is not a function, ${thrown?.count} times`,
    );
  });
});

describe('a target nothing listens on', () => {
  it('stops after the first seconds with exit 1 and says nothing is listening', async () => {
    const port = await deadPort();
    const json = join(tempDir(), 'result.json');
    const started = Date.now();
    const run = await runCli(['run', '--url', `http://127.0.0.1:${port}/health`, '-t', '30s', '--json', json]);
    expect(run.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.stdout).toContain(`FAILED: nothing is listening on 127.0.0.1:${port}: is the service running?`);
    const result = readResult(json);
    expect(result.outcome).toBe('failed');
    expect(result.abortReason).toContain('nothing is listening');
    expect(result.durationMs).toBeLessThan(20_000);
  });

  it('runs its whole duration with --keep-going', async () => {
    const port = await deadPort();
    const json = join(tempDir(), 'result.json');
    const run = await runCli(['run', '--url', `http://127.0.0.1:${port}/`, '-t', '4s', '--keep-going', '--json', json]);
    expect(run.code).toBe(1);
    const result = readResult(json);
    expect(result.abortReason).toBeUndefined();
    expect(result.durationMs).toBeGreaterThanOrEqual(4000);
    expect(run.stdout).not.toContain('is the service running?');
  });

  it('keeps running when the target answers', async () => {
    const json = join(tempDir(), 'result.json');
    const run = await runCli(['run', '--url', server.url, '-t', '4s', '--json', json]);
    expect(run.code).toBe(0);
    expect(readResult(json).durationMs).toBeGreaterThanOrEqual(4000);
  });
});
