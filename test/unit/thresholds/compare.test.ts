/**
 * The comparison behind every verdict: each operator on both sides of the boundary, float noise
 * absorbed, real differences kept, even between large counts.
 */

import { describe, expect, it } from 'vitest';
import { compare } from '../../../src/thresholds/compare.js';
import type { ComparisonOperator } from '../../../src/thresholds/index.js';

describe('compare', () => {
  it.each<[number, ComparisonOperator, number, boolean]>([
    [1, '<', 2, true],
    [2, '<', 2, false],
    [3, '<', 2, false],
    [1, '<=', 2, true],
    [2, '<=', 2, true],
    [3, '<=', 2, false],
    [1, '>', 2, false],
    [2, '>', 2, false],
    [3, '>', 2, true],
    [1, '>=', 2, false],
    [2, '>=', 2, true],
    [3, '>=', 2, true],
    [2, '==', 2, true],
    [2.5, '==', 2, false],
    [0, '==', 0, true],
  ])('%s %s %s is %s', (actual, op, value, expected) => {
    expect(compare(actual, op, value)).toBe(expected);
  });

  it('absorbs float noise', () => {
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(compare(0.1 + 0.2, '==', 0.3)).toBe(true);
    expect(compare(0.1 + 0.2, '<=', 0.3)).toBe(true);
    expect(compare(0.1 + 0.2, '>', 0.3)).toBe(false);
    // 99.9 / 100 is 0.9990000000000001.
    expect(compare(0.999, '>=', 99.9 / 100)).toBe(true);
    expect(compare(0.999, '<', 99.9 / 100)).toBe(false);
    // 4.35 * 1000 is 4349.999999999999.
    expect(compare(4350, '<=', 4.35 * 1000)).toBe(true);
  });

  it('keeps differences that are real', () => {
    expect(compare(1_000_000_001, '>', 1_000_000_000)).toBe(true);
    expect(compare(1_000_000_000, '==', 1_000_000_001)).toBe(false);
    expect(compare(0.98996, '>=', 0.99)).toBe(false);
    expect(compare(0.000001, '>', 0)).toBe(true);
  });
});
