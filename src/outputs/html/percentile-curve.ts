/**
 * Latency by percentile, on a "nines" axis, computed in Node from a Result's HDR histogram so the
 * browser never decodes one. The axis position of percentile p is
 *
 *   x = -log10(1 - p/100)        0% → 0   90% → 1   99% → 2   99.9% → 3   99.99% → 4
 *
 * which gives each extra nine the same width: the tail, where load tests find their problems,
 * is as wide as the body instead of a sliver at the right edge. A histogram of n samples can
 * resolve percentiles up to about 1 - 1/n, so the curve stops at x = log10(n) (at most 5).
 */

import { decodeUsableHistogram } from '../../metrics/histogram.js';

/** Points per unit of x (one "nine"). */
const STEPS_PER_NINE = 20;
const MAX_NINES = 5;

/** The percentile (0–100) at axis position x, rounded so that x = 3 gives exactly 99.9. */
export function percentileAt(x: number): number {
  return Number((100 * (1 - 10 ** -x)).toFixed(9));
}

/** Where a percentile (0 ≤ p < 100) sits on the nines axis. */
export function ninesOf(percentile: number): number {
  return -Math.log10(1 - percentile / 100);
}

/** The axis extent for n samples: log10(n) within [1, MAX_NINES], to 6 decimals. */
export function ninesExtent(count: number): number {
  return Number(Math.min(MAX_NINES, Math.max(1, Math.log10(Math.max(1, count)))).toFixed(6));
}

/** Positions every 1/STEPS_PER_NINE up to `extent`, and `extent` itself. */
function positionsTo(extent: number): number[] {
  const positions: number[] = [];
  for (let i = 0; i / STEPS_PER_NINE < extent; i += 1) positions.push(i / STEPS_PER_NINE);
  positions.push(extent);
  return positions;
}

export interface PercentileCurves {
  /** Axis positions shared by every curve (see the module comment), ascending. */
  x: number[];
  /**
   * One entry per input: latency in ms at each position, null past that histogram's own
   * extent; or null for an empty or unreadable histogram.
   */
  curves: ((number | null)[] | null)[];
}

/** The curves of several encoded histograms (µs) on one shared axis. */
export function percentileCurves(encoded: readonly string[]): PercentileCurves {
  const histograms = encoded.map(decodeUsableHistogram);
  const extents = histograms.map((h) => (h === null ? 0 : ninesExtent(h.totalCount)));
  const widest = Math.max(0, ...extents);
  const x = widest === 0 ? [] : [...new Set([...positionsTo(widest), ...extents.filter((e) => e > 0)])];
  x.sort((a, b) => a - b);
  const curves = histograms.map((histogram, i) => {
    if (histogram === null) return null;
    const extent = extents[i] as number;
    return x.map((at) => (at <= extent ? histogram.getValueAtPercentile(percentileAt(at)) / 1000 : null));
  });
  return { x, curves };
}
