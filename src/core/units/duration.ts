/**
 * Durations as people write them: `30s`, `5m`, `1h30m`, `250ms`, `1.5s`, or a bare number of
 * seconds (Locust's `-t 60` convention). Parsed to milliseconds.
 */

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

/** Formats milliseconds compactly for people: `950ms`, `12.5s`, `5m`, `1h30m`. */
export function formatDuration(ms: number): string {
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
