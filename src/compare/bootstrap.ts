/**
 * Bootstrap confidence intervals for the difference of a latency percentile between two runs.
 *
 * The textbook bootstrap treats each histogram as the empirical distribution of its run, draws
 * m values from each by inverse CDF, takes the percentile of each draw and records the
 * difference; after B resamples, the middle `confidence` of the differences is the interval.
 * Drawing m values per resample costs O(m log buckets); this file gets the *same* bootstrap
 * distribution in O(log buckets) per resample:
 *
 *   the sample percentile is the k-th smallest of m draws, k = ceil(p · m);
 *   inverse-CDF draws are F⁻¹(U₁) … F⁻¹(U_m) with U uniform, and F⁻¹ is monotone, so
 *   the k-th smallest draw is F⁻¹(U₍ₖ₎), the k-th order statistic of m uniforms;
 *   U₍ₖ₎ ~ Beta(k, m − k + 1)        — so one beta variate replaces m uniform draws.
 *
 * 1,000 resamples × 3 percentiles × 2 runs is then ~6,000 beta draws per endpoint: a compare of
 * 20 endpoints takes a few milliseconds.
 *
 * Sample size. With the shortcut the cap on m is no longer needed for speed; it is kept (default
 * 2,000 per run) on purpose. Requests in one run are not independent draws: a GC pause, a cold
 * cache or a noisy neighbour slows many neighbouring requests at once, so a run of 100,000
 * requests carries far less information than 100,000 independent samples, and an interval
 * computed as if it did would call every run-to-run wobble significant. Resampling at most
 * m = min(count, cap) values (the "m out of n" bootstrap, without rescaling) widens the interval
 * by about √(count / m) for big runs: an assumed effective sample size. The cost is power for
 * tail percentiles: at m = 2,000 about 20 values lie beyond p99, and the 95% interval of p99
 * spans roughly the 98.6th–99.4th percentiles of each run, so p99 must move by more than the
 * local spread of the tail to count, while p50 (interval ≈ 48th–52nd percentile) resolves shifts
 * of a few percent. The `maxRegression` tolerance (default 10%) is usually the larger hurdle.
 * Noise that slows whole stretches of a run is measured separately, per second: `time-blocks.ts`.
 */

import { type Distribution, percentileOf, quantileOfUniform, rankOfPercentile } from './distribution.js';
import type { Random } from './random.js';

export interface BootstrapSettings {
  resamples: number;
  /** Two-sided confidence of the interval, e.g. 0.95. */
  confidence: number;
  /** Most values resampled from one run (see the module comment). */
  sampleCap: number;
  random: Random;
}

/** Microseconds. `difference` is current − baseline on the full histograms. */
export interface PercentileDifference {
  percentile: number;
  baseline: number;
  current: number;
  difference: number;
  low: number;
  high: number;
  /** Values resampled from each run: [baseline, current]. */
  samples: [number, number];
}

/** One bootstrap draw of the sample percentile of `m` values from `distribution`. */
function drawPercentile(distribution: Distribution, m: number, rank: number, random: Random): number {
  const u = random.beta(rank, m - rank + 1);
  return quantileOfUniform(distribution, u);
}

/** The q-quantile of sorted values, interpolating between neighbours (Hyndman–Fan type 7). */
export function sortedQuantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const lower = sorted[below] as number;
  return lower + ((sorted[above] as number) - lower) * (position - below);
}

/** Both distributions must be non-empty. */
export function bootstrapPercentileDifferences(
  baseline: Distribution,
  current: Distribution,
  percentiles: readonly number[],
  settings: BootstrapSettings,
): PercentileDifference[] {
  const { resamples, random } = settings;
  const m1 = Math.min(baseline.total, settings.sampleCap);
  const m2 = Math.min(current.total, settings.sampleCap);
  const alpha = 1 - settings.confidence;
  return percentiles.map((percentile) => {
    const rank1 = rankOfPercentile(percentile, m1);
    const rank2 = rankOfPercentile(percentile, m2);
    const differences = new Float64Array(resamples);
    for (let r = 0; r < resamples; r += 1) {
      differences[r] =
        drawPercentile(current, m2, rank2, random) - drawPercentile(baseline, m1, rank1, random);
    }
    differences.sort();
    const baselineValue = percentileOf(baseline, percentile);
    const currentValue = percentileOf(current, percentile);
    return {
      percentile,
      baseline: baselineValue,
      current: currentValue,
      difference: currentValue - baselineValue,
      low: sortedQuantile(differences, alpha / 2),
      high: sortedQuantile(differences, 1 - alpha / 2),
      samples: [m1, m2],
    };
  });
}
