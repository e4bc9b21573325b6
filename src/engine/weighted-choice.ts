/**
 * Picks an index with probability proportional to its weight: a binary search over cumulative
 * weights, built once per user class, so each pick is O(log n) with no allocation.
 */

export class WeightedChoice {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: readonly number[]) {
    if (weights.length === 0) throw new RangeError('weighted choice needs at least one weight');
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((weight, i) => {
      if (!(weight >= 0) || !Number.isFinite(weight)) {
        throw new RangeError(`weight ${i} must be a finite number >= 0, got ${weight}`);
      }
      sum += weight;
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new RangeError('at least one weight must be greater than 0');
    this.total = sum;
  }

  /** `unit` is a uniform draw in [0, 1). */
  pick(unit: number): number {
    const target = unit * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (target < (this.cumulative[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
