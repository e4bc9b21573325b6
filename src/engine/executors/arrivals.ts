/**
 * The arrival schedule of an open-model run: which iterations this worker starts, and when.
 *
 * Evenly spaced: the i-th arrival is due when the curve's count reaches i (the first at once
 * unless the rate starts at zero). Poisson: gaps are exponential, drawn in count space (a unit-
 * rate Poisson process mapped through the curve), so a ramping rate stays Poisson at every
 * moment. Both are deterministic for a seed, so every worker computes the same global schedule
 * and keeps only the arrivals its execution segment owns: together they start each arrival once,
 * interleaved in time.
 */

import { Random } from '../../core/random.js';
import { type ExecutionSegment, SegmentOwnership, WHOLE } from '../segment.js';
import type { ArrivalCurve } from './arrival-curve.js';

export type ArrivalDistribution = 'even' | 'poisson';

export interface Arrival {
  /** Global arrival index. */
  index: number;
  /** When it is due, ms after the executor starts. */
  atMs: number;
}

export interface ArrivalOptions {
  distribution?: ArrivalDistribution;
  seed?: number;
  segment?: ExecutionSegment;
}

export function* arrivals(curve: ArrivalCurve, options: ArrivalOptions = {}): Generator<Arrival> {
  const ownership = new SegmentOwnership(options.segment ?? WHOLE);
  const random = new Random((options.seed ?? 1) ^ 0x5bd1e995);
  const poisson = options.distribution === 'poisson';
  const firstAtZero = curve.rateAt(0) > 0;
  let count = poisson ? 0 : firstAtZero ? 0 : 1;
  for (let index = 0; ; index++) {
    if (poisson) count += -Math.log(1 - random.next());
    const atMs = curve.timeOf(count);
    if (atMs === null || atMs >= curve.durationMs) return;
    if (ownership.owns(index)) yield { index, atMs };
    if (!poisson) count++;
  }
}
