/**
 * Execution segments: every unit of work has exactly one owner, shares add up to the whole for
 * any worker count and any total, and ownership is striped so every prefix is split in
 * proportion. Expected shares are computed here by counting owners unit by unit.
 */

import { describe, expect, it } from 'vitest';
import {
  type ExecutionSegment,
  evenSegments,
  SegmentOwnership,
  stripePattern,
  WHOLE,
} from '../../../src/engine/segment.js';

const TOTALS = [...Array.from({ length: 201 }, (_, n) => n), 10_000];

function ownersOf(segments: ExecutionSegment[], units: number): number[] {
  const ownerships = segments.map((segment) => new SegmentOwnership(segment));
  return Array.from({ length: units }, (_, unit) => {
    const owners = ownerships.filter((o) => o.owns(unit)).map((o) => o.segment.index);
    // Exactly one owner per unit: no unit is run twice, none is lost.
    if (owners.length !== 1) throw new Error(`unit ${unit} has owners [${owners.join(', ')}]`);
    return owners[0] as number;
  });
}

describe('evenSegments + SegmentOwnership', () => {
  it('gives each of 1..16 workers a share; shares sum exactly to every total and differ by at most 1', () => {
    for (let workers = 1; workers <= 16; workers++) {
      const segments = evenSegments(workers);
      expect(segments.map((s) => s.index)).toEqual(Array.from({ length: workers }, (_, i) => i));
      const ownerships = segments.map((segment) => new SegmentOwnership(segment));
      const owners = ownersOf(segments, 10_000);
      const problems: string[] = [];
      for (const total of TOTALS) {
        const shares = ownerships.map((o) => o.shareOf(total));
        // shareOf agrees with counting owns() one unit at a time.
        const counted = segments.map(() => 0);
        for (let unit = 0; unit < total; unit++) counted[owners[unit]!]!++;
        const sum = shares.reduce((a, b) => a + b, 0);
        const spread = Math.max(...shares) - Math.min(...shares);
        if (sum !== total || spread > 1 || shares.join() !== counted.join()) {
          problems.push(`${workers} workers, total ${total}: shares [${shares}], counted [${counted}]`);
        }
      }
      expect(problems).toEqual([]);
    }
  });

  it('runs 1 user over 4 workers exactly once', () => {
    const shares = evenSegments(4).map((segment) => new SegmentOwnership(segment).shareOf(1));
    expect(shares).toEqual([1, 0, 0, 0]);
  });

  it('splits 10 iterations over 3 workers as 4, 3, 3', () => {
    expect(evenSegments(3).map((segment) => new SegmentOwnership(segment).shareOf(10))).toEqual([4, 3, 3]);
  });

  it('interleaves owners: [1, 1, 1] owns 0..5 as 0, 1, 2, 0, 1, 2', () => {
    expect(ownersOf(evenSegments(3), 6)).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('WHOLE owns everything', () => {
    const whole = new SegmentOwnership(WHOLE);
    expect(whole.shareOf(0)).toBe(0);
    expect(whole.shareOf(12_345)).toBe(12_345);
    expect([0, 1, 99, 100_000].every((unit) => whole.owns(unit))).toBe(true);
  });
});

describe('uneven weights', () => {
  function segmentsOf(weights: number[]): ExecutionSegment[] {
    return weights.map((_, index) => ({ index, weights }));
  }

  it('splits [2, 1] as two thirds and one third (within 1) for every total', () => {
    const ownerships = segmentsOf([2, 1]).map((segment) => new SegmentOwnership(segment));
    for (const total of TOTALS) {
      const [a, b] = ownerships.map((o) => o.shareOf(total)) as [number, number];
      expect(a + b).toBe(total);
      expect(Math.abs(a - (2 * total) / 3)).toBeLessThanOrEqual(1);
      expect(Math.abs(b - total / 3)).toBeLessThanOrEqual(1);
    }
  });

  it('follows the documented pattern for [2, 1]: 0 1 0 0 1 0', () => {
    expect(stripePattern([2, 1])).toEqual([0, 1, 0]);
    expect(ownersOf(segmentsOf([2, 1]), 6)).toEqual([0, 1, 0, 0, 1, 0]);
  });

  it.each([[[2, 1]], [[3, 1, 2]], [[5, 3]], [[1, 7, 1, 3]], [[10, 1, 1, 1]]])(
    'keeps every prefix within 1 of the proportional share for %j, and partitions units',
    (weights) => {
      const segments = segmentsOf(weights);
      const ownerships = segments.map((segment) => new SegmentOwnership(segment));
      const sum = weights.reduce((a, b) => a + b, 0);
      const owners = ownersOf(segments, 500);
      const counted = weights.map(() => 0);
      for (let n = 1; n <= 500; n++) {
        counted[owners[n - 1]!]!++;
        weights.forEach((w, s) => {
          expect(Math.abs(counted[s]! - (n * w) / sum)).toBeLessThanOrEqual(1);
        });
        expect(ownerships.map((o) => o.shareOf(n))).toEqual(counted);
      }
    },
  );

  it('has a period of sum(weights) with each worker owning exactly its weight', () => {
    const pattern = stripePattern([3, 1, 2]);
    expect(pattern).toHaveLength(6);
    expect([0, 1, 2].map((s) => pattern.filter((o) => o === s).length)).toEqual([3, 1, 2]);
  });

  it.each([
    ['no weights', []],
    ['a zero weight', [1, 0]],
    ['a fraction', [1.5, 1]],
    ['a negative weight', [-1, 2]],
  ])('rejects %s with a RangeError', (_label, weights) => {
    expect(() => stripePattern(weights)).toThrow(RangeError);
    expect(() => new SegmentOwnership({ index: 0, weights })).toThrow(RangeError);
  });
});
