import { describe, expect, it } from 'vitest';
import { createRandom, seedFor } from '../../../src/compare/random.js';

function moments(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

describe('seeded random source', () => {
  it('repeats its stream for a seed and differs between seeds', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
    for (const value of first) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('derives independent row seeds from text', () => {
    expect(seedFor('GET /a', 1)).toBe(seedFor('GET /a', 1));
    expect(seedFor('GET /a', 1)).not.toBe(seedFor('GET /b', 1));
    expect(seedFor('GET /a', 1)).not.toBe(seedFor('GET /a', 2));
  });

  it('draws standard normals', () => {
    const random = createRandom(7);
    const { mean, variance } = moments(Array.from({ length: 40_000 }, () => random.normal()));
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
  });

  it.each([
    [0.5, 1],
    [1, 1],
    [3, 997],
    [990, 11],
  ])('draws Beta(%d, %d) with the right mean and variance', (a, b) => {
    const random = createRandom(11);
    const draws = Array.from({ length: 40_000 }, () => random.beta(a, b));
    const { mean, variance } = moments(draws);
    const expectedMean = a / (a + b);
    const expectedVariance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(mean - expectedMean)).toBeLessThan(4 * Math.sqrt(expectedVariance / draws.length));
    expect(Math.abs(variance / expectedVariance - 1)).toBeLessThan(0.05);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThanOrEqual(1);
  });
});
