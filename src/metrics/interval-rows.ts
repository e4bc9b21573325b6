/**
 * One tick's figures per stats row: what happened in that interval alone (not since the start),
 * every worker's snapshot of the tick merged row by row. For outputs that stream per-second rows
 * (NDJSON); computed at the tick, off the request path, and only when such an output asks.
 */

import type { DecodedSnapshot } from './decoded-snapshot.js';
import { type EndpointKey, endpointKeyId } from './endpoint-key.js';
import { createHistogram, type Histogram, moments, percentileMs } from './histogram.js';

/** A row's interval: counts of that interval, latencies of the requests finished in it (ms). */
export interface IntervalRow {
  key: EndpointKey;
  requests: number;
  failures: number;
  bytesIn: number;
  bytesOut: number;
  /** Null when no request of the row finished in the interval. */
  latency: { mean: number; p50: number; p90: number; p95: number; p99: number; max: number } | null;
  /** The interval's latencies merged (µs), for outputs that keep their own distributions. */
  histogram: Histogram | null;
}

interface Merging {
  key: EndpointKey;
  requests: number;
  failures: number;
  bytesIn: number;
  bytesOut: number;
  latency: Histogram | null;
}

/** The tick's rows with any request, in the order they first appear. */
export function intervalRows(snapshots: readonly DecodedSnapshot[]): IntervalRow[] {
  const byKey = new Map<string, Merging>();
  for (const decoded of snapshots) {
    for (const { row, latency } of decoded.rows) {
      if (row.requests === 0) continue;
      const id = endpointKeyId(row.key);
      let merging = byKey.get(id);
      if (merging === undefined) {
        merging = { key: row.key, requests: 0, failures: 0, bytesIn: 0, bytesOut: 0, latency: null };
        byKey.set(id, merging);
      }
      merging.requests += row.requests;
      merging.failures += row.failures;
      merging.bytesIn += row.bytesIn;
      merging.bytesOut += row.bytesOut;
      if (latency !== null) {
        // Copy on the first add: the decoded histogram belongs to the snapshot (the aggregate reads it too).
        merging.latency ??= createHistogram();
        merging.latency.add(latency);
      }
    }
  }
  return [...byKey.values()].map((m) => ({
    key: m.key,
    requests: m.requests,
    failures: m.failures,
    bytesIn: m.bytesIn,
    bytesOut: m.bytesOut,
    latency: m.latency === null ? null : latencyOf(m.latency),
    histogram: m.latency,
  }));
}

function latencyOf(histogram: Histogram): IntervalRow['latency'] {
  if (histogram.totalCount === 0) return null;
  const at = (p: number): number => percentileMs(histogram, p) ?? 0;
  return {
    mean: Math.round(moments(histogram).mean) / 1000,
    p50: at(50),
    p90: at(90),
    p95: at(95),
    p99: at(99),
    max: Math.round(histogram.maxValue) / 1000,
  };
}
