/**
 * The seeded PRNG as a plain function (the demo's jitter and failures draw from it): the same
 * stream as `Random`, reproducible per seed.
 */

import { describe, expect, it } from 'vitest';
import { Random, seededRandom } from '../../../src/core/random.js';

describe('seededRandom', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const c = seededRandom(2);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
  });

  it('draws the same stream as Random with the same seed', () => {
    const r = seededRandom(0);
    const twin = new Random(0);
    for (let i = 0; i < 100; i++) expect(r()).toBe(twin.next());
  });

  it('stays within [0, 1) with a mean near 1/2', () => {
    const r = seededRandom(99);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = r();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.02);
  });
});
