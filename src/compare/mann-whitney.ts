/**
 * The Mann–Whitney U test on two histograms, computed exactly from bucket counts: both runs'
 * histograms share HDR's bucket layout, so equal bucket values are ties and get mid-ranks. It
 * answers a different question from the percentile intervals: did the distribution as a whole
 * shift? `probabilitySlower` is P(current request slower than baseline request) + ½ P(tie), the
 * effect size (0.5 = no shift). It is reported alongside the verdicts, not used for them: with
 * thousands of requests per run its p-value flags shifts far too small to matter, and requests
 * of one run are not independent (see `bootstrap.ts`), so the p-value is optimistic.
 */

import type { Distribution } from './distribution.js';
import { twoSidedP } from './normal.js';

export interface DistributionShift {
  probabilitySlower: number;
  z: number;
  pValue: number;
}

export function mannWhitney(baseline: Distribution, current: Distribution): DistributionShift | null {
  const n1 = baseline.total;
  const n2 = current.total;
  if (n1 === 0 || n2 === 0) return null;
  let i = 0;
  let j = 0;
  let baselineBelow = 0;
  let favourable = 0; // Σ over current values of (#baseline below + ½ #baseline equal)
  let tieTerm = 0; // Σ (t³ − t) over groups of equal values
  const countAt = (d: Distribution, index: number): number =>
    (d.cumulative[index] as number) - (index === 0 ? 0 : (d.cumulative[index - 1] as number));
  while (i < baseline.values.length || j < current.values.length) {
    const a = i < baseline.values.length ? (baseline.values[i] as number) : Number.POSITIVE_INFINITY;
    const b = j < current.values.length ? (current.values[j] as number) : Number.POSITIVE_INFINITY;
    const value = Math.min(a, b);
    const inBaseline = a === value ? countAt(baseline, i++) : 0;
    const inCurrent = b === value ? countAt(current, j++) : 0;
    favourable += inCurrent * (baselineBelow + inBaseline / 2);
    baselineBelow += inBaseline;
    const tied = inBaseline + inCurrent;
    tieTerm += tied * tied * tied - tied;
  }
  const n = n1 + n2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  const z = variance > 0 ? (favourable - mean) / Math.sqrt(variance) : 0;
  return { probabilitySlower: favourable / (n1 * n2), z, pValue: variance > 0 ? twoSidedP(z) : 1 };
}
