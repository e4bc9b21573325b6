/**
 * What every object-form threshold shares, whatever it selects: its conditions (one string or a
 * list), `abortOnFail` and `window`. Read from user JavaScript, so nothing about a value's shape
 * is trusted; every problem is pushed, none thrown.
 */

import { tryParseDuration } from '../core/units/duration.js';
import { describeValue } from './describe-value.js';

/** Keys of an object-form threshold that are options, not selectors or metrics. */
export const OPTION_KEYS: readonly string[] = ['abortOnFail', 'window'];

export function conditionsOf(value: unknown, where: string, problems: string[]): string[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  if (list.length === 0) problems.push(`${where}: empty list of conditions (write e.g. '<300ms')`);
  const strings: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') strings.push(item);
    else {
      problems.push(
        `${where}: expected a condition string like '<300ms' or '>=99%', got ${describeValue(item)}`,
      );
    }
  }
  return strings;
}

export function parseAbortOnFail(value: unknown, problems: string[]): boolean {
  if (value === undefined) return false;
  if (typeof value === 'boolean') return value;
  problems.push(`abortOnFail must be true or false, got ${describeValue(value)}`);
  return false;
}

export function parseWindow(value: unknown, problems: string[]): number | undefined {
  if (value === undefined) return undefined;
  // A bare number is seconds, as in every duration volley takes (`-t 60`, `between(1, 3)`).
  const ms =
    typeof value === 'number' ? value * 1000 : typeof value === 'string' ? tryParseDuration(value) : undefined;
  if (ms !== undefined && Number.isFinite(ms) && ms > 0) return ms;
  problems.push(
    `window must be a duration like '30s' or a number of seconds above 0, got ${describeValue(value)}`,
  );
  return undefined;
}
