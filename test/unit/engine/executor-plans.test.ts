/**
 * The pure plans of the load models: who starts when, exactly, for every executor.
 */

import { describe, expect, it } from 'vitest';
import { ArrivalCurve } from '../../../src/engine/executors/arrival-curve.js';
import { arrivals } from '../../../src/engine/executors/arrivals.js';
import { planPerUserIterations } from '../../../src/engine/executors/per-user-iterations.js';
import { planStepLoad, stepLevels } from '../../../src/engine/executors/step-load.js';
import { planUserIntervals } from '../../../src/engine/executors/user-intervals.js';
import { evenSegments } from '../../../src/engine/segment.js';

describe('arrivals at a constant rate', () => {
  it('puts the i-th of 2,000 arrivals at exactly i × 5 ms for 200/s over 10 s', () => {
    const all = [...arrivals(new ArrivalCurve([{ durationMs: 10_000, target: 200 }], 200))];
    expect(all).toHaveLength(2000);
    all.forEach((arrival, i) => {
      expect(arrival.index).toBe(i);
      expect(arrival.atMs).toBeCloseTo(i * 5, 9);
    });
  });

  it('does not drift over 10,000 arrivals at a rate whose period is not a whole number', () => {
    // 300/s: a period of 3.333… ms, where adding periods would accumulate rounding error.
    const all = [...arrivals(new ArrivalCurve([{ durationMs: 40_000, target: 300 }], 300))];
    expect(all).toHaveLength(12_000);
    expect(all[9999]?.atMs).toBeCloseTo((9999 * 1000) / 300, 6);
    expect(all[9999]?.atMs).toBeCloseTo(33_330, 6);
  });

  it('splits arrivals over 1–16 workers: every arrival once, same times, shares within one', () => {
    const curve = new ArrivalCurve([{ durationMs: 3000, target: 97 }], 97);
    const whole = [...arrivals(curve)];
    for (let workers = 1; workers <= 16; workers++) {
      const shares = evenSegments(workers).map((segment) => [...arrivals(curve, { segment })]);
      const merged = shares.flat().sort((a, b) => a.index - b.index);
      expect(merged).toEqual(whole);
      const sizes = shares.map((share) => share.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
});

describe('arrivals at a ramping rate', () => {
  it('follows the quadratic count of a linear ramp from 0 to 100/s over 10 s', () => {
    const all = [...arrivals(new ArrivalCurve([{ durationMs: 10_000, target: 100 }], 0))];
    // 500 arrivals are due over the ramp; the 500th falls exactly at its end, outside [0, 10 s).
    expect(all).toHaveLength(499);
    // C(t) = (100 / 10,000 ms) · t² / 2 / 1000 arrivals: the n-th is due at t = √(200,000 · n) ms.
    for (const n of [1, 50, 250, 499]) {
      expect(all[n - 1]?.atMs).toBeCloseTo(Math.sqrt(200_000 * n), 6);
    }
  });

  it('holds, then ramps down, stage by stage', () => {
    const curve = new ArrivalCurve(
      [
        { durationMs: 1000, target: 10 },
        { durationMs: 1000, target: 0 },
      ],
      10,
    );
    expect(curve.total).toBeCloseTo(15, 9);
    expect([...arrivals(curve)].length).toBe(15);
  });
});

describe('Poisson arrivals', () => {
  it('are deterministic for a seed, average the rate, and vary like a Poisson process', () => {
    const curve = new ArrivalCurve([{ durationMs: 60_000, target: 200 }], 200);
    const a = [...arrivals(curve, { distribution: 'poisson', seed: 7 })];
    const b = [...arrivals(curve, { distribution: 'poisson', seed: 7 })];
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(12_000 * 0.97);
    expect(a.length).toBeLessThan(12_000 * 1.03);
    const gaps = a.slice(1).map((arrival, i) => arrival.atMs - (a[i] as { atMs: number }).atMs);
    const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length);
    expect(mean).toBeCloseTo(5, 0);
    expect(sd / mean).toBeGreaterThan(0.95); // exponential gaps: coefficient of variation ≈ 1
    expect(sd / mean).toBeLessThan(1.05);
  });
});

describe('users following stages', () => {
  it('starts user i as the level rises through i and stops the newest first as it falls', () => {
    const intervals = planUserIntervals([
      { durationMs: 10_000, target: 10 },
      { durationMs: 10_000, target: 10 },
      { durationMs: 10_000, target: 0 },
    ]);
    expect(intervals).toHaveLength(10);
    for (const interval of intervals) {
      expect(interval.startMs).toBe(interval.index * 1000);
      expect(interval.stopMs).toBe(30_000 - interval.index * 1000);
    }
  });

  it('gives a user that is started again a second interval', () => {
    const intervals = planUserIntervals([
      { durationMs: 0, target: 2 },
      { durationMs: 1000, target: 2 },
      { durationMs: 0, target: 1 },
      { durationMs: 1000, target: 1 },
      { durationMs: 0, target: 2 },
    ]);
    expect(intervals.filter((i) => i.index === 1)).toEqual([
      { index: 1, startMs: 0, stopMs: 1000 },
      { index: 1, startMs: 2000, stopMs: null },
    ]);
  });
});

describe('step load', () => {
  it('spaces levels evenly and holds each for the step duration', () => {
    expect(stepLevels({ from: 10, to: 200, steps: 3, stepDurationMs: 30_000, spawnRate: Infinity })).toEqual([
      10, 105, 200,
    ]);
    const plan = planStepLoad({ from: 10, to: 200, steps: 3, stepDurationMs: 30_000, spawnRate: Infinity });
    expect(plan.stepStartsMs).toEqual([0, 30_000, 60_000]);
    const ramped = planStepLoad({ from: 10, to: 30, steps: 3, stepDurationMs: 1000, spawnRate: 10 });
    // Ramps of 10 users at 10/s take a second each, before each hold.
    expect(ramped.stepStartsMs).toEqual([0, 2000, 4000]);
  });
});

describe('per-user iterations', () => {
  it('runs every user exactly once across any split', () => {
    for (let workers = 1; workers <= 16; workers++) {
      const owned = evenSegments(workers).flatMap((segment) => planPerUserIterations({ users: 37, iterations: 5 }, segment));
      expect(owned.sort((a, b) => a - b)).toEqual(Array.from({ length: 37 }, (_, i) => i));
    }
  });
});

describe('shared iteration budgets across workers', () => {
  it('sum exactly to the total, and a worker without users gets none', async () => {
    const { iterationShare } = await import('../../../src/engine/load-engine.js');
    for (let workers = 1; workers <= 16; workers++) {
      for (const users of [1, 3, 8, 50]) {
        for (const iterations of [1, 10, 37, 1000]) {
          const shares = evenSegments(workers).map((segment) => iterationShare(iterations, users, segment));
          expect(shares.reduce((a, b) => a + b, 0)).toBe(iterations);
          // Workers past the user count own no user: their iterations could never start.
          shares.forEach((share, worker) => {
            if (worker >= users) expect(share).toBe(0);
          });
        }
      }
    }
  });
});
