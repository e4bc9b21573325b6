/**
 * The run's custom metrics, merged from every Snapshot (every interval, every worker) exactly:
 * samples and sums add, min and max take the extremes, a gauge's last value is the one set last
 * (by the run's shared clock), trend histograms add. Renders the Result's `metrics` and answers
 * custom-metric thresholds.
 */

import type { CustomMetricKind } from './custom-metric.js';
import { TREND_SCALE } from './custom-metric.js';
import { createHistogram, decodeHistogram, encodeHistogram, type Histogram } from './histogram.js';
import type { CustomMetricStats } from './result.js';
import type { SnapshotMetric } from './snapshot.js';
import type { CustomMetricFigures } from './stats-source.js';

/** A metric's Snapshot fields, summed over the run, with its trend histogram decoded. */
interface Total extends Omit<SnapshotMetric, 'histogram'> {
  histogram: Histogram | null;
}

export class CustomMetricTotals {
  private readonly totals = new Map<string, Total>();

  /**
   * `histogram` makes a trend's histogram: the run's totals use the flat kind (fast to read), a
   * trailing window's seconds the packed kind (memory proportional to the values seen).
   */
  constructor(private readonly histogram: () => Histogram = createHistogram) {}

  add(entries: readonly SnapshotMetric[] | undefined): void {
    if (entries === undefined) return;
    for (const entry of entries) {
      this.addFigures(entry, entry.histogram === '' ? null : decodeHistogram(entry.histogram));
    }
  }

  /** Adds one metric of `other` (a window's second) exactly, as if its snapshots had come here. */
  addFrom(other: CustomMetricTotals, name: string): void {
    const total = other.totals.get(name);
    if (total !== undefined) this.addFigures(total, total.histogram);
  }

  private addFigures(entry: Omit<Total, 'histogram'>, histogram: Histogram | null): void {
    let total = this.totals.get(entry.name);
    if (total === undefined) {
      total = {
        name: entry.name,
        kind: entry.kind,
        ...(entry.unit === undefined ? {} : { unit: entry.unit }),
        ...(entry.better === undefined ? {} : { better: entry.better }),
        samples: 0,
        sum: 0,
        min: Infinity,
        max: -Infinity,
        last: 0,
        lastAtMs: -Infinity,
        histogram: entry.kind === 'trend' ? this.histogram() : null,
      };
      this.totals.set(entry.name, total);
    }
    if (entry.samples === 0) return;
    total.samples += entry.samples;
    total.sum += entry.sum;
    total.min = Math.min(total.min, entry.min);
    total.max = Math.max(total.max, entry.max);
    if (entry.lastAtMs >= total.lastAtMs) {
      total.last = entry.last;
      total.lastAtMs = entry.lastAtMs;
    }
    if (total.histogram !== null && histogram !== null) total.histogram.add(histogram);
  }

  /** A metric's figures for thresholds, or null when it has recorded nothing. */
  figures(name: string, seconds: number): CustomMetricFigures | null {
    const total = this.totals.get(name);
    if (total === undefined || total.samples === 0) return null;
    return {
      kind: total.kind,
      samples: total.samples,
      sum: total.sum,
      min: total.min,
      max: total.max,
      last: total.last,
      seconds,
      percentile: (p) => percentileOf(total, p),
    };
  }

  /**
   * Every recorded metric, by name, over `seconds`; undefined when none was recorded. Live
   * displays leave out the trends' encoded histograms (`encode` false).
   */
  stats(seconds: number, encode = true): CustomMetricStats[] | undefined {
    const totals = [...this.totals.values()].filter((t) => t.samples > 0);
    if (totals.length === 0) return undefined;
    return totals.sort((a, b) => a.name.localeCompare(b.name)).map((total) => statsOf(total, seconds, encode));
  }
}

function percentileOf(total: Total, percentile: number): number {
  if (total.histogram === null || total.histogram.totalCount === 0) return 0;
  // A bucket's upper edge can pass the largest value recorded; never show more than it.
  return Math.min(total.max, total.histogram.getValueAtPercentile(percentile) / TREND_SCALE);
}

function statsOf(total: Total, seconds: number, encode: boolean): CustomMetricStats {
  const head = {
    name: total.name,
    kind: total.kind as CustomMetricKind,
    ...(total.unit === undefined ? {} : { unit: total.unit }),
    ...(total.better === undefined ? {} : { better: total.better }),
    samples: total.samples,
  };
  switch (total.kind) {
    case 'counter':
      return { ...head, sum: total.sum, perSecond: seconds > 0 ? total.sum / seconds : 0 };
    case 'gauge':
      return { ...head, last: total.last, min: total.min, max: total.max };
    case 'rate':
      return { ...head, trues: total.sum, rate: total.sum / total.samples };
    case 'trend':
      return {
        ...head,
        avg: total.sum / total.samples,
        min: total.min,
        max: total.max,
        med: percentileOf(total, 50),
        p90: percentileOf(total, 90),
        p95: percentileOf(total, 95),
        p99: percentileOf(total, 99),
        ...(encode && total.histogram !== null ? { histogram: encodeHistogram(total.histogram) } : {}),
      };
  }
}
