/**
 * The two-proportion z-test for error rates: is the share of failed requests different between
 * two runs, beyond what chance explains? Pooled standard error under "no difference", the usual
 * large-sample test; with few failures it is approximate, which is one reason `compare` also
 * demands a minimum practical change (0.5 percentage points) before calling anything.
 */

import { twoSidedP } from './normal.js';

export interface ProportionTest {
  baselineRate: number;
  currentRate: number;
  /** current − baseline, a fraction. */
  difference: number;
  z: number;
  /** Two-sided. 1 when the test cannot tell (no requests, or both rates 0% or both 100%). */
  pValue: number;
}

export function twoProportionTest(
  baselineFailures: number,
  baselineTotal: number,
  currentFailures: number,
  currentTotal: number,
): ProportionTest {
  const baselineRate = baselineTotal > 0 ? baselineFailures / baselineTotal : 0;
  const currentRate = currentTotal > 0 ? currentFailures / currentTotal : 0;
  const difference = currentRate - baselineRate;
  if (baselineTotal === 0 || currentTotal === 0) {
    return { baselineRate, currentRate, difference, z: 0, pValue: 1 };
  }
  const pooled = (baselineFailures + currentFailures) / (baselineTotal + currentTotal);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / baselineTotal + 1 / currentTotal));
  if (standardError === 0) return { baselineRate, currentRate, difference, z: 0, pValue: 1 };
  const z = difference / standardError;
  return { baselineRate, currentRate, difference, z, pValue: twoSidedP(z) };
}
