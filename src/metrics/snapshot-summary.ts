/**
 * The headline figures of one Snapshot (one interval), for live displays: requests, failures and
 * the interval's p95 from the merged histograms of every row.
 */

import { addEncoded, createHistogram, percentileMs } from './histogram.js';
import type { Snapshot } from './snapshot.js';

export interface SnapshotSummary {
  requests: number;
  failures: number;
  /** Length of the interval, seconds. */
  seconds: number;
  p95Ms: number | null;
}

export function summarizeSnapshot(snapshot: Snapshot): SnapshotSummary {
  let requests = 0;
  let failures = 0;
  const latency = createHistogram();
  for (const row of snapshot.endpoints) {
    requests += row.requests;
    failures += row.failures;
    addEncoded(latency, row.latency);
  }
  return {
    requests,
    failures,
    seconds: Math.max(snapshot.toMs - snapshot.fromMs, 1) / 1000,
    p95Ms: percentileMs(latency, 95),
  };
}
