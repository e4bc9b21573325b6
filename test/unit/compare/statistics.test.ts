import { describe, expect, it } from 'vitest';
import { decodeDistribution } from '../../../src/compare/distribution.js';
import { mannWhitney } from '../../../src/compare/mann-whitney.js';
import { twoSidedP } from '../../../src/compare/normal.js';
import { twoProportionTest } from '../../../src/compare/proportion.js';
import { histogramOf } from './fixtures.js';

describe('normal tail', () => {
  it.each([
    [0, 1],
    [1, 0.31731051],
    [1.959964, 0.05],
    [2.575829, 0.01],
    [3.290527, 0.001],
    [5, 5.7330314e-7],
  ])('P(|Z| >= %d) = %d', (z, p) => {
    expect(Math.abs(twoSidedP(z) - p) / p).toBeLessThan(1e-5);
    expect(twoSidedP(-z)).toBe(twoSidedP(z));
  });
});

describe('two-proportion z-test', () => {
  it('computes z from the pooled standard error', () => {
    const test = twoProportionTest(5, 100, 15, 100);
    const pooled = 20 / 200;
    expect(test.z).toBeCloseTo(0.1 / Math.sqrt(pooled * (1 - pooled) * (2 / 100)), 12);
    expect(test.difference).toBeCloseTo(0.1, 12);
  });

  it('cannot tell anything from equal extreme rates or empty runs', () => {
    expect(twoProportionTest(0, 100, 0, 500).pValue).toBe(1);
    expect(twoProportionTest(100, 100, 50, 50).pValue).toBe(1);
    expect(twoProportionTest(0, 0, 5, 10).pValue).toBe(1);
  });
});

describe('Mann–Whitney from bucket counts', () => {
  it('counts ties as half, exactly', () => {
    // current 2000 beats 1000, ties 2000, loses to 3000: 1.5; 4000 beats all three: 3 → 4.5 / 6.
    const shift = mannWhitney(
      decodeDistribution(histogramOf([1000, 2000, 3000])),
      decodeDistribution(histogramOf([2000, 4000])),
    );
    expect(shift?.probabilitySlower).toBe(0.75);
  });

  it('matches the normal approximation with tie correction', () => {
    const a = [1000, 1000, 2000, 3000, 3000, 3000];
    const b = [2000, 3000, 4000, 4000];
    const shift = mannWhitney(decodeDistribution(histogramOf(a)), decodeDistribution(histogramOf(b)));
    let u = 0;
    for (const y of b) for (const x of a) u += y > x ? 1 : y === x ? 0.5 : 0;
    // ties: 1000×2, 2000×2, 3000×4, 4000×2 → Σ(t³ − t) = 6 + 6 + 60 + 6
    const variance = ((6 * 4) / 12) * (11 - 78 / (10 * 9));
    expect(shift?.probabilitySlower).toBe(u / 24);
    expect(shift?.z).toBeCloseTo((u - 12) / Math.sqrt(variance), 12);
  });

  it('has no answer for an empty run', () => {
    expect(mannWhitney(decodeDistribution(''), decodeDistribution(histogramOf([1])))).toBeNull();
  });
});
