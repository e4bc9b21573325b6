/**
 * How the charts' time axes are labelled, in the HTML report and in the web UI alike: seconds
 * since the start as 0:05, 1:30, 1:02:03 (rounded to the second). No DOM: unit-tested in Node.
 */

export function axisClock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const mmss = (h > 0 && m < 10 ? '0' : '') + m + ':' + (r < 10 ? '0' : '') + r;
  return h > 0 ? h + ':' + mmss : mmss;
}

/** An axis tick: about three significant digits, grouped thousands from 1,000 up. */
export function tick(v: number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  return String(Number(v.toPrecision(3)));
}
