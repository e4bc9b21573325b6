/**
 * Server-Sent Events through the real CLI: streams split over 3 worker threads add up to what the
 * server sent (events, gaps, one SSE row sample per connection), and a dropped stream with no
 * reconnect left is a failed sample with its error grouped, not a crash.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
/** Events the server wrote, over all connections. */
let sent = 0;
beforeAll(async () => {
  server = await startServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    let index = 0;
    const next = (): void => {
      index++;
      sent++;
      res.write(`id: ${index}\ndata: token ${index}\n\n`);
      if (index < 5) setTimeout(next, 2);
      else if (req.url === '/drop') setTimeout(() => res.socket?.destroy(), 10);
      else res.end();
    };
    setTimeout(next, 5);
  });
});
afterAll(() => server.close());

function read(path: string): Result {
  return JSON.parse(readFileSync(path, 'utf8')) as Result;
}

function scenario(path: string): string {
  return `import { defineScenario, defineUser } from 'volley';
export const Reader = defineUser({
  tasks: [{ run: async (vu) => {
    for await (const event of vu.http.sse('${path}', { reconnect: false })) if (event.data === '') throw new Error('empty');
  } }],
});
export default defineScenario({ users: [Reader], load: { users: 6, iterations: 12 } });`;
}

describe('SSE', () => {
  it('merges sse_events over 3 workers into exactly what the server sent', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'sse.ts', scenario('/tokens'));
    const json = join(dir, 'result.json');
    sent = 0;
    const run = await runCli(['run', file, '-H', server.url, '--workers', '3', '--json', json, '-q']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = read(json);
    expect(result.workers?.length).toBe(3);
    expect(sent).toBe(60);
    const metrics = new Map((result.metrics ?? []).map((m) => [m.name, m]));
    expect(metrics.get('sse_events')).toMatchObject({ kind: 'counter', sum: 60 });
    expect(metrics.get('sse_event_gap_ms')).toMatchObject({ kind: 'trend', unit: 'ms', samples: 48 });
    expect(metrics.get('sse_reconnects')?.sum ?? 0).toBe(0);
    const row = result.endpoints.find((e) => e.method === 'SSE');
    expect(row).toMatchObject({ name: '/tokens', protocol: 'sse', requests: 12, failures: 0 });
    expect(row?.statusCodes).toEqual({ '200': 12 });
  });

  it('records a stream dropped with no reconnect left as a failed sample with its error', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'drop.ts', scenario('/drop'));
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '-H', server.url, '--json', json]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('SSE');
    const result = read(json);
    expect(result.endpoints.find((e) => e.method === 'SSE')).toMatchObject({ protocol: 'sse', requests: 12, failures: 12 });
    expect(result.errors.map((e) => [e.message, e.count])).toEqual([['ECONNRESET', 12]]);
    expect(result.metrics?.find((m) => m.name === 'sse_events')?.sum).toBe(60);
  });
});
