/**
 * A latency histogram as an empirical distribution: its distinct recorded values (each bucket's
 * highest equivalent value, the one HDR reports percentiles as) with cumulative counts. This is
 * what the statistics read: percentiles identical to `latencyStats`, inverse-CDF draws for the
 * bootstrap, and exact rank statistics. Built once per histogram; values are microseconds.
 *
 * Two histograms with the same counts can encode to different base64 strings, so nothing here
 * ever compares encodings: everything goes through the decoded buckets.
 */

import * as hdr from '../metrics/hdr.js';
import { decodeHistogram, type Histogram } from '../metrics/histogram.js';

export interface Distribution {
  /** Distinct recorded values, ascending (µs). */
  readonly values: Float64Array;
  /** `cumulative[i]`: how many recorded values are <= `values[i]`. */
  readonly cumulative: Float64Array;
  readonly total: number;
}

export const EMPTY_DISTRIBUTION: Distribution = {
  values: new Float64Array(0),
  cumulative: new Float64Array(0),
  total: 0,
};

/** Grid used only for a histogram implementation that hides its buckets (none today). */
const FALLBACK_QUANTILES = 4000;

export function distributionOf(histogram: Histogram): Distribution {
  if (histogram.totalCount === 0) return EMPTY_DISTRIBUTION;
  if (histogram instanceof hdr.JsHistogram) return fromBuckets(histogram);
  // A histogram without bucket access (the WebAssembly build): approximate by a fine quantile grid.
  const values: number[] = [];
  const cumulative: number[] = [];
  const total = histogram.totalCount;
  for (let i = 1; i <= FALLBACK_QUANTILES; i += 1) {
    const value = histogram.getValueAtPercentile((100 * i) / FALLBACK_QUANTILES);
    const count = (total * i) / FALLBACK_QUANTILES;
    if (values.length > 0 && values[values.length - 1] === value) cumulative[cumulative.length - 1] = count;
    else {
      values.push(value);
      cumulative.push(count);
    }
  }
  return { values: Float64Array.from(values), cumulative: Float64Array.from(cumulative), total };
}

function fromBuckets(histogram: hdr.JsHistogram): Distribution {
  const values: number[] = [];
  const cumulative: number[] = [];
  let running = 0;
  for (let i = 0; i < histogram.countsArrayLength; i += 1) {
    const count = histogram.getCountAtIndex(i);
    if (count === 0) continue;
    running += count;
    values.push(histogram.highestEquivalentValue(histogram.valueFromIndex(i)));
    cumulative.push(running);
  }
  return { values: Float64Array.from(values), cumulative: Float64Array.from(cumulative), total: running };
}

/** Decodes a Result's `histogram` field; throws what `decodeHistogram` throws on bad input. */
export function decodeDistribution(encoded: string): Distribution {
  if (encoded === '') return EMPTY_DISTRIBUTION;
  return distributionOf(decodeHistogram(encoded));
}

/** Index of the first value whose cumulative count reaches `rank` (1-based), by bisection. */
export function indexOfRank(distribution: Distribution, rank: number): number {
  const { cumulative } = distribution;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] as number) >= rank) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The rank HDR's `getValueAtPercentile` looks for in `count` values: the smallest k with
 * k >= p% of count, at least 1. The epsilon absorbs floating-point error in `p / 100 * count`
 * (HDR subtracts one ulp for the same reason).
 */
export function rankOfPercentile(percentile: number, count: number): number {
  const exact = (Math.min(percentile, 100) / 100) * count;
  return Math.max(1, Math.ceil(exact - exact * 4 * Number.EPSILON));
}

/** The percentile as HDR reports it (µs), or NaN when the distribution is empty. */
export function percentileOf(distribution: Distribution, percentile: number): number {
  if (distribution.total === 0) return Number.NaN;
  const index = indexOfRank(distribution, rankOfPercentile(percentile, distribution.total));
  return distribution.values[index] as number;
}

/** The inverse CDF: the value a uniform draw `u` in [0, 1) lands on. Monotone in `u`. */
export function quantileOfUniform(distribution: Distribution, u: number): number {
  return distribution.values[indexOfRank(distribution, u * distribution.total)] as number;
}
