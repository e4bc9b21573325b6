/**
 * Which user class the i-th spawned user belongs to. Classes with a fixed count get exactly that
 * many (in declaration order, until the total is used up); the rest is shared by weight with
 * the largest-remainder method, so counts are integers that sum to the total. The order of
 * classes over spawn indices is striped (see segment.ts), so a ramp brings every class up in
 * proportion rather than one class after another, and any slice of the indices sees the same mix.
 */

import { stripePattern } from './segment.js';

export interface MixEntry {
  weight: number;
  fixedCount?: number | undefined;
}

/** How many users of each class make up `total`. */
export function classCounts(classes: readonly MixEntry[], total: number): number[] {
  const counts = classes.map(() => 0);
  let remaining = total;
  classes.forEach((entry, i) => {
    if (entry.fixedCount === undefined) return;
    const take = Math.min(entry.fixedCount, remaining);
    counts[i] = take;
    remaining -= take;
  });
  let weighted = classes.map((entry, i) => ({
    i,
    weight: entry.fixedCount === undefined ? entry.weight : 0,
  }));
  let weightSum = weighted.reduce((sum, w) => sum + w.weight, 0);
  if (remaining === 0) return counts;
  if (weightSum === 0) {
    // Only fixed counts, and more users than they add up to: share the rest in their proportions.
    weighted = classes.map((entry, i) => ({ i, weight: entry.fixedCount ?? 0 }));
    weightSum = weighted.reduce((sum, w) => sum + w.weight, 0);
    if (weightSum === 0) weighted = classes.map((_, i) => ({ i, weight: 1 }));
    weightSum = weighted.reduce((sum, w) => sum + w.weight, 0);
  }
  const exact = weighted.map((w) => ({ i: w.i, share: (remaining * w.weight) / weightSum }));
  let given = 0;
  for (const e of exact) {
    const floor = Math.floor(e.share);
    counts[e.i] = (counts[e.i] as number) + floor;
    given += floor;
  }
  // Hand out what rounding down left over, largest fractional part first, then declaration order.
  const byRemainder = exact
    .filter((e) => e.share > 0)
    .sort((a, b) => b.share - Math.floor(b.share) - (a.share - Math.floor(a.share)) || a.i - b.i);
  for (let k = 0; k < remaining - given; k++) {
    const target = byRemainder[k % byRemainder.length] as { i: number };
    counts[target.i] = (counts[target.i] as number) + 1;
  }
  return counts;
}

/** The class of each of `total` spawn indices. */
export function classSequence(classes: readonly MixEntry[], total: number): Uint16Array {
  const counts = classCounts(classes, total);
  const sequence = new Uint16Array(total);
  const present = counts.map((count, i) => ({ count, i })).filter((c) => c.count > 0);
  if (present.length === 0) return sequence;
  const pattern = stripePattern(present.map((c) => c.count));
  for (let unit = 0; unit < total; unit++)
    sequence[unit] = (present[pattern[unit] as number] as { i: number }).i;
  return sequence;
}
