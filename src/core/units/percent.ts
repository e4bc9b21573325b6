/**
 * Percentages, the one place they are parsed and formatted: `99%`, `99.9%`, or a fraction
 * `0.99`, parsed to a fraction in [0, 1].
 */

import { MISSING } from './count.js';

export function tryParsePercent(text: string): number | undefined {
  const trimmed = text.trim();
  const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(trimmed);
  if (match === null) return undefined;
  const value = Number(match[1]);
  const fraction = match[2] === '%' ? value / 100 : value;
  return fraction <= 1 ? fraction : undefined;
}

export function parsePercent(value: string | number, what = 'percentage'): number {
  const fraction = typeof value === 'number' ? (value <= 1 ? value : undefined) : tryParsePercent(value);
  if (fraction === undefined || fraction < 0) {
    throw new RangeError(`${what}: expected a percentage like 99% or a fraction like 0.99, got '${value}'`);
  }
  return fraction;
}

/**
 * A fraction as a percentage: `formatPercent(0.982)` → `98.2%`. A value strictly between 0 and
 * 1 never reads as `0.0%` or `100.0%` (it reads `<0.1%` / `>99.9%`), because a person checking
 * "were there any failures?" must not be told "none" by rounding.
 */
export function formatPercent(fraction: number, decimals = 1): string {
  if (!Number.isFinite(fraction)) return MISSING;
  const text = (fraction * 100).toFixed(decimals);
  const step = 10 ** -decimals;
  if (fraction > 0 && Number(text) === 0) return `<${step.toFixed(decimals)}%`;
  if (fraction > 0 && fraction < 1 && Number(text) >= 100) return `>${(100 - step).toFixed(decimals)}%`;
  return `${text}%`;
}
