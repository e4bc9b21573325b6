/**
 * planRampingUsers, the pure plan of the closed model: who starts when, and how segments split
 * it. The i-th user is due at i / spawnRate seconds; segments' plans are disjoint slices of the
 * single-process plan at the same global times.
 */

import { describe, expect, it } from 'vitest';
import { planRampingUsers, RampingUsersExecutor } from '../../../src/engine/executors/ramping-users.js';
import { type ExecutionSegment, evenSegments } from '../../../src/engine/segment.js';

describe('planRampingUsers', () => {
  it('starts user i at i / spawnRate seconds', () => {
    expect(planRampingUsers({ users: 5, spawnRate: 2, durationMs: null })).toEqual([
      { atMs: 0, index: 0 },
      { atMs: 500, index: 1 },
      { atMs: 1000, index: 2 },
      { atMs: 1500, index: 3 },
      { atMs: 2000, index: 4 },
    ]);
  });

  it.each([0.5, 1, 3, 4, 7, 8, 10, 50, 0.3])(
    'is within float rounding of i / spawnRate · 1000 for spawnRate %d',
    (rate) => {
      const plan = planRampingUsers({ users: 200, spawnRate: rate, durationMs: null });
      expect(plan.map((entry) => entry.index)).toEqual(Array.from({ length: 200 }, (_, i) => i));
      const off = plan.filter(
        (entry, i) => Math.abs(entry.atMs - (i * 1000) / rate) > 1e-9 * Math.max(1, entry.atMs),
      );
      expect(off).toEqual([]);
    },
  );

  it('is exact when 1000 / spawnRate is representable', () => {
    const off: string[] = [];
    for (const rate of [0.5, 1, 4, 8, 10, 50]) {
      const plan = planRampingUsers({ users: 200, spawnRate: rate, durationMs: null });
      plan.forEach((entry, i) => {
        if (entry.atMs !== (i * 1000) / rate) off.push(`rate ${rate}: user ${i} at ${entry.atMs}`);
      });
    }
    expect(off).toEqual([]);
  });

  it.each([Number.POSITIVE_INFINITY, 0])('starts everyone at 0 with spawnRate %d', (rate) => {
    const plan = planRampingUsers({ users: 6, spawnRate: rate, durationMs: null });
    expect(plan).toEqual(Array.from({ length: 6 }, (_, index) => ({ atMs: 0, index })));
  });

  it('plans nobody for 0 users', () => {
    expect(planRampingUsers({ users: 0, spawnRate: 1, durationMs: null })).toEqual([]);
  });

  it.each([
    ['2 even workers', evenSegments(2)],
    ['3 even workers', evenSegments(3)],
    ['16 even workers', evenSegments(16)],
    ['[2, 1]', [0, 1].map((index) => ({ index, weights: [2, 1] }))],
    ['[1, 3, 2]', [0, 1, 2].map((index) => ({ index, weights: [1, 3, 2] }))],
  ] as [string, ExecutionSegment[]][])('partitions the whole plan over %s', (_label, segments) => {
    for (const users of [1, 7, 10, 97]) {
      const config = { users, spawnRate: 3, durationMs: null };
      const whole = planRampingUsers(config);
      const parts = segments.map((segment) => planRampingUsers(config, segment));
      const union = parts.flat().sort((a, b) => a.index - b.index);
      // Same entries, same global times, and nothing planned twice (the sizes add up).
      expect(union).toEqual(whole);
      expect(parts.reduce((n, part) => n + part.length, 0)).toBe(users);
      // Each part is in time order, as the executor walks it.
      for (const part of parts) {
        expect(part.map((e) => e.atMs)).toEqual([...part.map((e) => e.atMs)].sort((a, b) => a - b));
      }
    }
  });

  it('gives 1 user over 4 workers to exactly one of them', () => {
    const sizes = evenSegments(4).map(
      (segment) => planRampingUsers({ users: 1, spawnRate: 1, durationMs: null }, segment).length,
    );
    expect(sizes).toEqual([1, 0, 0, 0]);
  });
});

describe('RampingUsersExecutor', () => {
  it('reports its kind and its planned duration', () => {
    const executor = new RampingUsersExecutor({ users: 10, spawnRate: 5, durationMs: 60_000 });
    expect(executor.kind).toBe('ramping-users');
    expect(executor.maxUsers).toBe(10);
    expect(executor.plannedDurationMs).toBe(60_000);
    expect(
      new RampingUsersExecutor({ users: 10, spawnRate: 5, durationMs: null }).plannedDurationMs,
    ).toBeNull();
  });

  it('reports the users of its own segment as maxUsers', () => {
    const executor = new RampingUsersExecutor(
      { users: 10, spawnRate: 5, durationMs: 60_000 },
      {
        index: 1,
        weights: [1, 1, 1],
      },
    );
    expect(executor.maxUsers).toBe(3);
  });
});
