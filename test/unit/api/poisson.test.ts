/**
 * `poisson(rate)`: exponential waits drawn from the user's seeded random source. Each draw is
 * checked against a twin generator, and the distribution's shape against the exponential's
 * known moments (mean 1/rate, coefficient of variation 1, P(X < mean) = 1 − 1/e).
 */

import { describe, expect, it } from 'vitest';
import { poisson } from '../../../src/api/poisson.js';
import { between } from '../../../src/api/wait-time.js';
import { Random } from '../../../src/core/random.js';

const DRAWS = 100_000;

function moments(draws: (i: number) => number): { mean: number; cv: number; belowMean: number } {
  const values = Array.from({ length: DRAWS }, (_, i) => draws(i));
  const mean = values.reduce((sum, v) => sum + v, 0) / DRAWS;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (DRAWS - 1);
  const belowMean = values.filter((v) => v < mean).length / DRAWS;
  return { mean, cv: Math.sqrt(variance) / mean, belowMean };
}

describe('poisson', () => {
  it('draws -ln(1 − U) / rate seconds from the user’s random source', () => {
    const wait = poisson(4);
    const random = new Random(9);
    const twin = new Random(9);
    for (let i = 0; i < 1000; i++) {
      expect(wait.next(i, random)).toBe(-Math.log(1 - twin.next()) * 250);
    }
    expect(wait.description).toBe('poisson(4/s)');
  });

  it.each([0.5, 2, 50])('has mean 1/rate within 2%% over 100k draws, and CV ≈ 1 (rate %s/s)', (rate) => {
    const wait = poisson(rate);
    const random = new Random(rate * 1000);
    const { mean, cv, belowMean } = moments(() => wait.next(0, random));
    const expectedMs = 1000 / rate;
    expect(Math.abs(mean - expectedMs) / expectedMs).toBeLessThan(0.02);
    expect(Math.abs(cv - 1)).toBeLessThan(0.02);
    expect(Math.abs(belowMean - (1 - Math.exp(-1)))).toBeLessThan(0.01);
  });

  it('is told apart from a uniform wait of the same mean (CV 1/√3)', () => {
    const uniform = between(0, 1);
    const random = new Random(3);
    const { mean, cv } = moments(() => uniform.next(0, random));
    expect(Math.abs(mean - 500) / 500).toBeLessThan(0.02);
    expect(Math.abs(cv - 1)).toBeGreaterThan(0.4);
  });

  it('never waits a negative or infinite time, whatever the task took', () => {
    const wait = poisson(1);
    const random = new Random(1);
    for (let i = 0; i < 10_000; i++) {
      const ms = wait.next(5_000, random);
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(ms)).toBe(true);
    }
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, '2' as unknown as number])(
    'rejects the rate %s with a RangeError',
    (rate) => {
      expect(() => poisson(rate)).toThrow(RangeError);
    },
  );
});
