/**
 * LoadEngine on a virtual clock when things go wrong: a task that never ends is cut by the grace
 * period, a killed user skips onStop, a task exception is recorded and the user carries on, an
 * onStart exception ends the user. Schedule as in load-engine.test.ts: user i starts at i·500 ms
 * and runs a task at start + k·1000 ms.
 */

import { describe, expect, it } from 'vitest';
import { constant } from '../../../src/api/wait-time.js';
import { failurePauseMs, MAX_FAILURE_PAUSE_MS } from '../../../src/engine/virtual-user.js';
import { harness } from './engine-harness.js';

describe('LoadEngine failures on a virtual clock', () => {
  it('cuts a task that never ends once the grace period is over (killed: true)', async () => {
    const h = harness({
      users: 2,
      durationMs: 1000,
      gracefulStopMs: 2000,
      task: () => new Promise(() => {}),
    });
    await h.clock.advanceTo(1000);
    expect(h.engine.state).toEqual({ phase: 'stopping', startedAt: 0, reason: 'duration' });
    await h.clock.advanceTo(2999);
    expect(h.outcome()).toBeUndefined();
    expect(h.engine.activeUsers).toBe(2);
    await h.clock.advanceTo(3000);
    // kill() waits a real 50 ms for cut requests to land in the recorder.
    expect(await h.run).toEqual({ reason: 'duration', killed: true });
    expect(h.engine.state).toEqual({ phase: 'finished', startedAt: 0, reason: 'duration', killed: true });
    // Nothing was recorded as a script error: the run cut the tasks.
    expect(h.recorder.errors).toEqual([]);
    expect(h.stops).toEqual([]);
  });

  it('skips onStop for users whose task was cut by the kill', async () => {
    // The task ends only when the run's hard signal aborts it, as a cut request would.
    const h = harness({
      users: 2,
      durationMs: 1000,
      gracefulStopMs: 500,
      task: (vu) =>
        new Promise<void>((resolve) => {
          vu.signal.addEventListener('abort', () => resolve(), { once: true });
        }),
    });
    await h.clock.advanceTo(1500);
    expect(await h.run).toEqual({ reason: 'duration', killed: true });
    expect(h.engine.activeUsers).toBe(0);
    expect(h.stops).toEqual([]);
  });

  it('records a task exception against the task and keeps the user going', async () => {
    let calls = 0;
    const h = harness({
      users: 1,
      durationMs: 2500,
      task: () => {
        calls++;
        if (calls === 1) throw new Error('boom');
        if (calls === 2) return Promise.reject(new TypeError('not a function'));
      },
    });
    await h.clock.advanceTo(2500);
    expect(h.outcome()).toEqual({ reason: 'duration', killed: false });
    // Tasks at 0, 1000, 2000: the user survived both failures.
    expect(calls).toBe(3);
    expect(h.recorder.iterations).toBe(3);
    expect(h.recorder.errors).toEqual([
      { row: 'TASK step', kind: 'task', message: 'boom' },
      { row: 'TASK step', kind: 'task', message: 'TypeError: not a function' },
    ]);
  });

  it('paces a user whose task throws every time, even with constant(0)', async () => {
    let calls = 0;
    const h = harness({
      users: 1,
      durationMs: 5000,
      wait: constant(0),
      task: () => {
        calls++;
        throw new TypeError('http.gett is not a function');
      },
    });
    await h.clock.advanceTo(5000);
    await h.run;
    // Pauses 1, 2, 4 … 512 ms (1,023 ms for the first 11 tasks), then one task a second.
    expect(calls).toBeGreaterThanOrEqual(14);
    expect(calls).toBeLessThanOrEqual(16);
    expect(h.recorder.errors).toHaveLength(calls);
  });

  it('keeps the wait after a failed task and ends the pause on the first success', async () => {
    const times: number[] = [];
    const h = harness({
      users: 1,
      durationMs: 4000,
      wait: constant('10ms'),
      task: (vu) => {
        times.push(h.clock.now());
        if (vu.iteration <= 12) throw new Error('boom');
      },
    });
    await h.clock.advanceTo(4000);
    await h.run;
    const gaps = times.slice(1, 15).map((t, i) => t - (times[i] ?? 0));
    expect(gaps).toEqual([10, 10, 10, 10, 16, 32, 64, 128, 256, 512, 1000, 1000, 10, 10]);
  });

  it('grows the pause by doubling, up to a second, and none after a success', () => {
    expect([0, 1, 2, 3, 10, 11, 12, 50].map(failurePauseMs)).toEqual([0, 1, 2, 4, 512, 1000, 1000, 1000]);
    expect(MAX_FAILURE_PAUSE_MS).toBe(1000);
  });

  it('ends a user whose onStart throws, recording the error against onStart', async () => {
    const h = harness({
      users: 2,
      durationMs: 3000,
      onStart: (vu) => {
        if (vu.id === 0) throw new Error('login failed');
      },
    });
    await h.clock.advanceTo(600);
    // User 0 is gone; user 1 (started at 500) is alive.
    expect(h.engine.activeUsers).toBe(1);
    await h.clock.advanceTo(3000);
    expect(h.outcome()).toEqual({ reason: 'duration', killed: false });
    expect(h.tasks.map((t) => t.id)).toEqual([1, 1, 1]);
    expect(h.recorder.errors).toEqual([{ row: 'TASK onStart', kind: 'task', message: 'login failed' }]);
  });

  it('does not run onStop for a user whose onStart threw', async () => {
    const h = harness({
      users: 2,
      durationMs: 3000,
      onStart: (vu) => {
        if (vu.id === 0) throw new Error('login failed');
      },
    });
    await h.clock.advanceTo(3000);
    expect(h.outcome()).toEqual({ reason: 'duration', killed: false });
    expect(h.stops.map((s) => s.id)).toEqual([1]);
  });
});
