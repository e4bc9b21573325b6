/**
 * A stats row's cumulative figures while a run goes on, for live displays (the web UI's table):
 * read from the aggregate once a tick, off the request path.
 */

import { moments, percentileMs } from './histogram.js';
import type { RowStats } from './row-stats.js';

/** One stats row's cumulative figures during a run, latencies in milliseconds. */
export interface LiveEndpointRow {
  /** The named scenario of a file with several (`scenarios: { … }`); '' otherwise. */
  scenario: string;
  userClass: string;
  method: string;
  name: string;
  /** The row's protocol when it is not HTTP/1.1 (`h2`, `ws`, `sse`, `grpc`): GET /a over both is two rows. */
  protocol?: string;
  requests: number;
  failures: number;
  avgMs: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

/** Rounds to 3 decimals of a millisecond. */
function ms(us: number): number {
  return Math.round(us) / 1000;
}

export function liveRow(
  key: { scenario: string; user: string; method: string; name: string; protocol?: string },
  stats: RowStats,
): LiveEndpointRow {
  const latency = stats.latency;
  const recorded = latency.totalCount > 0;
  return {
    scenario: key.scenario,
    userClass: key.user,
    method: key.method,
    name: key.name,
    ...(key.protocol === undefined ? {} : { protocol: key.protocol }),
    requests: stats.requests,
    failures: stats.failures,
    avgMs: recorded ? ms(moments(latency).mean) : 0,
    p50Ms: percentileMs(latency, 50),
    p95Ms: percentileMs(latency, 95),
    p99Ms: percentileMs(latency, 99),
    maxMs: recorded ? ms(latency.maxValue) : null,
  };
}

/** A group of errors (same row, same message) so far, for live displays (the web UI's Failures). */
export interface LiveErrorRow {
  scenario: string;
  userClass: string;
  method: string;
  name: string;
  /** `request` (no or a failing response) or `task` (an exception in the script). */
  kind: 'request' | 'task';
  message: string;
  count: number;
}
