/**
 * The seeded PRNG: reproducible per seed, distinct across seeds, in [0, 1), roughly uniform.
 */

import { describe, expect, it } from 'vitest';
import { Random } from '../../../src/core/random.js';

function draws(seed: number, n: number): number[] {
  const random = new Random(seed);
  return Array.from({ length: n }, () => random.next());
}

describe('Random', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draws(42, 1000)).toEqual(draws(42, 1000));
    expect(draws(0, 10)).toEqual(draws(0, 10));
  });

  it('gives different sequences for different seeds', () => {
    const seeds = [0, 1, 2, 3, 42, 0x9e3779b1, 2 ** 31];
    const firsts = seeds.map((seed) => draws(seed, 8).join(','));
    expect(new Set(firsts).size).toBe(seeds.length);
    // Neighbouring seeds share no draw at the same position.
    const a = draws(1, 1000);
    const b = draws(2, 1000);
    expect(a.filter((x, i) => x === b[i])).toEqual([]);
  });

  it('stays in [0, 1), with a mean within 0.01 of 0.5 and every tenth of the range used evenly', () => {
    const n = 100_000;
    const values = draws(7, n);
    let sum = 0;
    let outside = 0;
    const deciles = new Array<number>(10).fill(0);
    for (const x of values) {
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
      deciles[Math.floor(x * 10)]!++;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.01);
    // Each decile expects 10 000 draws (sd ≈ 95); 5% slack is over 5 standard deviations.
    for (const count of deciles) expect(Math.abs(count - n / 10)).toBeLessThan(500);
  });

  it('between(min, max) maps next() onto the range', () => {
    const random = new Random(9);
    const twin = new Random(9);
    for (let i = 0; i < 1000; i++) {
      const value = random.between(1000, 3000);
      expect(value).toBe(1000 + 2000 * twin.next());
      expect(value >= 1000 && value <= 3000).toBe(true);
    }
  });
});
