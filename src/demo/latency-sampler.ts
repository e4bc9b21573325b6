/**
 * The injected latency of one API request: fixed + uniform jitter + a sample of the chosen
 * distribution. Real services have long tails, and a percentile threshold only means something
 * against one, so `exponential` (memoryless waits, a tail of several means) and `normal` are
 * on offer beside the flat jitter.
 *
 * Draw order is fixed (jitter, then the distribution's draws) so a seed yields the same
 * sequence every run; a knob that is off draws nothing, keeping older seeded sequences intact.
 */

import type { RandomSource } from '../core/random.js';
import type { LatencyDistribution } from './service-options.js';

/** No single injected delay exceeds this: a mis-set mean must not hang a run. */
export const MAX_INJECTED_DELAY_MS = 60_000;

export interface LatencyShape {
  fixedMs: number;
  jitterMs: number;
  distribution: LatencyDistribution | 'none';
  meanMs: number;
  stdMs: number;
}

export type LatencySampler = () => number;

export function hasLatency(shape: LatencyShape): boolean {
  return shape.fixedMs > 0 || shape.jitterMs > 0 || (shape.distribution !== 'none' && shape.meanMs > 0);
}

/** Returns a sampler of delays in ms, each in [0, MAX_INJECTED_DELAY_MS]. */
export function createLatencySampler(shape: LatencyShape, random: RandomSource): LatencySampler {
  const { fixedMs, jitterMs, meanMs, stdMs } = shape;
  const sample = distributionSampler(shape.distribution, meanMs, stdMs, random);
  return () => {
    let delay = fixedMs;
    if (jitterMs > 0) delay += random() * jitterMs;
    if (sample !== undefined) delay += sample();
    return Math.min(delay, MAX_INJECTED_DELAY_MS);
  };
}

function distributionSampler(
  distribution: LatencyDistribution | 'none',
  meanMs: number,
  stdMs: number,
  random: RandomSource,
): (() => number) | undefined {
  if (distribution === 'none' || meanMs <= 0) return undefined;
  if (distribution === 'exponential') {
    // Inverse CDF; 1 - u is in (0, 1], so the log is finite.
    return () => -meanMs * Math.log(1 - random());
  }
  // Box-Muller: two uniforms → one standard normal (the second normal is dropped to keep
  // exactly two draws per request, so the sequence stays predictable).
  return () => {
    const u1 = 1 - random();
    const u2 = random();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.max(0, meanMs + stdMs * z);
  };
}
