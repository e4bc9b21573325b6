/**
 * A second, run-level look at noise: the batch-means interval over the run's seconds.
 *
 * The bootstrap in `bootstrap.ts` treats requests as independent draws. They are not: another
 * process taking the CPU for half a second, a GC pause or a noisy neighbour slows a whole
 * stretch of requests at once, and a 3-second run of 600 requests against an unchanged server
 * can then show its p95 8% higher than the run before with a bootstrap interval that excludes 0.
 * The Result keeps each second's percentiles (`timeSeries`); treating seconds as the samples
 * (the batch-means method of simulation output analysis) sees that kind of noise as what it is:
 * seconds that disagree with each other. The interval is Welch's, with Student's t quantiles, so
 * a run of 3 seconds gets the wide interval it deserves.
 *
 * Noise that lasts the entire run (the whole machine slower for both minutes) is invisible from
 * inside the run; only the tolerance, or repeating runs (`volley history`), guards against that.
 */

import type { TimeSeriesPoint } from '../metrics/result.js';
import { summarizeValues, welchInterval } from './welch.js';

/** Seconds needed in each run to estimate how much seconds vary. */
export const MIN_BLOCKS = 3;

export interface BlockInterval {
  /** Mean of current's per-second values − mean of baseline's, in the values' unit. */
  difference: number;
  low: number;
  high: number;
  /** Seconds with data in each run: [baseline, current]. */
  blocks: [number, number];
}

/** Welch's interval for the difference of means; null with fewer than MIN_BLOCKS values a side. */
export function blockInterval(
  baseline: readonly number[],
  current: readonly number[],
  confidence: number,
): BlockInterval | null {
  if (baseline.length < MIN_BLOCKS || current.length < MIN_BLOCKS) return null;
  const interval = welchInterval(summarizeValues(baseline), summarizeValues(current), confidence);
  return { ...interval, blocks: [baseline.length, current.length] };
}

/** A percentile's per-second values (ms), seconds without requests left out. */
export function perSecond(series: readonly TimeSeriesPoint[], metric: 'p50' | 'p95' | 'p99'): number[] {
  const values: number[] = [];
  for (const point of series) {
    const value = point[metric];
    if (value !== null && Number.isFinite(value)) values.push(value);
  }
  return values;
}
