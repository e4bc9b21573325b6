/**
 * Counts as people read them, and the pieces every unit's formatter shares: the mark for a value
 * that is not a number, and fixed decimals that give way to a coarser form once rounding would
 * reach the next band (so 9.996 reads `10.0`, never `10.00`).
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
export function fixedBelow(value: number, decimals: number, limit: number): string | undefined {
  const text = value.toFixed(decimals);
  return Math.abs(Number(text)) < limit ? text : undefined;
}

/** `value` rounded to `digits` significant digits (0 stays 0). */
export function significant(value: number, digits: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}
