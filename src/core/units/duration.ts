/**
 * Durations, the one place they are parsed and formatted. People write them as `30s`, `5m`,
 * `1h30m`, `250ms`, `1.5s`, or a bare number of seconds (Locust's `-t 60` convention); they are
 * parsed to milliseconds. The same number of milliseconds reads differently depending on what it
 * is (a latency in a table, a run's length, a timeout, elapsed time), so `formatDuration` takes a
 * named style rather than there being one function per place.
 */

import { fixedBelow, formatCount, MISSING, significant } from './count.js';

const UNIT_MS: Record<string, number> = {
  us: 0.001,
  µs: 0.001,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};
const PART = /(\d+(?:\.\d+)?)(us|µs|ms|s|m|h|d)/y;

/** Parses a duration to milliseconds, or returns undefined when the text is not one. */
export function tryParseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < trimmed.length) {
    const start = PART.lastIndex;
    const match = PART.exec(trimmed);
    if (match === null || match.index !== start) return undefined;
    total += Number(match[1]) * (UNIT_MS[match[2] as string] as number);
  }
  return total;
}

/** Accepts a duration string or a number of milliseconds. */
export function parseDuration(value: string | number, what = 'duration'): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return value;
    throw new RangeError(`${what}: expected a non-negative number of milliseconds, got ${value}`);
  }
  const ms = tryParseDuration(value);
  if (ms === undefined) {
    throw new RangeError(`${what}: expected a duration like 30s, 5m, 1h30m or 250ms, got '${value}'`);
  }
  return ms;
}

/**
 * - `compact` (the default): a span people set or a run took: `950ms`, `12.5s`, `5m`, `1h30m`.
 * - `latency`: about three significant digits with the unit: `0.42ms`, `12.3ms`, `1,234ms`,
 *   `12.3s`, `125s`; not a finite number reads `—`.
 * - `latency-cell`: the same in milliseconds without the unit, for table cells under a `(ms)`
 *   heading, at any size: `0.42`, `12.3`, `12,400`.
 * - `clock`: elapsed time, truncated to whole seconds: `00:12`, `05:00`, `1:02:03`.
 * - `timeout`: a configured limit, exact: `500ms`, `1.5s`, `2m` (error messages quote it).
 * - `significant`: three significant digits in the unit that fits, down to nanoseconds:
 *   `45.2ns`, `812µs`, `12.3ms`, `1.52s` (benchmarks, where calls take microseconds).
 * - `verdict`: a measured latency beside a threshold: two decimals below 10 ms, one below 1 s,
 *   then seconds with two: `3.14ms`, `312.4ms`, `1.52s`.
 *
 * `extraDigits` (for `significant` and `verdict`) adds digits beyond the usual, so a verdict can
 * print a value that does not round onto the wrong side of its limit.
 */
export type DurationStyle =
  | 'compact'
  | 'latency'
  | 'latency-cell'
  | 'clock'
  | 'timeout'
  | 'significant'
  | 'verdict';

/**
 * A duration as a user writes it: text with a unit (`'250ms'`, `'30s'`, `'1h30m'`) or a bare
 * number of seconds, everywhere volley takes one.
 */
export type DurationInput = string | number;

/** Milliseconds as people read them, in `style` (see DurationStyle). */
export function formatDuration(ms: number, style: DurationStyle = 'compact', extraDigits = 0): string {
  switch (style) {
    case 'compact':
      return compact(ms);
    case 'latency':
      return latency(ms);
    case 'latency-cell':
      return latencyCell(ms);
    case 'clock':
      return clock(ms);
    case 'timeout':
      return timeout(ms);
    case 'significant':
      return inUnitThatFits(ms, 3 + extraDigits);
    case 'verdict':
      return verdict(ms, extraDigits);
  }
}

function compact(ms: number): string {
  // Decide the unit on the rounded value, so 999.6 is `1s` (not `1000ms`) and 59_960 is `1m`.
  if (Math.round(ms) < 1000) return `${Math.round(ms)}ms`;
  const seconds = Number((ms / 1000).toFixed(1));
  if (seconds < 60) return `${seconds}s`;
  const totalSeconds = Math.round(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return `${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}${s > 0 ? `${s}s` : ''}`;
}

// Bands are chosen after rounding, so 9.996 reads `10.0ms`, never `10.00ms`.
function latencyCell(ms: number): string {
  if (!Number.isFinite(ms)) return MISSING;
  return fixedBelow(ms, 2, 10) ?? fixedBelow(ms, 1, 100) ?? formatCount(ms);
}

function latency(ms: number): string {
  if (!Number.isFinite(ms)) return MISSING;
  if (Math.abs(Math.round(ms)) < 10_000) return `${latencyCell(ms)}ms`;
  const seconds = ms / 1000;
  return `${fixedBelow(seconds, 1, 100) ?? formatCount(seconds)}s`;
}

function clock(ms: number): string {
  const total = Number.isFinite(ms) ? Math.floor(Math.max(0, ms) / 1000) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

function timeout(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000 || ms % 60_000 !== 0) return `${Number((ms / 1000).toFixed(3))}s`;
  return `${ms / 60_000}m`;
}

function inUnitThatFits(ms: number, digits: number): string {
  if (!Number.isFinite(ms)) return MISSING;
  if (ms === 0) return '0ms';
  // Decide the unit on the rounded value, so 999.96µs reads 1.00ms, never 1000µs.
  const seconds = significant(ms / 1000, digits);
  if (Math.abs(seconds) >= 1) return `${seconds}s`;
  const millis = significant(ms, digits);
  if (Math.abs(millis) >= 1) return `${millis}ms`;
  const micros = significant(ms * 1000, digits);
  if (Math.abs(micros) >= 1) return `${micros}µs`;
  return `${significant(ms * 1e6, digits)}ns`;
}

function verdict(ms: number, extraDigits: number): string {
  if (!Number.isFinite(ms)) return MISSING;
  const millis = Number(ms.toFixed((Math.abs(ms) < 10 ? 2 : 1) + extraDigits));
  if (Math.abs(millis) < 1000) return `${millis}ms`;
  return `${Number((ms / 1000).toFixed(2 + extraDigits))}s`;
}
