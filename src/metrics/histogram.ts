/**
 * HDR histograms for latencies, in integer microseconds with 3 significant digits (so a 20 ms
 * request is resolved to ±10 µs). One place decides their shape, so histograms made by any
 * recorder, worker or machine can be added together exactly, and their compressed base64 form
 * is what travels in Snapshots and is stored in Results.
 *
 * They start as small as they can and grow (autoResize) to the slowest value recorded: made to
 * span 1 µs to a minute up front, each held 17,408 counters (70 KB), four per stats row (latency
 * and TTFB, in the recorder and in the aggregate), so a run with thousands of rows spent hundreds
 * of KB per row on counters for latencies it never saw. Sparse (packed) histograms would be
 * smaller still, but reading or merging one walks every counter through a lookup, which made a
 * 1,000-row result take seconds to build.
 */

import * as hdr from './hdr.js';
import { FastIndexHistogram } from './fast-index-histogram.js';
import { encodeCompressedBase64 } from './histogram-encoding.js';
import type { LatencyStats } from './result.js';

export type Histogram = hdr.Histogram;

/** The least range hdr-histogram-js accepts; a histogram grows from there as values need. */
const INITIAL_HIGHEST_US = 2;

/** `highestUs`: start with this range (a recorder's next interval starts as wide as the last). */
export function createHistogram(highestUs = INITIAL_HIGHEST_US): Histogram {
  const histogram = new FastIndexHistogram(1, Math.max(INITIAL_HIGHEST_US, highestUs), 3);
  histogram.autoResize = true;
  return histogram;
}

/** The compressed base64 form that Snapshots carry and Results store. */
export function encodeHistogram(histogram: Histogram): string {
  if (!(histogram instanceof hdr.JsHistogram)) throw new TypeError('encodeHistogram: expected a JsHistogram');
  return encodeCompressedBase64(histogram);
}

/** A flat histogram, for readers that walk every counter (comparison, percentile curves). */
export function decodeHistogram(encoded: string): Histogram {
  return hdr.decodeFromCompressedBase64(encoded);
}



const US_PER_MS = 1000;

/** Rounds to 3 decimals of a millisecond (1 µs), the resolution people read. */
function ms(us: number): number {
  return Math.round(us) / US_PER_MS;
}

/**
 * A stored histogram that can be read and holds values, or null: absent (`''`), empty, or
 * unreadable (a hand-edited or truncated result.json, whose reports still render without it).
 */
export function decodeUsableHistogram(encoded: string): Histogram | null {
  if (encoded === '') return null;
  try {
    const histogram = decodeHistogram(encoded);
    return histogram.totalCount > 0 ? histogram : null;
  } catch {
    return null;
  }
}

export const EMPTY_LATENCY: LatencyStats = Object.freeze({
  min: 0,
  mean: 0,
  max: 0,
  stdev: 0,
  p50: 0,
  p90: 0,
  p95: 0,
  p99: 0,
  p999: 0,
});

/** Summary statistics in milliseconds; percentiles come from the histogram, never averaged. */
export function latencyStats(histogram: Histogram): LatencyStats {
  if (histogram.totalCount === 0) return { ...EMPTY_LATENCY };
  const { mean, stdev } = moments(histogram);
  return {
    min: ms(histogram.minNonZeroValue),
    mean: ms(mean),
    max: ms(histogram.maxValue),
    stdev: ms(stdev),
    p50: ms(histogram.getValueAtPercentile(50)),
    p90: ms(histogram.getValueAtPercentile(90)),
    p95: ms(histogram.getValueAtPercentile(95)),
    p99: ms(histogram.getValueAtPercentile(99)),
    p999: ms(histogram.getValueAtPercentile(99.9)),
  };
}

/** A percentile in milliseconds, or null for an empty histogram. */
export function percentileMs(histogram: Histogram, percentile: number): number | null {
  return histogram.totalCount === 0 ? null : ms(histogram.getValueAtPercentile(percentile));
}

/**
 * The mean and standard deviation, as hdr-histogram-js defines them (each bucket counted at its
 * median equivalent value), in two plain loops over the counts. The library's own getters walk a
 * recorded-values iterator that builds an object per step; for a result with many rows that was
 * most of the cost of building it. A counter's median value comes from its index in integer
 * steps (`medianAtIndex`) rather than through the library's `Math.log2` per counter: the same
 * numbers (test/unit/metrics/moments.test.ts checks every index), summed in the same order.
 */
export function moments(histogram: Histogram): { mean: number; stdev: number } {
  const total = histogram.totalCount;
  if (total === 0) return { mean: 0, stdev: 0 };
  if (!(histogram instanceof hdr.JsHistogram)) return { mean: histogram.mean, stdev: histogram.stdDeviation };
  const last = Math.min(histogram.countsArrayLength - 1, histogram.countsArrayIndex(histogram.maxValue));
  const counts = countersOf(histogram, last);
  let sum = 0;
  for (let i = 0; i <= last; i++) {
    const count = counts === null ? histogram.getCountAtIndex(i) : (counts[i] as number);
    if (count !== 0) sum += medianAtIndex(histogram, i) * count;
  }
  const mean = sum / total;
  let squares = 0;
  for (let i = 0; i <= last; i++) {
    const count = counts === null ? histogram.getCountAtIndex(i) : (counts[i] as number);
    if (count === 0) continue;
    const deviation = medianAtIndex(histogram, i) - mean;
    squares += deviation * deviation * count;
  }
  return { mean, stdev: Math.sqrt(squares / total) };
}

/**
 * A typed-array histogram's counters up to `last`, to read without a call per counter; null
 * for any other (packed counters), read through `getCountAtIndex`.
 */
function countersOf(histogram: hdr.JsHistogram, last: number): ArrayLike<number> | null {
  const counts = (histogram as { _counts?: unknown })._counts;
  return ArrayBuffer.isView(counts) && (counts as unknown as ArrayLike<number>).length > last
    ? (counts as unknown as ArrayLike<number>)
    : null;
}

/** `medianEquivalentValue(valueFromIndex(index))`: the counter's lowest value plus half its width. */
export function medianAtIndex(histogram: hdr.JsHistogram, index: number): number {
  const half = histogram.subBucketHalfCount;
  let bucket = Math.floor(index / half) - 1;
  let subBucket = (index % half) + half;
  if (bucket < 0) {
    subBucket -= half;
    bucket = 0;
  }
  const width = 2 ** (bucket + histogram.unitMagnitude);
  return subBucket * width + Math.floor(width / 2);
}
