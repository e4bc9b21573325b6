/**
 * The one way a measured value becomes a verdict, for every vocabulary: compared with the
 * threshold's value (`compare.ts`), and quoted back with digits enough not to contradict the
 * verdict (`format-actual.ts`). A threshold with nothing to measure fails with the reason rather
 * than passing vacuously.
 */

import type { ThresholdVerdict } from '../metrics/result.js';
import { compare } from './compare.js';
import { formatActual, type ValueDisplay } from './format-actual.js';
import type { ComparisonOperator } from './threshold.js';

/** A measured value, or null with the reason there is none. */
export type Measured = { value: number } | { value: null; note: string };

/** What a verdict needs to know of a threshold. */
export interface JudgedCondition {
  /** As the verdict reads it: `p95<300ms`, `mean<50ms (concurrency 10)`. */
  expression: string;
  op: ComparisonOperator;
  value: number;
  display: ValueDisplay;
  abortOnFail: boolean;
}

export function judge(condition: JudgedCondition, measured: Measured): ThresholdVerdict {
  const { expression, abortOnFail } = condition;
  if (measured.value === null) {
    return { expression, ok: false, actual: null, actualText: 'no data', abortOnFail, note: measured.note };
  }
  const actual = measured.value;
  const ok = compare(actual, condition.op, condition.value);
  const actualText = formatActual(condition.display, actual, condition.op, condition.value, ok);
  return { expression, ok, actual, actualText, abortOnFail };
}
