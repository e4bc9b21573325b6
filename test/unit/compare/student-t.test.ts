import { describe, expect, it } from 'vitest';
import { incompleteBeta, studentTCdf, studentTQuantile } from '../../../src/compare/student-t.js';
import { blockInterval } from '../../../src/compare/time-blocks.js';

describe("Student's t", () => {
  it.each([
    [1, 12.706205],
    [2, 4.302653],
    [3, 3.182446],
    [10, 2.228139],
    [30, 2.042272],
    [1000, 1.962339],
  ])('t(0.975, %d) = %d', (df, t) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 5);
  });

  it('has the closed-form CDF of 2 degrees of freedom', () => {
    for (const t of [-3, -0.5, 0, 0.7, 2, 10]) {
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 12);
    }
  });

  it('computes the incomplete beta function exactly where it is known', () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.3, 2, 1)).toBeCloseTo(0.09, 12);
    expect(incompleteBeta(0.25, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(0.5), 12);
  });
});

describe('per-second (batch means) interval', () => {
  it("is Welch's interval", () => {
    const interval = blockInterval([20, 22, 24], [25, 26, 27], 0.95);
    // means 22 and 26; variances 4 and 1; se² = 4/3 + 1/3; df = (5/3)² / ((4/3)²/2 + (1/3)²/2)
    const df = (5 / 3) ** 2 / ((4 / 3) ** 2 / 2 + (1 / 3) ** 2 / 2);
    const half = studentTQuantile(0.975, df) * Math.sqrt(5 / 3);
    expect(interval?.difference).toBe(4);
    expect(interval?.low).toBeCloseTo(4 - half, 12);
    expect(interval?.high).toBeCloseTo(4 + half, 12);
    expect(interval?.blocks).toEqual([3, 3]);
    expect(interval?.low).toBeLessThan(0);
  });

  it('needs three seconds a side', () => {
    expect(blockInterval([1, 2], [1, 2, 3], 0.95)).toBeNull();
  });

  it('collapses to the difference when every second agrees', () => {
    expect(blockInterval([5, 5, 5], [7, 7, 7], 0.95)).toEqual({
      difference: 2,
      low: 2,
      high: 2,
      blocks: [3, 3],
    });
  });
});
