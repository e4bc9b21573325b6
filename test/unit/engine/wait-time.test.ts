/**
 * The wait-time helpers (src/engine/wait-time.ts, handed out by src/api/wait-time.ts), as the
 * engine calls them: `next(taskMs, random)` once per task. Randomness is checked against a twin generator with the same seed, so each
 * expected wait is an exact number.
 */

import { describe, expect, it } from 'vitest';
import { between, constant, constantPacing, constantThroughput } from '../../../src/engine/wait-time.js';
import { Random } from '../../../src/core/random.js';

describe('between', () => {
  it('draws uniformly in [min, max] from the user’s random source', () => {
    const wait = between('1s', '3s');
    const random = new Random(5);
    const twin = new Random(5);
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < 10_000; i++) {
      const ms = wait.next(123, random);
      expect(ms).toBe(1000 + 2000 * twin.next());
      lo = Math.min(lo, ms);
      hi = Math.max(hi, ms);
    }
    expect(lo).toBeGreaterThanOrEqual(1000);
    expect(hi).toBeLessThanOrEqual(3000);
    // 10 000 draws reach within 1% of both ends.
    expect(lo).toBeLessThan(1020);
    expect(hi).toBeGreaterThan(2980);
    expect(wait.description).toBe('between(1s, 3s)');
  });

  it('reads numbers as seconds, Locust style', () => {
    const random = new Random(1);
    const twin = new Random(1);
    expect(between(0.5, 2).next(0, random)).toBe(500 + 1500 * twin.next());
  });

  it('accepts min equal to max', () => {
    expect(between('250ms', '250ms').next(0, new Random(3))).toBe(250);
  });

  it.each([
    ['max below min', () => between('3s', '1s')],
    ['an unreadable duration', () => between('soon', '1s')],
    ['a negative number', () => between(-1, 1)],
  ])('rejects %s with a RangeError', (_label, make) => {
    expect(make).toThrow(RangeError);
  });
});

describe('constant', () => {
  it('waits the same time after every task', () => {
    const random = new Random(1);
    expect(constant('250ms').next(0, random)).toBe(250);
    expect(constant('250ms').next(10_000, random)).toBe(250);
    expect(constant(2).next(0, random)).toBe(2000);
    expect(constant(0).next(5, random)).toBe(0);
    expect(constant('1m').description).toBe('constant(1m)');
  });

  it('rejects a bad duration with a RangeError', () => {
    expect(() => constant(-1)).toThrow(RangeError);
    expect(() => constant('1 second')).toThrow(RangeError);
  });
});

describe('constantPacing', () => {
  it('subtracts the task time and floors at 0', () => {
    const wait = constantPacing('1s');
    const random = new Random(1);
    expect(wait.next(0, random)).toBe(1000);
    expect(wait.next(300, random)).toBe(700);
    expect(wait.next(999.5, random)).toBe(0.5);
    expect(wait.next(1000, random)).toBe(0);
    expect(wait.next(1500, random)).toBe(0);
    expect(constantPacing(2).next(500, random)).toBe(1500);
  });

  it('rejects a bad interval with a RangeError', () => {
    expect(() => constantPacing('fast')).toThrow(RangeError);
  });
});

describe('constantThroughput', () => {
  it('is a pacing of 1 / rate: 4 per second → 250 ms', () => {
    const wait = constantThroughput(4);
    const random = new Random(1);
    expect(wait.next(0, random)).toBe(250);
    expect(wait.next(100, random)).toBe(150);
    expect(wait.next(250, random)).toBe(0);
    expect(wait.next(400, random)).toBe(0);
    expect(wait.description).toBe('constantThroughput(4)');
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects %d tasks per second with a RangeError',
    (rate) => {
      expect(() => constantThroughput(rate)).toThrow(RangeError);
    },
  );
});
