/**
 * `volley capacity` finds the breaking point of a server whose latency rises steeply past a known
 * rate: one request at a time, 10 ms each, so about 100 requests/s.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

const SERVICE_MS = 10;
let server: LoopbackServer;
beforeAll(async () => {
  // A single worker: below 1000/SERVICE_MS requests/s latency stays ~10 ms; above, the queue grows.
  const queue: (() => void)[] = [];
  let busy = false;
  const next = (): void => {
    const finish = queue.shift();
    busy = finish !== undefined;
    if (finish !== undefined) {
      setTimeout(() => {
        finish();
        next();
      }, SERVICE_MS);
    }
  };
  server = await startServer((_req, res) => {
    queue.push(() => res.end('ok'));
    if (!busy) next();
  });
});
afterAll(() => server.close());

describe('capacity', () => {
  it('finds the rate where latency breaks, within 15%', async () => {
    const json = join(tempDir(), 'capacity.json');
    const run = await runCli(
      [
        'capacity',
        '--url',
        server.url,
        '--start',
        '30/s',
        '--step-duration',
        '2s',
        '--p95',
        '100ms',
        '--refine',
        '2',
        '--json',
        json,
      ],
      { timeoutMs: 90_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as {
      capacity: number;
      brokeAt: number;
      steps: unknown[];
    };
    // The true capacity is a little under 100/s (timers add slack to each 10 ms).
    expect(report.capacity).toBeGreaterThan(85);
    expect(report.capacity).toBeLessThan(115);
    expect(report.brokeAt).toBeGreaterThan(report.capacity);
    expect(run.stdout).toMatch(/Capacity: [\d.]+\/s/);
    expect(run.stdout).toContain('Breaks at');
  }, 90_000);
});
