import { describe, expect, it } from 'vitest';
import { axisClock, tick } from '../../../../src/outputs/browser/axis-clock.js';
import { chartNumber, decades, percentile } from '../../../../src/outputs/html/browser/chart-values.js';

describe('chart labels (browser code, no DOM)', () => {
  it('labels time axes as a clock', () => {
    expect(axisClock(5)).toBe('0:05');
    expect(axisClock(90)).toBe('1:30');
    expect(axisClock(3723)).toBe('1:02:03');
    expect(axisClock(-3)).toBe('0:00');
  });

  it('labels ticks to three significant digits, grouping thousands', () => {
    expect(tick(0.123456)).toBe('0.123');
    expect(tick(12_345.6)).toBe('12,346');
    expect(tick(null)).toBe('');
  });

  it('prints legend values as the report tables do', () => {
    expect(chartNumber(1234.5)).toBe('1,235');
    expect(chartNumber(12.34)).toBe('12.3');
    expect(chartNumber(0)).toBe('0.00');
    expect(chartNumber(0.01234)).toBe('0.012');
    expect(chartNumber(null)).toBe('\u2014');
  });

  it('reads the nines axis as percentiles', () => {
    expect(percentile(0, false)).toBe('0%');
    expect(percentile(1, false)).toBe('90%');
    expect(percentile(3, false)).toBe('99.9%');
    expect(percentile(2.5, true)).toBe('99.68%');
  });

  it('puts log-axis grid lines at powers of ten only', () => {
    expect(decades(0.5, 1500)).toEqual([1, 10, 100, 1000]);
    expect(decades(1, 1)).toEqual([1]);
  });
});
