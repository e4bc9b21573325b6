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
  private readonly closed: TimeSeriesPoint[] = [];

  add(decoded: DecodedSnapshot): void {
    const { snapshot } = decoded;
    const second = Math.max(1, Math.round(snapshot.toMs / 1000));
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
    return [...this.closed].sort((a, b) => a.t - b.t);
  }

  private close(bucket: OpenBucket): void {
    this.open.delete(bucket.second);
    const seconds = bucket.spanMs > 0 ? bucket.spanMs / 1000 : 1;
    let users = 0;
    for (const count of bucket.usersByWorker.values()) users += count;
    this.closed.push({
      t: bucket.second,
      users,
      rps: round(bucket.requests / seconds, 2),
      failuresPerSec: round(bucket.failures / seconds, 2),
      p50: percentileMs(bucket.latency, 50),
      p95: percentileMs(bucket.latency, 95),
      p99: percentileMs(bucket.latency, 99),
    });
  }
}
