/**
 * Measured values as people read them in a verdict: `312.4ms`, `1.52s`, `98.70%`, `120.5/s`,
 * `1,234`. Rounding for display must never contradict the verdict: a success rate of 98.996%
 * printed as `99.00%` next to a failed `>=99%` would look like a bug, so `formatActual` adds
 * digits until the printed number falls on the same side of the threshold as the real one.
 */

import { compare } from './compare.js';
import type { ThresholdMetric, ThresholdSpec } from './threshold.js';

const MAX_EXTRA_DIGITS = 4;

/** The text for `actual` (in the spec's unit), consistent with the verdict `ok`. */
export function formatActual(spec: ThresholdSpec, actual: number, ok: boolean): string {
  let text = '';
  for (let extra = 0; extra <= MAX_EXTRA_DIGITS; extra++) {
    const shown = formatValue(spec.metric, actual, extra);
    text = shown.text;
    if (compare(shown.value, spec.op, spec.value) === ok) break;
  }
  return text;
}

/** `actual` rounded for display with `extra` digits beyond the usual, and that rounded value. */
export function formatValue(
  metric: ThresholdMetric,
  actual: number,
  extra = 0,
): { text: string; value: number } {
  switch (metric.kind) {
    case 'latency': {
      const ms = round(actual, (Math.abs(actual) < 10 ? 2 : 1) + extra);
      if (Math.abs(ms) < 1000) return { text: `${ms}ms`, value: ms };
      const seconds = round(actual / 1000, 2 + extra);
      return { text: `${seconds}s`, value: seconds * 1000 };
    }
    case 'rate': {
      const percent = (actual * 100).toFixed(2 + extra);
      return { text: `${percent}%`, value: Number(percent) / 100 };
    }
    case 'rps': {
      const perSecond = round(actual, 1 + extra);
      return { text: `${perSecond}/s`, value: perSecond };
    }
    case 'count':
      return { text: actual.toLocaleString('en-US'), value: actual };
    case 'memory': {
      const mb = round(actual / 1e6, 1 + extra);
      return { text: `${actual < 0 ? '' : actual > 0 && metric.which === 'growth' ? '+' : ''}${mb}MB`, value: mb * 1e6 };
    }
  }
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
