import { describe, expect, it } from 'vitest';
import { bootstrapPercentileDifferences, sortedQuantile } from '../../../src/compare/bootstrap.js';
import {
  type Distribution,
  decodeDistribution,
  quantileOfUniform,
  rankOfPercentile,
} from '../../../src/compare/distribution.js';
import { createRandom } from '../../../src/compare/random.js';
import { lognormalHistogram } from './fixtures.js';

/** The textbook bootstrap the shortcut replaces: draw m values, sort, take the k-th. */
function bruteForce(a: Distribution, b: Distribution, percentile: number, m: number, resamples: number) {
  const random = createRandom(99);
  const draw = (d: Distribution): number => {
    const sample = Float64Array.from({ length: m }, () => quantileOfUniform(d, random.next())).sort();
    return sample[rankOfPercentile(percentile, m) - 1] as number;
  };
  const differences = Float64Array.from({ length: resamples }, () => draw(b) - draw(a)).sort();
  return { low: sortedQuantile(differences, 0.025), high: sortedQuantile(differences, 0.975) };
}

describe('bootstrap interval of a percentile difference', () => {
  const a = decodeDistribution(lognormalHistogram({ seed: 1, count: 800, medianMs: 20 }));
  const b = decodeDistribution(lognormalHistogram({ seed: 2, count: 800, medianMs: 22 }));

  it.each([50, 95])('matches brute-force resampling (p%d)', (percentile) => {
    const [fast] = bootstrapPercentileDifferences(a, b, [percentile], {
      resamples: 2000,
      confidence: 0.95,
      sampleCap: 800,
      random: createRandom(5),
    });
    const slow = bruteForce(a, b, percentile, 800, 2000);
    const width = slow.high - slow.low;
    // Two Monte-Carlo estimates of the same interval: equal up to resampling noise.
    expect(Math.abs((fast?.low ?? 0) - slow.low)).toBeLessThan(0.06 * width);
    expect(Math.abs((fast?.high ?? 0) - slow.high)).toBeLessThan(0.06 * width);
  });

  it('reports the full-data percentiles and their difference', () => {
    const [p50] = bootstrapPercentileDifferences(a, b, [50], {
      resamples: 200,
      confidence: 0.95,
      sampleCap: 2000,
      random: createRandom(1),
    });
    expect(p50?.baseline).toBeGreaterThan(18_000);
    expect(p50?.difference).toBe((p50?.current ?? 0) - (p50?.baseline ?? 0));
    expect(p50?.samples).toEqual([800, 800]);
    expect(p50?.low).toBeLessThan(p50?.difference ?? 0);
    expect(p50?.high).toBeGreaterThan(p50?.difference ?? 0);
  });

  it('widens the interval when the sample cap is lower (less power, fewer false alarms)', () => {
    const big1 = decodeDistribution(lognormalHistogram({ seed: 3, count: 20_000, medianMs: 20 }));
    const big2 = decodeDistribution(lognormalHistogram({ seed: 4, count: 20_000, medianMs: 20 }));
    const width = (cap: number): number => {
      const [d] = bootstrapPercentileDifferences(big1, big2, [50], {
        resamples: 1000,
        confidence: 0.95,
        sampleCap: cap,
        random: createRandom(8),
      });
      return (d?.high ?? 0) - (d?.low ?? 0);
    };
    // Width scales as 1/√m: capping 20,000 at 2,000 widens it about √10 ≈ 3.2 times.
    const ratio = width(2000) / width(20_000);
    expect(ratio).toBeGreaterThan(2.5);
    expect(ratio).toBeLessThan(4);
  });

  it('interpolates sorted quantiles (type 7)', () => {
    const sorted = Float64Array.from([10, 20, 30, 40, 50]);
    expect(sortedQuantile(sorted, 0)).toBe(10);
    expect(sortedQuantile(sorted, 0.5)).toBe(30);
    expect(sortedQuantile(sorted, 0.1)).toBe(14);
    expect(sortedQuantile(sorted, 1)).toBe(50);
  });
});
