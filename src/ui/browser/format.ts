/**
 * The web UI's number formats, mirroring src/outputs/format.ts so a figure reads the same in the
 * live page, the terminal and the report. No DOM here: these are unit-tested in Node.
 */

export const MISSING = '\u2014';

export function isNumber(v: unknown): v is number {
  return typeof v === 'number' && isFinite(v);
}

function fixedBelow(v: number, decimals: number, limit: number): string | null {
  const text = v.toFixed(decimals);
  return Math.abs(Number(text)) < limit ? text : null;
}

export function count(v: number | null | undefined): string {
  if (!isNumber(v)) return MISSING;
  const rounded = Math.round(v);
  const grouped = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? '-' + grouped : grouped;
}

/** A latency without its unit, for cells under an "ms" heading. */
export function msValue(ms: number | null | undefined): string {
  if (!isNumber(ms)) return MISSING;
  let t = fixedBelow(ms, 2, 10);
  if (t === null) t = fixedBelow(ms, 1, 100);
  return t === null ? count(ms) : t;
}

export function msText(ms: number | null | undefined): string {
  if (!isNumber(ms)) return MISSING;
  if (Math.abs(Math.round(ms)) < 10000) return msValue(ms) + 'ms';
  const s = ms / 1000;
  const t = fixedBelow(s, 1, 100);
  return (t === null ? count(s) : t) + 's';
}

export function rate(v: number | null | undefined): string {
  if (!isNumber(v)) return MISSING;
  let t = fixedBelow(v, 2, 10);
  if (t === null) t = fixedBelow(v, 1, 100);
  return t === null ? count(v) : t;
}

/** Never rounds a non-zero share to 0% (or a partial one to 100%): "were there failures?" */
export function percent(fraction: number | null | undefined, decimals = 1): string {
  if (!isNumber(fraction)) return MISSING;
  const text = (fraction * 100).toFixed(decimals);
  const step = Math.pow(10, -decimals);
  if (fraction > 0 && Number(text) === 0) return '<' + step.toFixed(decimals) + '%';
  if (fraction > 0 && fraction < 1 && Number(text) >= 100) return '>' + (100 - step).toFixed(decimals) + '%';
  return text + '%';
}

/** 00:12, 05:00, 1:02:03 (whole seconds, truncated). */
export function clock(ms: number | null | undefined): string {
  const total = isNumber(ms) ? Math.floor(Math.max(0, ms) / 1000) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = (m < 10 ? '0' : '') + m + ':' + (s < 10 ? '0' : '') + s;
  return h > 0 ? h + ':' + mmss : mmss;
}

export function plural(n: number, singular: string, pluralWord?: string): string {
  return count(n) + ' ' + (Math.round(n) === 1 ? singular : pluralWord || singular + 's');
}
