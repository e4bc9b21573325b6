/**
 * Rates, the one place they are parsed and formatted: `200/s`, `30/m`, `1000/h`, `5/100ms`, or
 * a bare number meaning per second, parsed to events per second.
 */

import { fixedBelow, formatCount, MISSING, significant } from './count.js';
import { tryParseDuration } from './duration.js';

export function tryParseRate(text: string): number | undefined {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const countText = slash === -1 ? trimmed : trimmed.slice(0, slash);
  if (!/^\d+(\.\d+)?$/.test(countText)) return undefined;
  const count = Number(countText);
  if (slash === -1) return count;
  const unitText = trimmed.slice(slash + 1);
  // Without this, `10/` read as `10/1` (one second) and passed.
  if (unitText === '') return undefined;
  const per = /^\d/.test(unitText) ? tryParseDuration(unitText) : tryParseDuration(`1${unitText}`);
  if (per === undefined || per <= 0) return undefined;
  return (count * 1000) / per;
}

export function parseRate(value: string | number, what = 'rate'): number {
  const rate = typeof value === 'number' ? value : tryParseRate(value);
  if (rate === undefined || !Number.isFinite(rate) || rate < 0) {
    throw new RangeError(`${what}: expected a rate like 200/s, 30/m or 10, got '${value}'`);
  }
  return rate;
}

/**
 * - `fixed` (the default): two decimals below 10, one below 100, then whole: `0.50`, `42.5`,
 *   `2,391` (run reports, where columns line up).
 * - `significant`: three significant digits at least, whole numbers from 1000: `0.812`, `40.7`,
 *   `12,345` (benchmarks, where an operation may run less than once a second).
 */
export type RateStyle = 'fixed' | 'significant';

/** An events-per-second figure without its unit, in `style` (see RateStyle); `—` for a non-number. */
export function formatRate(perSecond: number, style: RateStyle = 'fixed'): string {
  if (!Number.isFinite(perSecond)) return MISSING;
  if (style === 'significant') {
    return perSecond >= 1000 ? formatCount(perSecond) : String(significant(perSecond, 3));
  }
  return fixedBelow(perSecond, 2, 10) ?? fixedBelow(perSecond, 1, 100) ?? formatCount(perSecond);
}
