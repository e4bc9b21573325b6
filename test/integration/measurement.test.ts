/**
 * volley measures a known server truly: a server that answers after 20 ms reads 20 ms and no less
 * than the server itself spent, and the URL quick mode needs no scenario file.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { delayed, type LoopbackServer, startServer } from '../helpers/loopback-server.js';
import { TIMER_EARLY_MS } from '../helpers/timer-slack.js';

let server: LoopbackServer;
/** What each request took by the server's own clock, from its arrival to its last byte sent. */
const spans: number[] = [];
beforeAll(async () => {
  const answer = delayed(20);
  server = await startServer((req, res) => {
    const arrived = performance.now();
    res.on('finish', () => spans.push(performance.now() - arrived));
    answer(req, res);
  });
});
afterAll(() => server.close());

describe('measurement', () => {
  it('reads a 20 ms server as 20 ms at p50, no less than the server spent', async () => {
    const json = join(tempDir(), 'result.json');
    const run = await runCli(['run', '--url', `${server.url}/slow`, '-u', '10', '-t', '3s', '--json', json]);
    expect(run.code).toBe(0);
    const result = readFileSync(json, 'utf8');
    const parsed = JSON.parse(result) as Result;
    // Unloaded, 20–23 ms. A busy machine makes the server's timer late (which the server's own
    // clock sees) and the generator's reads late (a few ms at p50, tens at worst), and never
    // makes anything early: so at least what the server spent, and less than twice the delay.
    const serverP50 = [...spans].sort((a, b) => a - b)[Math.floor(spans.length / 2)] ?? 0;
    expect(parsed.totals.latency.p50).toBeGreaterThanOrEqual(20 - TIMER_EARLY_MS);
    expect(parsed.totals.latency.p50).toBeGreaterThanOrEqual(serverP50 - TIMER_EARLY_MS);
    expect(parsed.totals.latency.p50).toBeLessThan(40);
    expect(parsed.totals.ttfb.p50).toBeLessThanOrEqual(parsed.totals.latency.p50);
    // 10 users × ~47 requests/s each for ~3 s unloaded: the closed loop keeps the server busy.
    // Late timers slow each loop, never below 1 request per 40 ms read.
    expect(parsed.totals.requests).toBeGreaterThan(10 * 25 * 2.5);
    expect(parsed.endpoints[0]?.name).toBe('/slow');
    expect(run.stdout).toContain('/slow');
    expect(run.stdout).toContain('PASSED');
  });
});
