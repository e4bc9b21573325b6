import { describe, expect, it } from 'vitest';
import { meanMarginOfError, summarizeValues, welchInterval, welchPValue } from '../../../src/compare/welch.js';

/** t(0.975) with 18 degrees of freedom (scipy.stats.t.ppf(0.975, 18)). */
const T_975_DF18 = 2.10092204024096;
/** t(0.975) with 9 degrees of freedom (scipy.stats.t.ppf(0.975, 9)). */
const T_975_DF9 = 2.2621571627409915;

describe("Welch's t-test", () => {
  it('gives p = 0.05 at the 97.5% t quantile', () => {
    // Equal n and sd: df = 18 exactly, and t = difference / sqrt(2 sd² / n).
    const difference = T_975_DF18 * Math.sqrt((2 * 4) / 10);
    const p = welchPValue({ n: 10, mean: 0, sd: 2 }, { n: 10, mean: difference, sd: 2 });
    expect(p).toBeCloseTo(0.05, 6);
  });

  it('is 1 for equal means and 0 for different means with no spread', () => {
    expect(welchPValue({ n: 5, mean: 3, sd: 1 }, { n: 5, mean: 3, sd: 1 })).toBe(1);
    expect(welchPValue({ n: 5, mean: 3, sd: 0 }, { n: 5, mean: 4, sd: 0 })).toBe(0);
  });
});

describe("Welch's interval", () => {
  it('is as wide as the t quantile times the standard error of the difference', () => {
    const interval = welchInterval({ n: 10, mean: 0, sd: 2 }, { n: 10, mean: 1, sd: 2 }, 0.95);
    const half = T_975_DF18 * Math.sqrt((2 * 4) / 10);
    expect(interval.difference).toBe(1);
    expect(interval.low).toBeCloseTo(1 - half, 9);
    expect(interval.high).toBeCloseTo(1 + half, 9);
  });

  it('has no width when neither sample varies', () => {
    expect(welchInterval({ n: 3, mean: 5, sd: 0 }, { n: 3, mean: 7, sd: 0 }, 0.95)).toEqual({
      difference: 2,
      low: 2,
      high: 2,
    });
  });
});

describe('one sample', () => {
  it('summarizes values with the sample standard deviation', () => {
    const summary = summarizeValues([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(summary.n).toBe(8);
    expect(summary.mean).toBe(5);
    expect(summary.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it("gives the margin of error of a mean with Student's t", () => {
    expect(meanMarginOfError({ n: 10, mean: 3, sd: 2 }, 0.95)).toBeCloseTo((T_975_DF9 * 2) / Math.sqrt(10), 9);
    expect(meanMarginOfError({ n: 1, mean: 3, sd: 0 }, 0.95)).toBe(0);
  });
});
