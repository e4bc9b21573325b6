/**
 * The rows of `prefix_stats.csv`: one per (Type, Name) as Locust keys them, sorted as Locust
 * sorts them (by name, then method), then the `Aggregated` row.
 *
 * Locust has no user-class dimension, so when several user classes call the same method and
 * name, their rows merge: counts, rates and bytes add up, min and max are the extremes, the mean
 * is weighted by requests, and percentiles come from the sum of the rows' HDR histograms, which
 * is exact. Percentiles come from the histogram wherever one is stored; without one, the row
 * keeps the percentiles the Result itself holds (50, 90, 95, 99, 99.9 and 100 = max) and writes
 * `N/A` for the others, as Locust does for a row it has no response times for. Nothing is
 * interpolated.
 *
 * Rounding follows Locust: percentiles and the median are whole milliseconds (Locust's `int`
 * of its rounded response-time keys; we round to nearest), averages, min, max and rates are
 * floats.
 */

import { createHistogram, decodeUsableHistogram, type Histogram } from '../../metrics/histogram.js';
import type { EndpointStats, LatencyStats, RequestStats, Result } from '../../metrics/result.js';
import type { CsvCell } from './csv-text.js';
import { AGGREGATED, LOCUST_PERCENTILES, NOT_AVAILABLE } from './locust-columns.js';

/** The latency columns of one row, in milliseconds. */
export interface LatencyView {
  min: number;
  mean: number;
  max: number;
  /** The percentile (a fraction, 0.5 … 1) in ms, or null when this row cannot tell. */
  percentile(fraction: number): number | null;
}

export interface StatsRow {
  method: string;
  name: string;
  requests: number;
  failures: number;
  rps: number;
  bytesIn: number;
  /** Null when the row has no requests. */
  latency: LatencyView | null;
}

function fromHistogram(histogram: Histogram): (fraction: number) => number {
  return (fraction) => histogram.getValueAtPercentile(fraction * 100) / 1000;
}

/** The percentiles a LatencyStats holds, keyed by Locust's fractions. */
function fromLatencyStats(stats: LatencyStats): (fraction: number) => number | null {
  const known = new Map<number, number>([
    [0.5, stats.p50],
    [0.9, stats.p90],
    [0.95, stats.p95],
    [0.99, stats.p99],
    [0.999, stats.p999],
    [1.0, stats.max],
  ]);
  return (fraction) => known.get(fraction) ?? null;
}

function singleView(stats: RequestStats): LatencyView | null {
  if (stats.requests === 0) return null;
  const histogram = decodeUsableHistogram(stats.histogram);
  return {
    min: stats.latency.min,
    mean: stats.latency.mean,
    max: stats.latency.max,
    percentile: histogram === null ? fromLatencyStats(stats.latency) : fromHistogram(histogram),
  };
}

/** One row for several user classes' rows of the same method and name. */
function mergedView(members: readonly EndpointStats[]): LatencyView | null {
  const measured = members.filter((member) => member.requests > 0);
  if (measured.length === 0) return null;
  if (measured.length === 1) return singleView(measured[0] as EndpointStats);
  let requests = 0;
  let weightedMean = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum: Histogram | null = createHistogram();
  for (const member of measured) {
    requests += member.requests;
    weightedMean += member.latency.mean * member.requests;
    min = Math.min(min, member.latency.min);
    max = Math.max(max, member.latency.max);
    const histogram = decodeUsableHistogram(member.histogram);
    if (histogram === null) sum = null;
    else sum?.add(histogram);
  }
  return {
    min,
    mean: weightedMean / requests,
    max,
    // Percentiles of a union are not functions of the parts' percentiles: without every
    // histogram only the maximum is known.
    percentile: sum === null ? (fraction) => (fraction === 1 ? max : null) : fromHistogram(sum),
  };
}

/** Groups the Result's rows by (method, name), in Locust's order. */
export function statsRows(result: Result): StatsRow[] {
  const groups = new Map<string, EndpointStats[]>();
  for (const endpoint of result.endpoints) {
    const id = `${endpoint.method}\u0000${endpoint.name}`;
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [endpoint]);
    else group.push(endpoint);
  }
  const rows: StatsRow[] = [];
  for (const members of groups.values()) {
    const first = members[0] as EndpointStats;
    const sum = (pick: (stats: EndpointStats) => number) =>
      members.reduce((total, member) => total + pick(member), 0);
    rows.push({
      method: first.method,
      name: first.name,
      requests: sum((m) => m.requests),
      failures: sum((m) => m.failures),
      rps: sum((m) => m.rps),
      bytesIn: sum((m) => m.bytesIn),
      latency: members.length === 1 ? singleView(first) : mergedView(members),
    });
  }
  // Locust sorts its entries by the (name, method) tuple.
  return rows.sort((a, b) => compareText(a.name, b.name) || compareText(a.method, b.method));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The `Aggregated` row, from the run's totals. */
export function aggregatedRow(result: Result): StatsRow {
  const { totals } = result;
  return {
    method: '',
    name: AGGREGATED,
    requests: totals.requests,
    failures: totals.failures,
    rps: totals.rps,
    bytesIn: totals.bytesIn,
    latency: singleView(totals),
  };
}

/** A latency in whole milliseconds, as Locust prints percentiles and medians. */
export function wholeMs(ms: number): CsvCell {
  return { int: Math.round(ms) };
}

export function percentileCells(latency: LatencyView | null): CsvCell[] {
  return LOCUST_PERCENTILES.map((fraction) => {
    const value = latency?.percentile(fraction) ?? null;
    return value === null ? NOT_AVAILABLE : wholeMs(value);
  });
}

/** The cells of one `prefix_stats.csv` record, in Locust's column order. */
export function statsCells(row: StatsRow): CsvCell[] {
  const { latency } = row;
  const median = latency === null ? 0 : latency.percentile(0.5);
  return [
    row.method,
    row.name,
    { int: row.requests },
    { int: row.failures },
    median === null ? NOT_AVAILABLE : wholeMs(median),
    { float: latency?.mean ?? 0 },
    latency === null ? { int: 0 } : { float: latency.min },
    latency === null ? { int: 0 } : { float: latency.max },
    // Locust's `avg_content_length` is an int 0 without requests, a float otherwise.
    row.requests === 0 ? { int: 0 } : { float: row.bytesIn / row.requests },
    { float: row.rps },
    { float: row.requests === 0 ? 0 : (row.rps * row.failures) / row.requests },
    ...percentileCells(latency),
  ];
}
