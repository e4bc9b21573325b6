/**
 * Welch's t statistics for the difference of two means with unequal variances, from each
 * sample's size, mean and standard deviation: the two-sided p-value (bench baselines: did the
 * mean time per call change?) and the confidence interval (`volley compare`'s per-second noise,
 * `time-blocks.ts`). Degrees of freedom by Welch–Satterthwaite, quantiles from Student's t.
 */

import { studentTCdf, studentTQuantile } from './student-t.js';

/** One sample, summarized. */
export interface SampleSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator). */
  sd: number;
}

export interface DifferenceInterval {
  /** b's mean − a's mean. */
  difference: number;
  low: number;
  high: number;
}

/** The mean, and the sample standard deviation, of `values` (at least 2). */
export function summarizeValues(values: readonly number[]): SampleSummary {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
  return { n: values.length, mean, sd: Math.sqrt(variance) };
}

/** Variance of each mean, and the Welch–Satterthwaite degrees of freedom of their difference. */
function spread(a: SampleSummary, b: SampleSummary): { va: number; vb: number; df: number } {
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  return { va, vb, df };
}

/** Two-sided p-value of Welch's t-test; 0 or 1 when both spreads are 0, 1 below 2 values a side. */
export function welchPValue(a: SampleSummary, b: SampleSummary): number {
  if (a.n < 2 || b.n < 2) return 1;
  const { va, vb, df } = spread(a, b);
  const se = Math.sqrt(va + vb);
  if (se === 0) return a.mean === b.mean ? 1 : 0;
  const t = (b.mean - a.mean) / se;
  return Math.min(1, 2 * (1 - studentTCdf(Math.abs(t), df)));
}

/** Welch's interval of b − a at `confidence`; zero-width when neither sample varies. */
export function welchInterval(a: SampleSummary, b: SampleSummary, confidence: number): DifferenceInterval {
  const difference = b.mean - a.mean;
  const { va, vb, df } = spread(a, b);
  if (va + vb === 0) return { difference, low: difference, high: difference };
  const half = studentTQuantile(1 - (1 - confidence) / 2, df) * Math.sqrt(va + vb);
  return { difference, low: difference - half, high: difference + half };
}

/**
 * Half-width of the confidence interval of one mean (Student's t with n − 1 degrees of freedom,
 * since a sample of 10 is not normal); 0 below 2 values.
 */
export function meanMarginOfError(sample: SampleSummary, confidence: number): number {
  if (sample.n < 2) return 0;
  const standardError = sample.sd / Math.sqrt(sample.n);
  return studentTQuantile(1 - (1 - confidence) / 2, sample.n - 1) * standardError;
}
