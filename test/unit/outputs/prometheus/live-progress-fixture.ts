/** Live progress and start info as the run's tick builds them, for the Prometheus tests. */

import type { LiveEndpointRow } from '../../../../src/metrics/live-row.js';
import type { LiveProgress, RunStartInfo } from '../../../../src/outputs/output.js';

export function row(overrides: Partial<LiveEndpointRow> = {}): LiveEndpointRow {
  return {
    scenario: '',
    userClass: 'Shopper',
    method: 'GET',
    name: '/cart',
    requests: 600,
    failures: 25,
    avgMs: 212.4,
    p50Ms: 180,
    p95Ms: 480,
    p99Ms: 1210.5,
    maxMs: 12_400,
    ...overrides,
  };
}

export function progress(overrides: Partial<LiveProgress> = {}): LiveProgress {
  return {
    elapsedMs: 12_345,
    plannedDurationMs: 60_000,
    users: 40,
    rps: 97.5,
    p95Ms: 350,
    failuresPerSec: 1.25,
    requests: 600,
    failures: 25,
    taskErrors: 0,
    phase: 'running',
    endpoints: [row()],
    errors: [],
    total: row({ userClass: '', method: '', name: 'Aggregated' }),
    ...overrides,
  };
}

export function startInfo(overrides: Partial<RunStartInfo> = {}): RunStartInfo {
  return {
    scenario: 'checkout',
    file: 'load/checkout.ts',
    host: 'http://127.0.0.1:8000',
    startedAt: '2025-01-02T03:04:05.678Z',
    plannedDurationMs: 60_000,
    plannedUsers: 40,
    options: {},
    ...overrides,
  };
}
