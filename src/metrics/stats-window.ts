/**
 * The trailing window for windowed thresholds (`window: '30s'`), so a collapse late in a long run
 * is not diluted by the healthy minutes before it. Keeps, per second, each row's counts and a
 * packed latency histogram (memory proportional to the distinct values seen), and each custom
 * metric's figures the same way (a trend's histogram packed too), and drops seconds older than
 * the longest window asked for. Seconds merge exactly, as the run's totals do.
 */

import { packedHistogram as packed } from './hdr.js';
import { CustomMetricTotals } from './custom-metric-totals.js';
import type { DecodedSnapshot } from './decoded-snapshot.js';
import type { EndpointKey } from './endpoint-key.js';
import { endpointKeyId } from './endpoint-key.js';
import type { Histogram } from './histogram.js';

export interface WindowRow {
  key: EndpointKey;
  tags: ReadonlySet<string>;
  requests: number;
  failures: number;
  latency: Histogram;
}

interface WindowSecond {
  second: number;
  rows: Map<string, WindowRow>;
  /** Created with the second's first custom-metric sample. */
  metrics: CustomMetricTotals | null;
}

function packedHistogram(): Histogram {
  return packed(3);
}

export class StatsWindow {
  private readonly seconds: WindowSecond[] = [];

  constructor(private readonly keepMs: number) {}

  add(decoded: DecodedSnapshot): void {
    if (this.keepMs <= 0) return;
    const { snapshot } = decoded;
    const second = Math.max(1, Math.round(snapshot.toMs / 1000));
    let entry = this.seconds.find((s) => s.second === second);
    if (entry === undefined) {
      entry = { second, rows: new Map(), metrics: null };
      this.seconds.push(entry);
    }
    if (snapshot.metrics !== undefined) {
      entry.metrics ??= new CustomMetricTotals(packedHistogram);
      entry.metrics.add(snapshot.metrics);
    }
    for (const { row, latency } of decoded.rows) {
      const id = endpointKeyId(row.key);
      let windowRow = entry.rows.get(id);
      if (windowRow === undefined) {
        windowRow = {
          key: row.key,
          tags: new Set(row.tags),
          requests: 0,
          failures: 0,
          latency: packedHistogram(),
        };
        entry.rows.set(id, windowRow);
      }
      for (const tag of row.tags) (windowRow.tags as Set<string>).add(tag);
      windowRow.requests += row.requests;
      windowRow.failures += row.failures;
      if (latency !== null) windowRow.latency.add(latency);
    }
    const oldest = second - Math.ceil(this.keepMs / 1000);
    while (this.seconds.length > 0 && (this.seconds[0] as WindowSecond).second <= oldest)
      this.seconds.shift();
  }

  /** Rows of the seconds within `windowMs` of the newest one; and how many seconds that covers. */
  rows(windowMs: number): { rows: WindowRow[]; seconds: number } {
    const inWindow = this.secondsWithin(windowMs);
    const rows: WindowRow[] = [];
    for (const entry of inWindow) rows.push(...entry.rows.values());
    return { rows, seconds: inWindow.length };
  }

  /** One custom metric over the seconds within `windowMs` of the newest one, merged exactly. */
  customMetric(name: string, windowMs: number): { totals: CustomMetricTotals; seconds: number } {
    const inWindow = this.secondsWithin(windowMs);
    const totals = new CustomMetricTotals();
    for (const entry of inWindow) if (entry.metrics !== null) totals.addFrom(entry.metrics, name);
    return { totals, seconds: inWindow.length };
  }

  private secondsWithin(windowMs: number): WindowSecond[] {
    const newest = this.seconds.reduce((max, s) => Math.max(max, s.second), 0);
    const from = newest - Math.ceil(windowMs / 1000);
    return this.seconds.filter((s) => s.second > from);
  }
}
