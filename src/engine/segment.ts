/**
 * Execution segments: how one load is split deterministically across workers, with no
 * coordinator deciding who runs what (after k6's execution segments).
 *
 * A split is a list of integer weights, one per worker (`[1, 1, 1]` = thirds, `[2, 1]` = two
 * thirds and a third). Any indexed unit of work (the i-th user, the i-th iteration, the i-th
 * arrival) belongs to exactly one worker, computed from the weights alone, so every worker
 * computes its own share, shares sum exactly to the whole, and nothing is counted twice.
 *
 * Ownership is striped, not contiguous: the owner of unit i is chosen by smooth weighted
 * round-robin (each unit goes to the worker furthest behind its share). So worker shares stay
 * proportional at every prefix: 10 users over 3 workers spawn as 0,1,2,0,1,2,… and each worker's
 * users start interleaved in time rather than one worker taking the whole ramp's first half.
 *
 *   weights [2, 1]   unit:  0  1  2  3  4  5 …
 *                    owner: 0  1  0  0  1  0 …   (pattern repeats every 3 units)
 */

export interface ExecutionSegment {
  /** This worker's position in `weights`. */
  readonly index: number;
  /** One positive integer per worker. */
  readonly weights: readonly number[];
}

export const WHOLE: ExecutionSegment = Object.freeze({ index: 0, weights: Object.freeze([1]) });

/** Evenly split among `workers` workers. */
export function evenSegments(workers: number): ExecutionSegment[] {
  const weights = Array.from({ length: workers }, () => 1);
  return weights.map((_, index) => ({ index, weights }));
}

/** The owner of each unit in one period of the pattern (period = sum of weights). */
export function stripePattern(weights: readonly number[]): number[] {
  if (weights.length === 0 || weights.some((w) => !Number.isInteger(w) || w <= 0)) {
    throw new RangeError(`segment weights must be positive integers, got [${weights.join(', ')}]`);
  }
  const period = weights.reduce((sum, w) => sum + w, 0);
  const assigned = weights.map(() => 0);
  const pattern: number[] = [];
  for (let unit = 0; unit < period; unit++) {
    // Deficit of worker s after unit+1 units: (unit+1)·w_s/period − assigned_s, kept in integers.
    let best = 0;
    let bestDeficit = Number.NEGATIVE_INFINITY;
    for (let s = 0; s < weights.length; s++) {
      const deficit = (unit + 1) * (weights[s] as number) - (assigned[s] as number) * period;
      if (deficit > bestDeficit) {
        best = s;
        bestDeficit = deficit;
      }
    }
    assigned[best] = (assigned[best] as number) + 1;
    pattern.push(best);
  }
  return pattern;
}

/** Answers "is unit i mine?" and "how many of the first n units are mine?" in O(1). */
export class SegmentOwnership {
  private readonly pattern: number[];
  /** owned[k] = how many of the first k units of a period are this segment's. */
  private readonly ownedPrefix: number[];
  private readonly perPeriod: number;

  constructor(readonly segment: ExecutionSegment) {
    this.pattern = stripePattern(segment.weights);
    this.ownedPrefix = [0];
    for (const owner of this.pattern) {
      this.ownedPrefix.push((this.ownedPrefix.at(-1) as number) + (owner === segment.index ? 1 : 0));
    }
    this.perPeriod = this.ownedPrefix.at(-1) as number;
  }

  owns(unit: number): boolean {
    return this.pattern[unit % this.pattern.length] === this.segment.index;
  }

  /** How many of units 0..n-1 belong to this segment. */
  shareOf(n: number): number {
    const period = this.pattern.length;
    return Math.floor(n / period) * this.perPeriod + (this.ownedPrefix[n % period] as number);
  }
}
