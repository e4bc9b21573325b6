/**
 * Sizes in bytes, the one place they are parsed and formatted. People write them in thresholds
 * and options as `500MB`, `50 MB`, `1.5GB`, `512kB`, and the binary forms `256MiB`, `1GiB`.
 * Decimal units are powers of 1000 (as `formatBytes` prints them, the way network and disk
 * figures are usually quoted), binary ones powers of 1024. A unit is required when parsing: a
 * bare `50` could mean bytes or megabytes, and guessing wrong would make a leak threshold
 * meaningless.
 */

import { MISSING, significant } from './count.js';

const DECIMAL: Record<string, number> = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12 };
const BINARY: Record<string, number> = { kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40 };
const SIZE = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i;

/** Bytes, or undefined when the text is not a size with a unit. */
export function tryParseBytes(text: string): number | undefined {
  const match = SIZE.exec(text.trim());
  if (match === null) return undefined;
  const unit = (match[2] as string).toLowerCase();
  const factor = DECIMAL[unit] ?? BINARY[unit];
  return factor === undefined ? undefined : Number(match[1]) * factor;
}

/**
 * - `fixed` (the default): one decimal in the unit that fits: `512 B`, `1.2 kB`, `12.3 MB`.
 * - `significant`: three significant digits in the unit that fits: `45.2 MB`, `812 kB`
 *   (benchmark figures).
 * - `megabytes`: always megabytes, one decimal, no space: `45.2MB`, `0.3MB` (memory beside a
 *   threshold written in MB).
 *
 * `extraDigits` (for `significant` and `megabytes`) adds digits beyond the usual, so a verdict
 * can print a value that does not round onto the wrong side of its limit.
 */
export type ByteStyle = 'fixed' | 'significant' | 'megabytes';

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;
const SIGNIFICANT_UNITS: readonly [string, number][] = [
  ['TB', 1e12],
  ['GB', 1e9],
  ['MB', 1e6],
  ['kB', 1e3],
];

/** Bytes in decimal (SI) units, in `style` (see ByteStyle); not a finite number reads `—`. */
export function formatBytes(bytes: number, style: ByteStyle = 'fixed', extraDigits = 0): string {
  if (!Number.isFinite(bytes)) return MISSING;
  switch (style) {
    case 'fixed':
      return oneDecimal(bytes);
    case 'significant':
      return withSignificantDigits(bytes, 3 + extraDigits);
    case 'megabytes':
      return `${Number((bytes / 1e6).toFixed(1 + extraDigits))}MB`;
  }
}

function oneDecimal(bytes: number): string {
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

function withSignificantDigits(bytes: number, digits: number): string {
  for (const [unit, factor] of SIGNIFICANT_UNITS) {
    const shown = significant(bytes / factor, digits);
    if (Math.abs(shown) >= 1) return `${shown} ${unit}`;
  }
  return `${Math.round(bytes)} B`;
}
