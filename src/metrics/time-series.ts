/**
 * The per-second time series. Snapshots are bucketed by the second they end in, so deltas from
 * several workers for the same second merge into one point. A bucket stays open (its histogram
 * kept) until a snapshot two seconds later arrives or the run ends; then only its percentiles
 * are kept, so a long run's series costs a few numbers per second.
 */

import type { DecodedSnapshot } from './decoded-snapshot.js';
import { createHistogram, type Histogram, percentileMs } from './histogram.js';
import type { TimeSeriesPoint } from './result.js';
import { round } from './row-stats.js';

interface OpenBucket {
  second: number;
  spanMs: number;
  requests: number;
  failures: number;
  usersByWorker: Map<number, number>;
  latency: Histogram;
}

export class TimeSeries {
  private readonly open = new Map<number, OpenBucket>();
  /** Closed seconds: the point, and the counts and span behind its rates. */
  private readonly closed = new Map<
    number,
    { point: TimeSeriesPoint; requests: number; failures: number; spanMs: number }
  >();

  add(decoded: DecodedSnapshot): void {
    const { snapshot } = decoded;
    const second = Math.max(1, Math.round(snapshot.toMs / 1000));
    const late = this.closed.get(second);
    if (late !== undefined) {
      // A worker's delta for a second already closed: its counts still count; its percentiles
      // can no longer be merged into the point's, which stay as they were.
      late.requests += decoded.requests;
      late.failures += decoded.failures;
      const seconds = late.spanMs > 0 ? late.spanMs / 1000 : 1;
      late.point.rps = round(late.requests / seconds, 2);
      late.point.failuresPerSec = round(late.failures / seconds, 2);
      return;
    }
    let bucket = this.open.get(second);
    if (bucket === undefined) {
      bucket = {
        second,
        spanMs: 0,
        requests: 0,
        failures: 0,
        usersByWorker: new Map(),
        latency: createHistogram(),
      };
      this.open.set(second, bucket);
    }
    bucket.spanMs = Math.max(bucket.spanMs, snapshot.toMs - snapshot.fromMs);
    bucket.usersByWorker.set(snapshot.worker, snapshot.users);
    bucket.requests += decoded.requests;
    bucket.failures += decoded.failures;
    bucket.latency.add(decoded.latency);
    for (const [openSecond, openBucket] of this.open) {
      if (openSecond <= second - 2) this.close(openBucket);
    }
  }

  /** Every point, closing any bucket still open. */
  points(): TimeSeriesPoint[] {
    for (const bucket of [...this.open.values()].sort((a, b) => a.second - b.second)) this.close(bucket);
    return [...this.closed.values()].map((entry) => entry.point).sort((a, b) => a.t - b.t);
  }

  private close(bucket: OpenBucket): void {
    this.open.delete(bucket.second);
    const seconds = bucket.spanMs > 0 ? bucket.spanMs / 1000 : 1;
    let users = 0;
    for (const count of bucket.usersByWorker.values()) users += count;
    this.closed.set(bucket.second, {
      requests: bucket.requests,
      failures: bucket.failures,
      spanMs: bucket.spanMs,
      point: {
        t: bucket.second,
        users,
        rps: round(bucket.requests / seconds, 2),
        failuresPerSec: round(bucket.failures / seconds, 2),
        p50: percentileMs(bucket.latency, 50),
        p95: percentileMs(bucket.latency, 95),
        p99: percentileMs(bucket.latency, 99),
      },
    });
  }
}
