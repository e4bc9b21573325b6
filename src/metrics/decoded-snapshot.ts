/**
 * A Snapshot with its histograms decoded, once. The aggregator's consumers (stats rows, the time
 * series, the trailing window, the live summary) all read these, so a second's histograms are
 * inflated once however many views need them (`snapshot-decoder.ts` decodes a received one).
 */

import { createHistogram, type Histogram, percentileMs } from './histogram.js';
import { countsInTotals } from './endpoint-key.js';
import type { Snapshot, SnapshotEndpoint } from './snapshot.js';

export interface DecodedRow {
  row: SnapshotEndpoint;
  /** Null when the row recorded no request in the interval. */
  latency: Histogram | null;
  ttfb: Histogram | null;
}

export interface DecodedSnapshot {
  snapshot: Snapshot;
  rows: DecodedRow[];
  /** Every row's latencies merged: the interval as a whole. */
  latency: Histogram;
  requests: number;
  failures: number;
}

/** A decoded snapshot from its rows' histograms, however they were obtained (decoded, or handed over). */
export function assembleDecoded(snapshot: Snapshot, rows: DecodedRow[]): DecodedSnapshot {
  const latency = createHistogram();
  let requests = 0;
  let failures = 0;
  for (const { row, latency: rowLatency } of rows) {
    if (!countsInTotals(row.key)) continue;
    requests += row.requests;
    failures += row.failures;
    if (rowLatency !== null) latency.add(rowLatency);
  }
  return { snapshot, rows, latency, requests, failures };
}

/** The headline figures of one interval, for live displays. */
export interface IntervalSummary {
  requests: number;
  failures: number;
  /** Length of the interval, seconds. */
  seconds: number;
  p95Ms: number | null;
}

export function summarizeInterval(decoded: DecodedSnapshot): IntervalSummary {
  const { snapshot } = decoded;
  return {
    requests: decoded.requests,
    failures: decoded.failures,
    seconds: Math.max(snapshot.toMs - snapshot.fromMs, 1) / 1000,
    p95Ms: percentileMs(decoded.latency, 95),
  };
}
