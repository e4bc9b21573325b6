/**
 * Rates, the one place they are parsed and formatted: `200/s`, `30/m`, `1000/h`, `5/100ms`, or
 * a bare number meaning per second, parsed to events per second.
 */

import { fixedBelow, formatCount, MISSING } from './count.js';
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

/** An events-per-second figure without its unit: `0.50`, `42.5`, `2,391`. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return MISSING;
  return fixedBelow(perSecond, 2, 10) ?? fixedBelow(perSecond, 1, 100) ?? formatCount(perSecond);
}
