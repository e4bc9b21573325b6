/**
 * examples/realtime: one run, with the demo service volley starts for it (`--demo`), whose stats
 * table holds HTTP/1.1, HTTP/2, WebSocket, SSE and gRPC rows, each judged by its own threshold,
 * with the protocols' built-in metrics beside them.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir } from '../helpers/cli.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/realtime/', import.meta.url));

describe('examples/realtime (seed 002)', () => {
  it('loads every protocol of a real-time product in one run, and passes its thresholds', async () => {
    const json = join(tempDir(), 'result.json');
    const cli = await runCli(['run', 'realtime.ts', '--demo', '-t', '4s', '--json', json], { cwd: EXAMPLE });
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    const rows = result.endpoints.map((e) => `${e.protocol ?? 'http/1.1'} ${e.method} ${e.name}`).sort();
    expect(rows).toEqual([
      'grpc GRPC ledger.Ledger/GetBalance',
      'grpc GRPC ledger.Ledger/History',
      'h2 GET /api/items',
      'h2 GET /health',
      'http/1.1 GET /api/items',
      'sse SSE /stream/tokens',
      'ws CONNECT /chat',
      'ws RTT /chat',
      'ws SESSION /chat',
    ]);
    for (const row of result.endpoints) expect(row.failures, `${row.method} ${row.name}`).toBe(0);
    expect(result.thresholds.every((t) => t.ok)).toBe(true);
    const metrics = new Map((result.metrics ?? []).map((m) => [m.name, m]));
    const rtt = result.endpoints.find((e) => e.method === 'RTT');
    expect(metrics.get('ws_messages_received')?.sum).toBe(rtt?.requests);
    const sse = result.endpoints.find((e) => e.protocol === 'sse');
    expect(metrics.get('sse_events')?.sum).toBe((sse?.requests ?? 0) * 10);
    // The summary says which protocol each row is.
    expect(cli.stdout).toMatch(/Protocol\s+Type\s+Name/);
    for (const label of ['HTTP/1.1', 'HTTP/2', 'WebSocket', 'SSE', 'gRPC']) expect(cli.stdout).toContain(label);
  });
});
