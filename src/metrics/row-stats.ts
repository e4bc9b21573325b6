/**
 * Cumulative figures of one stats row (or of any merge of rows): counters plus latency and TTFB
 * histograms. Snapshot rows are added into it; it renders itself as the Result's RequestStats.
 */

import type { DecodedRow } from './decoded-snapshot.js';
import { createHistogram, encodeHistogram, type Histogram, latencyStats } from './histogram.js';
import type { RequestStats } from './result.js';

export class RowStats {
  requests = 0;
  failures = 0;
  bytesIn = 0;
  bytesOut = 0;
  readonly statusCodes = new Map<string, number>();
  readonly latency: Histogram = createHistogram();
  readonly ttfb: Histogram = createHistogram();

  addDecodedRow({ row, latency, ttfb }: DecodedRow): void {
    this.requests += row.requests;
    this.failures += row.failures;
    this.bytesIn += row.bytesIn;
    this.bytesOut += row.bytesOut;
    for (const [status, count] of Object.entries(row.statusCodes)) {
      this.statusCodes.set(status, (this.statusCodes.get(status) ?? 0) + count);
    }
    if (latency !== null) this.latency.add(latency);
    if (ttfb !== null) this.ttfb.add(ttfb);
  }

  addRow(other: RowStats): void {
    this.requests += other.requests;
    this.failures += other.failures;
    this.bytesIn += other.bytesIn;
    this.bytesOut += other.bytesOut;
    for (const [status, count] of other.statusCodes) {
      this.statusCodes.set(status, (this.statusCodes.get(status) ?? 0) + count);
    }
    this.latency.add(other.latency);
    this.ttfb.add(other.ttfb);
  }

  toRequestStats(seconds: number): RequestStats {
    const statusCodes: Record<string, number> = {};
    for (const status of [...this.statusCodes.keys()].sort((a, b) => Number(a) - Number(b))) {
      statusCodes[status] = this.statusCodes.get(status) as number;
    }
    return {
      requests: this.requests,
      failures: this.failures,
      rps: seconds > 0 ? round(this.requests / seconds, 2) : 0,
      latency: latencyStats(this.latency),
      ttfb: latencyStats(this.ttfb),
      statusCodes,
      bytesIn: this.bytesIn,
      bytesOut: this.bytesOut,
      histogram: this.latency.totalCount === 0 ? '' : encodeHistogram(this.latency),
    };
  }
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
