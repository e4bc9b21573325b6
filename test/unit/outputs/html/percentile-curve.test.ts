import { describe, expect, it } from 'vitest';
import { createHistogram, encodeHistogram } from '../../../../src/metrics/histogram.js';
import {
  ninesExtent,
  ninesOf,
  percentileAt,
  percentileCurves,
} from '../../../../src/outputs/html/percentile-curve.js';

/** 1, 2, …, n µs: below 2048 µs HDR stores every value exactly, so percentiles are exact. */
function encodedRange(n: number): string {
  const histogram = createHistogram();
  for (let v = 1; v <= n; v += 1) histogram.recordValue(v);
  return encodeHistogram(histogram);
}

describe('the nines axis', () => {
  it('puts each extra nine one unit further', () => {
    expect([0, 1, 2, 3, 4].map(percentileAt)).toEqual([0, 90, 99, 99.9, 99.99]);
    expect(ninesOf(99)).toBeCloseTo(2, 12);
    expect(ninesOf(50)).toBeCloseTo(Math.log10(2), 12);
  });

  it('extends to log10(n) samples, between one and five nines', () => {
    expect(ninesExtent(1000)).toBe(3);
    expect(ninesExtent(4800)).toBe(3.681241);
    expect(ninesExtent(3)).toBe(1);
    expect(ninesExtent(10_000_000)).toBe(5);
  });
});

describe('percentileCurves', () => {
  it('samples every 1/20 of a nine up to the extent, in ms', () => {
    const { x, curves } = percentileCurves([encodedRange(1000)]);
    expect(x).toHaveLength(61);
    expect(x[0]).toBe(0);
    expect(x[20]).toBe(1);
    expect(x.at(-1)).toBe(3);
    const curve = curves[0] as number[];
    // p0 is the minimum (1 µs); p90 of 1..1000 µs is 900 µs; p99 990 µs; p99.9 999 µs.
    expect(curve[0]).toBe(0.001);
    expect(curve[20]).toBe(0.9);
    expect(curve[40]).toBe(0.99);
    expect(curve[60]).toBe(0.999);
    // p50 (x = log10 2 lies between grid points): at x = 0.3, p = 49.88% → the 499th value.
    expect(x[6]).toBe(0.3);
    expect(curve[6]).toBe(0.499);
  });

  it('shares one axis between histograms, with null past a smaller one’s extent', () => {
    const { x, curves } = percentileCurves([encodedRange(1000), encodedRange(100)]);
    expect(x).toHaveLength(61);
    const small = curves[1] as (number | null)[];
    expect(small[40]).toBe(0.099);
    expect(small[41]).toBeNull();
    expect(small.at(-1)).toBeNull();
  });

  it('gives null for an empty or unreadable histogram and no axis when none is readable', () => {
    expect(percentileCurves(['', 'not base64 at all'])).toEqual({ x: [], curves: [null, null] });
    expect(percentileCurves([encodeHistogram(createHistogram())])).toEqual({ x: [], curves: [null] });
  });
});
