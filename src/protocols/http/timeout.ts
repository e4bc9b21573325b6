/**
 * Request timeouts as scripts write them (`2`, `'2s'`, `'500ms'`, `'1.5m'`); error messages
 * print them with core's `formatDuration(ms, 'timeout')`. A bare number is seconds, as in every
 * duration volley takes (the scenario's `http.timeout`, `--timeout`, `between(1, 3)`). A
 * deliberately small parser on the request path: a request timeout needs only single-unit
 * durations, and parsed strings are cached because a script passes the same literal on every
 * iteration.
 */

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000 };
const DURATION = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)\s*$/;
const cache = new Map<string, number>();

/** Milliseconds of a timeout option; a TypeError for anything else (a script bug, not a load result). */
export function timeoutMs(value: number | string): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return Math.round(value * 1000);
    throw new TypeError(`timeout: expected a non-negative number of seconds, got ${value}`);
  }
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  const match = DURATION.exec(value);
  if (match === null)
    throw new TypeError(`timeout: expected a duration like '2s' or '500ms', got '${value}'`);
  const ms = Math.round(Number(match[1]) * (UNIT_MS[match[2] as string] as number));
  if (cache.size < 1024) cache.set(value, ms);
  return ms;
}
