/**
 * Ctrl-C: the first SIGINT stops gracefully and the results gathered so far are still written.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { delayed, type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer(delayed(5));
});
afterAll(() => server.close());

describe('interrupt', () => {
  it('writes the summary and the JSON on SIGINT, and exits 3 (stopped before its planned end)', async () => {
    const json = join(tempDir(), 'result.json');
    const started = Date.now();
    const run = await runCli(['run', '--url', server.url, '-u', '5', '-t', '60s', '--json', json], {
      // Interrupted once the server has seen 100 requests, not after a fixed time: a busy
      // machine can take seconds just to start the CLI.
      onSpawn: (child) => {
        const poll = setInterval(() => {
          if (child.exitCode !== null || child.signalCode !== null) clearInterval(poll);
          else if ((server.hits.get('/') ?? 0) >= 100) {
            clearInterval(poll);
            child.kill('SIGINT');
          }
        }, 10);
      },
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Stopping');
    expect(run.stdout).toContain('ABORTED');
    expect(existsSync(json)).toBe(true);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.outcome).toBe('aborted');
    // The 100 the server saw, less at most the 5 users' requests in flight.
    expect(result.totals.requests).toBeGreaterThanOrEqual(95);
    expect(result.durationMs).toBeLessThan(10_000);
  });
});
