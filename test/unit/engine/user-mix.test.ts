/**
 * The user-class mix: fixed counts first, then weights by largest remainder, and a striped
 * sequence so any prefix of the spawn order holds every class in proportion. Expected counts
 * are worked out by hand in the comments.
 */

import { describe, expect, it } from 'vitest';
import { classCounts, classSequence, type MixEntry } from '../../../src/engine/user-mix.js';

describe('classCounts', () => {
  it('shares by weight', () => {
    expect(classCounts([{ weight: 3 }, { weight: 1 }], 4)).toEqual([3, 1]);
    expect(classCounts([{ weight: 3 }, { weight: 1 }], 100)).toEqual([75, 25]);
  });

  it('hands out the remainder largest fraction first', () => {
    // 7 over weights 1:2:7 → exact 0.7, 1.4, 4.9; floors 0, 1, 4 (5 given); fractions .9 then .7 win.
    expect(classCounts([{ weight: 1 }, { weight: 2 }, { weight: 7 }], 7)).toEqual([1, 1, 5]);
    // 7 over 5:3:2 → 3.5, 2.1, 1.4; floors 3, 2, 1; the one left goes to .5.
    expect(classCounts([{ weight: 5 }, { weight: 3 }, { weight: 2 }], 7)).toEqual([4, 2, 1]);
  });

  it('breaks equal remainders in declaration order', () => {
    // 10 over thirds → 3.33 each; the one left goes to the first class.
    expect(classCounts([{ weight: 1 }, { weight: 1 }, { weight: 1 }], 10)).toEqual([4, 3, 3]);
    // 10 over 3:1 → 7.5, 2.5; tie on .5 → first class.
    expect(classCounts([{ weight: 3 }, { weight: 1 }], 10)).toEqual([8, 2]);
  });

  it('takes fixed counts first, then shares the rest by weight', () => {
    // 2 fixed, 8 left over weights 1:3 → 2, 6. The fixed class's own weight does not count.
    expect(classCounts([{ weight: 100, fixedCount: 2 }, { weight: 1 }, { weight: 3 }], 10)).toEqual([
      2, 2, 6,
    ]);
  });

  it('caps fixed counts at the total, in declaration order', () => {
    expect(classCounts([{ weight: 1, fixedCount: 5 }, { weight: 1 }], 3)).toEqual([3, 0]);
    expect(
      classCounts([{ weight: 1, fixedCount: 2 }, { weight: 1, fixedCount: 5 }, { weight: 1 }], 4),
    ).toEqual([2, 2, 0]);
  });

  it('gives nothing to a zero weight', () => {
    expect(classCounts([{ weight: 0 }, { weight: 2 }], 5)).toEqual([0, 5]);
  });

  it('sums to the total for every total 0..300 over several mixes', () => {
    const mixes: MixEntry[][] = [
      [{ weight: 1 }],
      [{ weight: 1 }, { weight: 1 }, { weight: 1 }],
      [{ weight: 0.3 }, { weight: 1.7 }, { weight: 5 }],
      [{ weight: 2, fixedCount: 3 }, { weight: 1 }, { weight: 7 }],
      [{ weight: 1, fixedCount: 1 }, { weight: 0 }, { weight: 4 }],
    ];
    for (const mix of mixes) {
      for (let total = 0; total <= 300; total++) {
        const counts = classCounts(mix, total);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(counts.every((c) => Number.isInteger(c) && c >= 0)).toBe(true);
      }
    }
  });
});

describe('classSequence', () => {
  it('holds each class as many times as classCounts says', () => {
    const mix = [{ weight: 1, fixedCount: 2 }, { weight: 2 }, { weight: 5 }];
    const counts = classCounts(mix, 23);
    const sequence = classSequence(mix, 23);
    expect(sequence).toHaveLength(23);
    expect([0, 1, 2].map((c) => sequence.filter((x) => x === c).length)).toEqual(counts);
  });

  it('stripes classes: every prefix is within 1 of the proportional share of each class', () => {
    const mixes: MixEntry[][] = [
      [{ weight: 3 }, { weight: 1 }],
      [{ weight: 1 }, { weight: 2 }, { weight: 7 }],
      [{ weight: 1, fixedCount: 4 }, { weight: 1 }, { weight: 1 }, { weight: 9 }],
    ];
    for (const mix of mixes) {
      for (const total of [1, 2, 7, 10, 37, 100, 257]) {
        const counts = classCounts(mix, total);
        const sequence = classSequence(mix, total);
        const seen = mix.map(() => 0);
        sequence.forEach((cls, k) => {
          seen[cls]!++;
          counts.forEach((count, c) => {
            expect(Math.abs(seen[c]! - ((k + 1) * count) / total)).toBeLessThanOrEqual(1);
          });
        });
      }
    }
  });

  it('interleaves 8 users at 3:1 (counts 6, 2) as 0 0 1 0 | 0 0 1 0', () => {
    // Deficits after unit u+1 are (u+1)·count − assigned·8; the larger wins, ties go to the first:
    // u0: 6 vs 2 → 0; u1: 4 vs 4 → 0; u2: 2 vs 6 → 1; u3: 8 vs 0 → 0; then the same again.
    expect([...classSequence([{ weight: 3 }, { weight: 1 }], 8)]).toEqual([0, 0, 1, 0, 0, 0, 1, 0]);
  });

  it('skips classes with no users and keeps class indices', () => {
    expect([...classSequence([{ weight: 0 }, { weight: 1 }, { weight: 1 }], 4)]).toEqual([1, 2, 1, 2]);
  });

  it('is empty for 0 users', () => {
    expect(classSequence([{ weight: 1 }], 0)).toHaveLength(0);
  });

  it('does not crash when fixed counts sum to less than the total', () => {
    expect(() => classSequence([{ weight: 1, fixedCount: 2 }], 5)).not.toThrow(TypeError);
  });
});
