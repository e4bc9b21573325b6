/**
 * Benchmark statistics. Each timed call adds one sample (nanoseconds) to an accumulator that
 * allocates nothing: Welford's running mean and variance give the exact mean and standard
 * deviation, exact min and max are kept, and an HDR histogram (3 significant digits) gives the
 * percentiles. Nanoseconds, not the microseconds of HTTP latencies, because a benchmarked
 * function can take 40 ns, which microseconds would record as 0.
 *
 * From those: the standard error of the mean, the margin of error at 95% confidence (the
 * comparison engine's, `src/compare/welch.ts`: Student's t, as a benchmark of 10 calls is not a
 * normal sample), and the relative margin of error (rme) that says how far to trust the mean.
 */

import { meanMarginOfError } from '../compare/welch.js';
import { createHistogram, EMPTY_LATENCY, encodeHistogram, type Histogram } from '../metrics/histogram.js';
import type { LatencyStats } from '../metrics/result.js';

const NS_PER_MS = 1e6;

export class SampleAccumulator {
  readonly histogram: Histogram = createHistogram();
  count = 0;
  mean = 0;
  /** Sum of squared differences from the running mean (Welford). */
  m2 = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  totalNs = 0;

  add(ns: number): void {
    this.count++;
    const delta = ns - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (ns - this.mean);
    if (ns < this.min) this.min = ns;
    if (ns > this.max) this.max = ns;
    this.totalNs += ns;
    this.histogram.recordValue(Math.round(ns));
  }

  /** The value (ns) at `percentile`, from the histogram; NaN when empty. */
  percentileNs(percentile: number): number {
    return this.count === 0 ? Number.NaN : this.histogram.getValueAtPercentile(percentile);
  }
}

/** Milliseconds per call (as `LatencyStats`, with a sample standard deviation) and derived figures. */
export interface BenchStats extends LatencyStats {
  /** Measured calls. */
  count: number;
  /** Sum of the measured times, ms. */
  totalMs: number;
  /** Calls per second at the mean time; null when the mean is 0 (too fast to tell). */
  opsPerSec: number | null;
  /** Standard error of the mean, ms. */
  sem: number;
  /** Half-width of the 95% confidence interval of the mean, ms. */
  moe: number;
  /** `moe / mean` as a fraction (0.012 = ±1.2%); null with fewer than 2 calls or a mean of 0. */
  rme: number | null;
}

const CONFIDENCE = 0.95;

/** Rounds to 1e-6 ms (1 ns): the resolution samples are recorded at. */
function ms(ns: number): number {
  return Math.round(ns) / NS_PER_MS;
}

export function summarize(acc: SampleAccumulator): BenchStats {
  const n = acc.count;
  if (n === 0) {
    return {
      ...EMPTY_LATENCY,
      count: 0,
      totalMs: 0,
      opsPerSec: null,
      sem: 0,
      moe: 0,
      rme: null,
    };
  }
  const stdevNs = n > 1 ? Math.sqrt(acc.m2 / (n - 1)) : 0;
  const semNs = stdevNs / Math.sqrt(n);
  const moeNs = meanMarginOfError({ n, mean: acc.mean, sd: stdevNs }, CONFIDENCE);
  return {
    count: n,
    totalMs: acc.totalNs / NS_PER_MS,
    min: ms(acc.min),
    mean: acc.mean / NS_PER_MS,
    max: ms(acc.max),
    stdev: stdevNs / NS_PER_MS,
    p50: ms(acc.percentileNs(50)),
    p90: ms(acc.percentileNs(90)),
    p95: ms(acc.percentileNs(95)),
    p99: ms(acc.percentileNs(99)),
    p999: ms(acc.percentileNs(99.9)),
    opsPerSec: acc.mean > 0 ? 1e9 / acc.mean : null,
    sem: semNs / NS_PER_MS,
    moe: moeNs / NS_PER_MS,
    rme: n > 1 && acc.mean > 0 ? moeNs / acc.mean : null,
  };
}

/** The histogram in HDR's compressed base64 form, nanoseconds: for comparisons and merging. */
export function encodeSamples(acc: SampleAccumulator): string {
  return acc.count === 0 ? '' : encodeHistogram(acc.histogram);
}
