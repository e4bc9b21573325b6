/**
 * Leak detection: how much a process's memory grew over a run, estimated robustly. First minus
 * last sample is a coin toss under a garbage collector: memory rises in a sawtooth, and where
 * the run happens to end on the tooth decides the answer. Instead:
 *
 *   memory │          ╱│      ╱│     ╱      samples: a sawtooth (garbage piling up, then collected)
 *          │   ╱│   ╱  │   ╱  │  ╱    ___   the retained floor: the least memory held from each
 *          │ ╱  │ ╱  __│_╱____│_╱____╱      moment to the end of the run
 *          │___│_╱                          growth = Theil–Sen slope of the floor × duration
 *          └─────────────────────────► t
 *            warm-up
 *
 * - The first `warmupFraction` of the samples (20% by default) is skipped: pools, caches and
 *   JIT-compiled code fill up once at the start, which is growth but not a leak.
 * - Each remaining sample is replaced by the minimum of itself and every later sample: memory
 *   that is released later in the run was garbage, not a leak, while leaked memory is held to the
 *   end and raises this floor. Without it, a run shorter than a few GC cycles (garbage piling up
 *   for seconds before the first full collection) would read as a leak.
 * - The slope is Theil–Sen's: the median of the slopes between every pair of points. Up to 29%
 *   of them can be arbitrary without moving it, where a least-squares slope is dragged by each.
 * - Growth is that slope times the run's duration (the last sample's `t`): what a steady trend
 *   amounts to over the whole run, warm-up included, in bytes.
 *
 * RSS is the default series because it is all another process exposes and it counts Buffers and
 * native memory, which the JS heap does not; but the allocator keeps some freed pages, so RSS
 * sinks less after a collection than the heap does. `heapUsed` tracks leaks of JS objects more
 * sharply. Either way a run should span a few collections to tell a leak from a growing heap.
 */

import type { MonitorSample } from '../metrics/result.js';

export type MemorySeries = 'rss' | 'heapUsed';

export interface MemoryGrowthOptions {
  /** Which memory figure to fit (default `rss`). */
  series?: MemorySeries;
  /** Share of the first samples left out of the fit (default 0.2). */
  warmupFraction?: number;
  /** Growth above this many bytes sets `leaking`; without it `leaking` is null. */
  limitBytes?: number;
  /** Fewest samples the fit needs after the warm-up (default 3). */
  minSamples?: number;
}

export interface MemoryGrowth {
  series: MemorySeries;
  /** Fitted growth over the whole run, bytes (negative when memory shrank). */
  bytes: number;
  bytesPerSecond: number;
  /** Seconds of the run the fit covers (the samples after the warm-up). */
  fromS: number;
  toS: number;
  /** Seconds the growth is extrapolated over: the run's duration. */
  durationS: number;
  /** Samples in the fit. */
  samples: number;
  limitBytes: number | null;
  /** `bytes > limitBytes`; null without a limit. */
  leaking: boolean | null;
}

export const DEFAULT_WARMUP_FRACTION = 0.2;
/** The pairwise slopes grow as n²; past this many points the series is thinned evenly. */
const MAX_FIT_POINTS = 1500;

/**
 * The Theil–Sen slope of y over x: the median of (y_j − y_i) / (x_j − x_i) over all pairs with
 * x_j > x_i (the mean of the middle two for an even count). Null when no pair differs in x.
 */
export function theilSenSlope(xs: ArrayLike<number>, ys: ArrayLike<number>): number | null {
  const n = Math.min(xs.length, ys.length);
  const slopes = new Float64Array((n * (n - 1)) / 2);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const xi = xs[i] as number;
    const yi = ys[i] as number;
    for (let j = i + 1; j < n; j++) {
      const dx = (xs[j] as number) - xi;
      if (dx === 0) continue;
      slopes[count++] = ((ys[j] as number) - yi) / dx;
    }
  }
  if (count === 0) return null;
  const sorted = slopes.subarray(0, count).sort();
  const middle = count >> 1;
  return count % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Estimated growth of one memory series; null with too few samples after the warm-up. */
export function estimateMemoryGrowth(
  samples: readonly MonitorSample[],
  options: MemoryGrowthOptions = {},
): MemoryGrowth | null {
  const series = options.series ?? 'rss';
  const warmupFraction = options.warmupFraction ?? DEFAULT_WARMUP_FRACTION;
  if (!(warmupFraction >= 0 && warmupFraction < 1)) {
    throw new RangeError(`memory growth: warmupFraction must be in [0, 1), got ${warmupFraction}`);
  }
  const minSamples = Math.max(2, options.minSamples ?? 3);
  const last = samples[samples.length - 1];
  if (last === undefined) return null;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = Math.floor(samples.length * warmupFraction); i < samples.length; i++) {
    const sample = samples[i] as MonitorSample;
    const bytes = series === 'rss' ? sample.rssBytes : sample.heapUsedBytes;
    // A process that is not ours has no heap figure (NaN): nothing to fit.
    if (!Number.isFinite(bytes) || !Number.isFinite(sample.t)) continue;
    xs.push(sample.t);
    ys.push(bytes);
  }
  if (xs.length < minSamples) return null;
  for (let i = ys.length - 2; i >= 0; i--) ys[i] = Math.min(ys[i] as number, ys[i + 1] as number);
  const step = Math.ceil(xs.length / MAX_FIT_POINTS);
  const slope =
    step === 1
      ? theilSenSlope(xs, ys)
      : theilSenSlope(
          xs.filter((_, i) => i % step === 0),
          ys.filter((_, i) => i % step === 0),
        );
  if (slope === null) return null;
  const durationS = last.t;
  const bytes = slope * durationS;
  const limitBytes = options.limitBytes ?? null;
  return {
    series,
    bytes,
    bytesPerSecond: slope,
    fromS: xs[0] as number,
    toS: xs[xs.length - 1] as number,
    durationS,
    samples: xs.length,
    limitBytes,
    leaking: limitBytes === null ? null : bytes > limitBytes,
  };
}
