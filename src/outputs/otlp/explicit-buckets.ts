/**
 * An OpenTelemetry explicit-bucket histogram from an HDR histogram, exactly: every recorded
 * value is counted in the first bucket whose upper bound (inclusive) it does not exceed, reading
 * each HDR bucket at its lowest equivalent value, so a count is off only where an HDR bucket
 * straddles a bound (HDR's own resolution, 0.1 %), never by interpolation.
 */

import type { Histogram } from '../../metrics/histogram.js';
import { moments } from '../../metrics/histogram.js';

export interface ExplicitBuckets {
  /** Upper bounds, in the exported unit. */
  boundaries: number[];
  /** One count per bound, and a last one above every bound. */
  counts: number[];
  count: number;
  sum: number;
  min: number;
  max: number;
}

/**
 * Buckets for request durations in seconds: OpenTelemetry's advice for HTTP durations, with
 * finer steps below 5 ms (loopback and in-datacenter calls live there) and coarser above 10 s.
 */
export const DURATION_BOUNDARIES_S: readonly number[] = [
  0.0005, 0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60,
];

/** `histogram` holds values in `unitsPerExported` of the exported unit (µs per s: 1e6). */
export function explicitBuckets(histogram: Histogram, boundaries: readonly number[], unitsPerExported: number): ExplicitBuckets {
  const counts = new Array<number>(boundaries.length + 1).fill(0);
  const recorded = histogram as Histogram & {
    recordedValuesIterator?: { reset(): void; hasNext(): boolean; next(): { valueIteratedTo: number; countAtValueIteratedTo: number } };
    lowestEquivalentValue?: (value: number) => number;
  };
  const iterator = recorded.recordedValuesIterator;
  if (iterator === undefined || recorded.lowestEquivalentValue === undefined)
    throw new TypeError('explicitBuckets: expected a flat HDR histogram (createHistogram or decodeHistogram)');
  iterator.reset();
  let bucket = 0;
  while (iterator.hasNext()) {
    const step = iterator.next();
    const value = recorded.lowestEquivalentValue(step.valueIteratedTo) / unitsPerExported;
    // Recorded values come in ascending order: the bucket index only moves forward.
    while (bucket < boundaries.length && value > (boundaries[bucket] as number)) bucket++;
    counts[bucket] = (counts[bucket] as number) + step.countAtValueIteratedTo;
  }
  const count = histogram.totalCount;
  return {
    boundaries: [...boundaries],
    counts,
    count,
    sum: count === 0 ? 0 : (moments(histogram).mean * count) / unitsPerExported,
    min: count === 0 ? 0 : histogram.minNonZeroValue / unitsPerExported,
    max: count === 0 ? 0 : histogram.maxValue / unitsPerExported,
  };
}
