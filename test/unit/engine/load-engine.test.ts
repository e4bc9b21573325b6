/**
 * LoadEngine with a RampingUsersExecutor on a virtual clock: spawn times, graceful stop at the
 * planned duration or by hand, an exact iteration budget, and segments (the grace period and
 * user errors are in load-engine-failures.test.ts). Every expected time and count is derived in
 * the comments from the schedule: user i starts at i·500 ms (2 users/s) and runs a task at
 * start + k·1000 ms (constant(1s) wait, instant tasks).
 */

import { describe, expect, it } from 'vitest';
import { constant } from '../../../src/api/wait-time.js';
import { byTime, type Event, harness } from './engine-harness.js';
import { settle } from './virtual-clock.js';

describe('LoadEngine on a virtual clock', () => {
  it('starts 4 users at 2/s at 0, 500, 1000 and 1500 ms, each running a task per second', async () => {
    const h = harness();
    await h.clock.advanceTo(0);
    expect(h.engine.state.phase).toBe('running');
    const active: number[] = [h.engine.activeUsers];
    for (const t of [499, 500, 999, 1000, 1499, 1500, 5000]) {
      await h.clock.advanceTo(t);
      active.push(h.engine.activeUsers);
    }
    expect(active).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(h.starts).toEqual([
      { id: 0, at: 0 },
      { id: 1, at: 500 },
      { id: 2, at: 1000 },
      { id: 3, at: 1500 },
    ]);
    // Up to 5000: user i runs at 500i, 500i + 1000, … ≤ 5000 → 6, 5, 5, 4 tasks.
    const expected: Event[] = [];
    for (let id = 0; id < 4; id++) for (let at = 500 * id; at <= 5000; at += 1000) expected.push({ id, at });
    expect([...h.tasks].sort(byTime)).toEqual(expected.sort(byTime));
    expect(h.recorder.iterations).toBe(20);
    expect(h.outcome()).toBeUndefined();

    h.engine.stop('interrupted');
    // No planned end: an interrupt is the reason; waits end early, so users stop at once.
    await h.clock.advanceBy(0);
    expect(await h.run).toEqual({ reason: 'interrupted', killed: false });
    expect(h.stops.map((s) => s.at)).toEqual([5000, 5000, 5000, 5000]);
    expect(h.engine.activeUsers).toBe(0);
  });

  it('stops at the planned duration: users finish, onStop runs, run() resolves with "duration"', async () => {
    const h = harness({ durationMs: 3200 });
    await h.clock.advanceTo(3199);
    expect(h.outcome()).toBeUndefined();
    expect(h.engine.activeUsers).toBe(4);
    await h.clock.advanceTo(3200);
    expect(h.outcome()).toEqual({ reason: 'duration', killed: false });
    expect(h.engine.state).toEqual({ phase: 'finished', startedAt: 0, reason: 'duration', killed: false });
    // Tasks before 3200: user 0 at 0..3000 (4), user 1 at 500..2500 (3), user 2 at 1000..3000 (3),
    // user 3 at 1500, 2500 (2).
    expect(h.tasks).toHaveLength(12);
    expect(h.recorder.iterations).toBe(12);
    expect(h.stops.sort(byTime)).toEqual([0, 1, 2, 3].map((id) => ({ id, at: 3200 })));
    expect(h.engine.activeUsers).toBe(0);
    // The duration and grace timers were cancelled with the run.
    expect(h.clock.pending).toBe(0);
  });

  it('spawns nobody after a stop: users not yet due never start', async () => {
    const h = harness();
    await h.clock.advanceTo(700);
    h.engine.stop('interrupted');
    await h.clock.advanceBy(0);
    expect(await h.run).toEqual({ reason: 'interrupted', killed: false });
    expect(h.starts).toEqual([
      { id: 0, at: 0 },
      { id: 1, at: 500 },
    ]);
    await h.clock.advanceTo(5000);
    expect(h.starts).toHaveLength(2);
  });

  it('runs exactly 7 tasks with an iteration budget of 7, then resolves with "completed"', async () => {
    const h = harness({ iterations: 7 });
    // Tickets: 0 (u0), 500 (u1), 1000 (u0, u2), 1500 (u1, u3), 2000 (u0) → 7. Then u2 finds none at
    // 2000, u1 and u3 at 2500, u0 at 3000: the last user ends at 3000.
    await h.clock.advanceTo(2999);
    expect(h.outcome()).toBeUndefined();
    await h.clock.advanceTo(3000);
    expect(h.outcome()).toEqual({ reason: 'completed', killed: false });
    expect([...h.tasks].sort(byTime)).toEqual([
      { id: 0, at: 0 },
      { id: 1, at: 500 },
      { id: 0, at: 1000 },
      { id: 2, at: 1000 },
      { id: 1, at: 1500 },
      { id: 3, at: 1500 },
      { id: 0, at: 2000 },
    ]);
    expect(h.recorder.iterations).toBe(7);
    expect(h.stops.sort(byTime)).toEqual([
      { id: 2, at: 2000 },
      { id: 1, at: 2500 },
      { id: 3, at: 2500 },
      { id: 0, at: 3000 },
    ]);
  });

  it('shares one budget exactly between many back-to-back users', async () => {
    // 25 users at once with no wait race for 1000 tickets; exactly 1000 tasks run.
    const h = harness({
      users: 25,
      spawnRate: Number.POSITIVE_INFINITY,
      iterations: 1000,
      wait: constant(0),
    });
    expect(await h.run).toEqual({ reason: 'completed', killed: false });
    expect(h.tasks).toHaveLength(1000);
    expect(h.recorder.iterations).toBe(1000);
    expect(new Set(h.tasks.map((t) => t.id)).size).toBe(25);
  });

  it('on a segment, starts only its users at their global times and takes its share of the budget', async () => {
    // Segment 1 of [1, 1] owns units 1, 3, 5, …: users 1 and 3 (at 500, 1500), and 3 of 7 iterations.
    const h = harness({ iterations: 7, segment: { index: 1, weights: [1, 1] } });
    await h.clock.advanceTo(2500);
    expect(h.outcome()).toEqual({ reason: 'completed', killed: false });
    expect(h.starts).toEqual([
      { id: 1, at: 500 },
      { id: 3, at: 1500 },
    ]);
    expect([...h.tasks].sort(byTime)).toEqual([
      { id: 1, at: 500 },
      { id: 1, at: 1500 },
      { id: 3, at: 1500 },
    ]);
  });

  it('runs once', async () => {
    const h = harness({ users: 1, durationMs: 1000 });
    await expect(h.engine.run()).rejects.toThrow('a LoadEngine runs once');
    await h.clock.advanceTo(1000);
    await settle();
    expect(h.outcome()).toEqual({ reason: 'duration', killed: false });
  });
});
