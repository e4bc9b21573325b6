/**
 * volley measures a known server truly: a server that answers after 20 ms reads 20–23 ms, and the
 * URL quick mode needs no scenario file.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { delayed, type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer(delayed(20));
});
afterAll(() => server.close());

describe('measurement', () => {
  it('reads a 20 ms server as 20–23 ms at p50', async () => {
    const json = join(tempDir(), 'result.json');
    const run = await runCli(['run', '--url', `${server.url}/slow`, '-u', '10', '-t', '3s', '--json', json]);
    expect(run.code).toBe(0);
    const result = readFileSync(json, 'utf8');
    const parsed = JSON.parse(result) as Result;
    expect(parsed.totals.latency.p50).toBeGreaterThanOrEqual(20);
    expect(parsed.totals.latency.p50).toBeLessThanOrEqual(23);
    expect(parsed.totals.ttfb.p50).toBeLessThanOrEqual(parsed.totals.latency.p50);
    // 10 users × ~47 requests/s each for ~3 s: the closed loop keeps the server busy.
    expect(parsed.totals.requests).toBeGreaterThan(1000);
    expect(parsed.endpoints[0]?.name).toBe('/slow');
    expect(run.stdout).toContain('/slow');
    expect(run.stdout).toContain('PASSED');
  });
});
