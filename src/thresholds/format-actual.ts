/**
 * Measured values as people read them in a verdict, for every vocabulary: a run's `312.4ms`,
 * `98.70%`, `120.5/s`, `1,234`, `+12.3MB`; a benchmark's `45.2ns`, `812µs`, `45.2 MB`, `80.0%`
 * of a core, `2.50x`. Rounding for display must never contradict the verdict: a success rate of
 * 98.996% printed as `99.00%` next to a failed `>=99%` would look like a bug, so `formatActual`
 * adds digits until the printed number falls on the same side of the threshold as the real one.
 */

import { compare } from './compare.js';
import type { ComparisonOperator } from './threshold.js';

/**
 * How a value is written. Runs round to fixed decimals (`latency`, `requestRate`, `count`,
 * `megabytes`, `megabytesChange`); benchmarks, whose values span nanoseconds to seconds, keep
 * three significant digits in the unit that fits (`time`, `throughput`, `byteSize`).
 */
export type ValueDisplay =
  | 'latency'
  | 'time'
  | 'percent'
  | 'requestRate'
  | 'throughput'
  | 'count'
  | 'wholeNumber'
  | 'megabytes'
  | 'megabytesChange'
  | 'byteSize'
  | 'cpuPercent'
  | 'multiple'
  | 'number';

export interface ShownValue {
  text: string;
  /** The value as printed, in the unit of the measured value. */
  value: number;
}

const MAX_EXTRA_DIGITS = 4;

/** The text for `actual`, consistent with the verdict `ok` of `actual op limit`. */
export function formatActual(
  display: ValueDisplay,
  actual: number,
  op: ComparisonOperator,
  limit: number,
  ok: boolean,
): string {
  let text = '';
  for (let extra = 0; extra <= MAX_EXTRA_DIGITS; extra++) {
    const shown = formatValue(display, actual, extra);
    text = shown.text;
    if (compare(shown.value, op, limit) === ok) break;
  }
  return text;
}

/** `value` written as `display` says, with `extra` digits beyond the usual, and the value shown. */
export function formatValue(display: ValueDisplay, value: number, extra = 0): ShownValue {
  switch (display) {
    case 'latency': {
      const ms = round(value, (Math.abs(value) < 10 ? 2 : 1) + extra);
      if (Math.abs(ms) < 1000) return { text: `${ms}ms`, value: ms };
      const seconds = round(value / 1000, 2 + extra);
      return { text: `${seconds}s`, value: seconds * 1000 };
    }
    case 'time':
      return formatTime(value, 3 + extra);
    case 'percent': {
      const percent = (value * 100).toFixed(2 + extra);
      return { text: `${percent}%`, value: Number(percent) / 100 };
    }
    case 'requestRate': {
      const perSecond = round(value, 1 + extra);
      return { text: `${perSecond}/s`, value: perSecond };
    }
    case 'throughput': {
      const shown = significant(value, Math.max(3 + extra, String(Math.round(value)).length));
      return { text: `${shown}/s`, value: shown };
    }
    case 'count':
      return { text: value.toLocaleString('en-US'), value };
    case 'wholeNumber':
      return { text: String(Math.round(value)), value: Math.round(value) };
    case 'megabytes':
    case 'megabytesChange': {
      const mb = round(value / 1e6, 1 + extra);
      const sign = display === 'megabytesChange' && value > 0 ? '+' : '';
      return { text: `${sign}${mb}MB`, value: mb * 1e6 };
    }
    case 'byteSize':
      return formatByteSize(value, 3 + extra);
    case 'cpuPercent': {
      const text = value.toFixed(1 + extra);
      return { text: `${text}%`, value: Number(text) };
    }
    case 'multiple': {
      const text = value.toFixed(2 + extra);
      return { text: `${text}x`, value: Number(text) };
    }
    case 'number': {
      // A custom metric's value in its own unit: 4 significant digits (0.01234, 1234, 1.235e+6).
      const shown = significant(value, 4 + extra);
      return { text: String(shown), value: shown };
    }
  }
}

/** A duration in milliseconds, in the unit that fits: ns, µs, ms or s. */
export function formatTime(ms: number, digits = 3): ShownValue {
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

/** A size in bytes, in the decimal unit that fits: `45.2 MB`, `812 kB`, `12 B`. */
export function formatByteSize(bytes: number, digits = 3): ShownValue {
  for (const [unit, factor] of BYTE_UNITS) {
    const shown = significant(bytes / factor, digits);
    if (Math.abs(shown) >= 1) return { text: `${shown} ${unit}`, value: shown * factor };
  }
  const whole = Math.round(bytes);
  return { text: `${whole} B`, value: whole };
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

function significant(value: number, digits: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}
