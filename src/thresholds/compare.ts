/**
 * The comparison at the heart of a verdict. Measured values come out of float arithmetic
 * (`successes / requests`, `percent / 100`), so exact comparison would fail `0.99 >= 99%` or
 * `0.1 + 0.2 == 0.3`. Values within a relative 1e-12 of each other count as equal: far above
 * float noise (~1e-16), far below any real difference, even between counts in the billions.
 */

import type { ComparisonOperator } from './threshold.js';

const RELATIVE_EPSILON = 1e-12;

export function compare(actual: number, op: ComparisonOperator, value: number): boolean {
  const tolerance = RELATIVE_EPSILON * Math.max(1, Math.abs(actual), Math.abs(value));
  const equal = Math.abs(actual - value) <= tolerance;
  switch (op) {
    case '<':
      return actual < value && !equal;
    case '<=':
      return actual < value || equal;
    case '>':
      return actual > value && !equal;
    case '>=':
      return actual > value || equal;
    case '==':
      return equal;
  }
}
