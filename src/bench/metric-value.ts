/**
 * The units of benchmark and stress metrics, and how a measured value reads in a verdict:
 * three significant digits in a unit that fits (`45.2ns`, `812µs`, `12.3ms`, `1.52s`;
 * `45.2 MB`; `99.60%`). As in `src/thresholds/format-actual.ts`, rounding for display must not
 * contradict the verdict (`50.0ms` next to a failed `<50ms`), so digits are added until the
 * printed value falls on the same side of the threshold as the real one.
 */

import { compare } from '../thresholds/compare.js';
import type { ComparisonOperator } from '../thresholds/index.js';

/**
 * - `ms`: milliseconds (time per call, latency)
 * - `fraction`: 0..1, written as a percentage (success rate, relative margin of error)
 * - `cpu`: percent of one core (can exceed 100)
 * - `bytes`, `perSecond`, `count`
 * - `ratio`: a plain multiple (latency degradation, `3x`)
 */
export type MetricUnit = 'ms' | 'fraction' | 'cpu' | 'bytes' | 'perSecond' | 'ratio' | 'count';

const MAX_EXTRA_DIGITS = 4;

function significant(value: number, digits: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}

/** A duration in milliseconds, in the unit that fits: ns, µs, ms or s. */
export function formatTime(ms: number, digits = 3): { text: string; value: number } {
  const magnitude = Math.abs(ms);
  if (magnitude === 0) return { text: '0ms', value: 0 };
  // Decide the unit on the rounded value, so 999.96µs reads 1.00ms, never 1000µs.
  const seconds = significant(ms / 1000, digits);
  if (Math.abs(seconds) >= 1) return { text: `${seconds}s`, value: seconds * 1000 };
  const millis = significant(ms, digits);
  if (Math.abs(millis) >= 1) return { text: `${millis}ms`, value: millis };
  const micros = significant(ms * 1000, digits);
  if (Math.abs(micros) >= 1) return { text: `${micros}µs`, value: micros / 1000 };
  const nanos = significant(ms * 1e6, digits);
  return { text: `${nanos}ns`, value: nanos / 1e6 };
}

const BYTE_UNITS: readonly [string, number][] = [
  ['TB', 1e12],
  ['GB', 1e9],
  ['MB', 1e6],
  ['kB', 1e3],
];

export function formatByteSize(bytes: number, digits = 3): { text: string; value: number } {
  for (const [unit, factor] of BYTE_UNITS) {
    const shown = significant(bytes / factor, digits);
    if (Math.abs(shown) >= 1) return { text: `${shown} ${unit}`, value: shown * factor };
  }
  const whole = Math.round(bytes);
  return { text: `${whole} B`, value: whole };
}

/** `value` in `unit` for people, with `extra` digits beyond the usual, and the value shown. */
export function formatMetricValue(
  unit: MetricUnit,
  value: number,
  extra = 0,
): { text: string; value: number } {
  switch (unit) {
    case 'ms':
      return formatTime(value, 3 + extra);
    case 'bytes':
      return formatByteSize(value, 3 + extra);
    case 'fraction': {
      const text = (value * 100).toFixed(2 + extra);
      return { text: `${text}%`, value: Number(text) / 100 };
    }
    case 'cpu': {
      const text = value.toFixed(1 + extra);
      return { text: `${text}%`, value: Number(text) };
    }
    case 'perSecond': {
      const shown = significant(value, Math.max(3 + extra, String(Math.round(value)).length));
      return { text: `${shown}/s`, value: shown };
    }
    case 'ratio': {
      const text = value.toFixed(2 + extra);
      return { text: `${text}x`, value: Number(text) };
    }
    case 'count':
      return { text: String(Math.round(value)), value: Math.round(value) };
  }
}

/** The text for `actual`, consistent with the verdict `ok` of `actual op limit`. */
export function formatVerdictValue(
  unit: MetricUnit,
  actual: number,
  op: ComparisonOperator,
  limit: number,
  ok: boolean,
): string {
  let text = '';
  for (let extra = 0; extra <= MAX_EXTRA_DIGITS; extra++) {
    const shown = formatMetricValue(unit, actual, extra);
    text = shown.text;
    if (compare(shown.value, op, limit) === ok) break;
  }
  return text;
}
