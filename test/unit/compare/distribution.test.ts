import * as hdr from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import {
  decodeDistribution,
  percentileOf,
  quantileOfUniform,
  rankOfPercentile,
} from '../../../src/compare/distribution.js';
import { decodeHistogram } from '../../../src/metrics/histogram.js';
import { histogramOf, lognormalHistogram } from './fixtures.js';

describe('histogram as a distribution', () => {
  it('reports every percentile exactly as HDR does', () => {
    const encoded = lognormalHistogram({ seed: 3, count: 5000, medianMs: 20, sigma: 0.6 });
    const histogram = decodeHistogram(encoded);
    const distribution = decodeDistribution(encoded);
    expect(distribution.total).toBe(5000);
    for (const p of [0.1, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100]) {
      expect(percentileOf(distribution, p)).toBe(histogram.getValueAtPercentile(p));
    }
  });

  it('keeps distinct values ascending with cumulative counts', () => {
    const distribution = decodeDistribution(histogramOf([100, 100, 200, 300, 300, 300]));
    expect([...distribution.values]).toEqual([100, 200, 300]);
    expect([...distribution.cumulative]).toEqual([2, 3, 6]);
  });

  it('reads identical counts the same whatever their encoding', () => {
    const values = [1500, 2500, 2500, 9000, 120_000];
    const wide = hdr.build({
      bitBucketSize: 32,
      autoResize: true,
      lowestDiscernibleValue: 1,
      highestTrackableValue: 3_600_000_000,
      numberOfSignificantValueDigits: 3,
    });
    for (const value of values) wide.recordValue(value);
    const other = hdr.encodeIntoCompressedBase64(wide);
    const ours = histogramOf(values);
    expect(other).not.toBe(ours);
    const a = decodeDistribution(ours);
    const b = decodeDistribution(other);
    expect([...b.values]).toEqual([...a.values]);
    expect([...b.cumulative]).toEqual([...a.cumulative]);
  });

  it('draws by inverse CDF: each value for its share of the unit interval', () => {
    const distribution = decodeDistribution(histogramOf([100, 200, 200, 300]));
    expect(quantileOfUniform(distribution, 0)).toBe(100);
    expect(quantileOfUniform(distribution, 0.2499)).toBe(100);
    expect(quantileOfUniform(distribution, 0.2501)).toBe(200);
    expect(quantileOfUniform(distribution, 0.7499)).toBe(200);
    expect(quantileOfUniform(distribution, 0.7501)).toBe(300);
    expect(quantileOfUniform(distribution, 0.999_999)).toBe(300);
  });

  it('finds the rank HDR looks for', () => {
    expect(rankOfPercentile(50, 4)).toBe(2);
    expect(rankOfPercentile(50, 5)).toBe(3);
    expect(rankOfPercentile(99, 2000)).toBe(1980);
    expect(rankOfPercentile(0, 10)).toBe(1);
    expect(rankOfPercentile(100, 10)).toBe(10);
  });

  it('is empty for an empty histogram', () => {
    expect(decodeDistribution('').total).toBe(0);
    expect(percentileOf(decodeDistribution(''), 50)).toBeNaN();
  });
});
