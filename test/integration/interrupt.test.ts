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
      onSpawn: (child) => {
        setTimeout(() => child.kill('SIGINT'), 2000);
      },
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Stopping');
    expect(run.stdout).toContain('ABORTED');
    expect(existsSync(json)).toBe(true);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.outcome).toBe('aborted');
    expect(result.totals.requests).toBeGreaterThan(100);
    expect(result.durationMs).toBeLessThan(10_000);
  });
});
