/**
 * Memory sizes as people write them in thresholds: `500MB`, `50 MB`, `1.5GB`, `512kB`, and the
 * binary forms `256MiB`, `1GiB`. Decimal units are powers of 1000 (as `formatBytes` prints
 * them), binary ones powers of 1024. A unit is required: a bare `50` could mean bytes or
 * megabytes, and guessing wrong would make a leak threshold meaningless.
 */

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
