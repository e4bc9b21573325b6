/**
 * How a stress test scales across `levels` (seed 001's "linear scaling at 1, 5, 10 users" and
 * "< 3x degradation at max load"), each level against the lowest:
 *
 *   efficiency(L)  = (throughput(L) / L) / (throughput(base) / base)
 *                    1 = every worker added as much throughput as the first ones did;
 *                    0.5 = doubling the workers gained nothing of the second half.
 *   degradation(L) = p95(L) / p95(base)
 *                    how much slower an operation got under the added concurrency.
 *
 * With the base at concurrency 1, efficiency is throughput(L) / (L × throughput(1)).
 */

export interface ScalingInput {
  concurrency: number;
  opsPerSec: number;
  /** p95 latency, ms. */
  p95: number;
}

export interface ScalingRow extends ScalingInput {
  /** Null when the base level had no throughput. */
  efficiency: number | null;
  /** Null when the base level's p95 was 0. */
  degradation: number | null;
}

/** One row per level, in the given order; the base is the lowest concurrency. */
export function scalingOf(levels: readonly ScalingInput[]): ScalingRow[] {
  let base: ScalingInput | undefined;
  for (const level of levels) if (base === undefined || level.concurrency < base.concurrency) base = level;
  if (base === undefined) return [];
  const perWorker = base.opsPerSec / base.concurrency;
  return levels.map((level) => ({
    concurrency: level.concurrency,
    opsPerSec: level.opsPerSec,
    p95: level.p95,
    efficiency: perWorker > 0 ? level.opsPerSec / level.concurrency / perWorker : null,
    degradation: base.p95 > 0 ? level.p95 / base.p95 : null,
  }));
}
