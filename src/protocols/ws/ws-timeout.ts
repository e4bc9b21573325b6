/**
 * Timeouts as scripts write them on WebSocket calls: a bare number of seconds, or a duration
 * (`'500ms'`, `'2s'`). Parsed strings are cached, as a script passes the same literal on every
 * iteration; 0 means no timeout.
 */

import { tryParseDuration } from '../../core/units/duration.js';

const cache = new Map<string, number>();

/** Milliseconds of a timeout option, or `fallback` when none is given; a TypeError for anything else. */
export function wsTimeoutMs(value: number | string | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return Math.round(value * 1000);
    throw new TypeError(`${what}: timeout must be a number of seconds >= 0, got ${value}`);
  }
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  const ms = typeof value === 'string' ? tryParseDuration(value) : undefined;
  if (ms === undefined) throw new TypeError(`${what}: timeout must be a duration like '2s' or '500ms', got ${String(value)}`);
  if (cache.size < 256) cache.set(value, Math.round(ms));
  return Math.round(ms);
}
