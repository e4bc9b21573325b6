/**
 * Number formatting shared by every reporter, so the terminal, Markdown and HTML agree on how a
 * value reads. The rules keep about three significant digits where precision matters (small
 * latencies) and drop noise where it does not (counts, large latencies):
 *
 *   latency   < 10 ms: 2 decimals   0.42ms  3.14ms
 *             < 100 ms: 1 decimal   12.3ms
 *             < 10 s: integer ms    1,234ms
 *             ≥ 10 s: seconds       12.3s, then 125s
 *   rate      < 10: 2 decimals, < 100: 1 decimal, else integer with separators
 *   percent   fixed decimals, but never rounded to 0% or 100% when it is not exactly that
 *   bytes     decimal units with 1 decimal: 512 B, 1.2 kB, 12.3 MB
 *
 * Bands are chosen after rounding, so 9.996 reads `10.0ms`, never `10.00ms`. A value that is not
 * a finite number reads `—`.
 */

export const MISSING = '—';

/** Rounds to an integer and groups thousands with commas: `1,234,567`. Locale-independent. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return MISSING;
  const rounded = Math.round(value);
  const grouped = Math.abs(rounded)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${grouped}` : grouped;
}

/** `1 request`, `1,234 requests`. */
export function formatCountOf(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(value)} ${Math.round(value) === 1 ? singular : plural}`;
}

/** Fixed decimals below `limit` (as long as rounding stays below it), else undefined. */
function fixedBelow(value: number, decimals: number, limit: number): string | undefined {
  const text = value.toFixed(decimals);
  return Math.abs(Number(text)) < limit ? text : undefined;
}

/** A latency in milliseconds without its unit, for table cells under a `(ms)` heading. */
export function formatMsValue(ms: number): string {
  if (!Number.isFinite(ms)) return MISSING;
  return fixedBelow(ms, 2, 10) ?? fixedBelow(ms, 1, 100) ?? formatCount(ms);
}

/** A latency or short duration with its unit: `0.42ms`, `12.3ms`, `1,234ms`, `12.3s`, `125s`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return MISSING;
  if (Math.abs(Math.round(ms)) < 10_000) return `${formatMsValue(ms)}ms`;
  const seconds = ms / 1000;
  return `${fixedBelow(seconds, 1, 100) ?? formatCount(seconds)}s`;
}

/** An events-per-second figure without its unit: `0.50`, `42.5`, `2,391`. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return MISSING;
  return fixedBelow(perSecond, 2, 10) ?? fixedBelow(perSecond, 1, 100) ?? formatCount(perSecond);
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

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

/** Decimal (SI) units, as network and disk figures are usually quoted: `1.2 MB` = 1,200,000 B. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return MISSING;
  // Promote while the value, as it would be printed, reaches 1000: 999.96 kB reads 1.0 MB.
  const shown = (value: number, unit: number): number =>
    unit === 0 ? Math.round(value) : Number(value.toFixed(1));
  let value = bytes;
  let unit = 0;
  while (unit < BYTE_UNITS.length - 1 && Math.abs(shown(value, unit)) >= 1000) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** Elapsed time as a clock: `00:12`, `05:00`, `1:02:03`. Truncates to whole seconds. */
export function formatClock(ms: number): string {
  const total = Number.isFinite(ms) ? Math.floor(Math.max(0, ms) / 1000) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}
