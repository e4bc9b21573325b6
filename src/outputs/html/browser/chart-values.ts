/**
 * How the report's charts print values: legend figures to about three significant digits (as the
 * tables print them) and the percentile axis's positions. No DOM: unit-tested in Node.
 */

/** About three significant digits, as the tables print them. */
export function chartNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || !isFinite(v)) return '\u2014';
  const a = Math.abs(v);
  if (a >= 100) return Math.round(v).toLocaleString('en-US');
  if (a >= 10) return v.toFixed(1);
  if (a >= 1 || a === 0) return v.toFixed(2);
  return String(Number(v.toPrecision(2)));
}

/** The percentile at position x of the nines axis: 0 -> 0%, 1 -> 90%, 3 -> 99.9%. */
export function percentile(x: number, detailed: boolean): string {
  const p = 100 * (1 - Math.pow(10, -x));
  const decimals = detailed ? Math.max(0, Math.ceil(x - 1e-9) - 1) : Math.max(0, Math.round(x) - 2);
  return p.toFixed(decimals) + '%';
}

/** Grid lines at powers of ten only: a log axis with every 2..9 line is a blur. */
export function decades(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); Math.pow(10, e) <= max * 1.0001; e += 1) {
    const v = Number(Math.pow(10, e).toPrecision(1));
    if (v >= min * 0.9999) out.push(v);
  }
  return out;
}
