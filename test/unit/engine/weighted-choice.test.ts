/**
 * WeightedChoice over a deterministic grid of draws (i / N): every cell of the grid is one
 * "uniform" draw, so the count each index gets is exactly its share of the grid, not a sample.
 */

import { describe, expect, it } from 'vitest';
import { WeightedChoice } from '../../../src/engine/weighted-choice.js';

function countPicks(weights: number[], draws: number): number[] {
  const choice = new WeightedChoice(weights);
  const counts = weights.map(() => 0);
  for (let i = 0; i < draws; i++) counts[choice.pick(i / draws)]!++;
  return counts;
}

describe('WeightedChoice', () => {
  it('splits a dyadic grid exactly in proportion to the weights', () => {
    // Total 8 and N = 1024: i/1024·8 is exact in floating point, so no draw lands by rounding.
    expect(countPicks([1, 2, 3, 0, 2], 1024)).toEqual([128, 256, 384, 0, 256]);
  });

  it('splits any grid within one draw of the exact share', () => {
    const weights = [0.5, 1.7, 3, 0, 0.8];
    const total = 6;
    const draws = 10_000;
    const counts = countPicks(weights, draws);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(draws);
    weights.forEach((weight, i) => {
      expect(Math.abs(counts[i]! - (weight / total) * draws)).toBeLessThanOrEqual(1);
    });
  });

  it('never picks a zero weight, wherever it sits', () => {
    expect(countPicks([0, 1], 1000)).toEqual([0, 1000]);
    expect(countPicks([1, 0], 1000)).toEqual([1000, 0]);
    expect(countPicks([0, 0, 3, 0, 0, 1, 0], 1000)).toEqual([0, 0, 750, 0, 0, 250, 0]);
    // The extremes of [0, 1): the smallest and the largest double below 1.
    const choice = new WeightedChoice([0, 2, 0, 5, 0]);
    expect(choice.pick(0)).toBe(1);
    expect(choice.pick(1 - Number.EPSILON / 2)).toBe(3);
  });

  it('picks the boundary draw for the next index (intervals are half-open)', () => {
    const choice = new WeightedChoice([1, 1, 2]);
    expect(choice.pick(0.25 - 1e-12)).toBe(0);
    expect(choice.pick(0.25)).toBe(1);
    expect(choice.pick(0.5)).toBe(2);
  });

  it('returns the only index of a single weight', () => {
    expect(countPicks([7], 100)).toEqual([100]);
  });

  it.each([
    ['no weights', []],
    ['a negative weight', [1, -1]],
    ['NaN', [1, Number.NaN]],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['only zeros', [0, 0, 0]],
  ])('rejects %s with a RangeError', (_label, weights) => {
    expect(() => new WeightedChoice(weights)).toThrow(RangeError);
  });
});
