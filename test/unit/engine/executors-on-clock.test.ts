/**
 * The open-model, shape and step-load executors driven by the engine on a virtual clock: arrivals
 * start on schedule, dropped iterations are counted when the pool is full, a shape ends the run,
 * and steps announce their phases. Tasks are instant unless a test makes them wait.
 */

import { describe, expect, it } from 'vitest';
import { ArrivalRateExecutor, CATCH_UP_BATCH } from '../../../src/engine/executors/arrival-rate.js';
import { ShapeExecutor } from '../../../src/engine/executors/shape.js';
import { StepLoadExecutor } from '../../../src/engine/executors/step-load.js';
import { harness } from './engine-harness.js';
import { VirtualClock } from './virtual-clock.js';

/** A virtual clock whose reading jumps ahead, as a real one does across a pause of the event loop. */
class PausingClock extends VirtualClock {
  private skew = 0;

  override now(): number {
    return super.now() + this.skew;
  }

  /** The process stood still for `ms`: whatever fell due meanwhile is late. */
  pause(ms: number): void {
    this.skew += ms;
  }
}

/** Waits one turn of the event loop, as a request waits for its response. */
const oneTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const constantRate = (rate: number, durationMs: number, maxUsers: number, preAllocatedUsers = 1) =>
  new ArrivalRateExecutor({
    kind: 'constant-arrival-rate',
    startRate: rate,
    stages: [{ durationMs, target: rate }],
    preAllocatedUsers,
    maxUsers,
    distribution: 'even',
    seed: 1,
  });

describe('arrival rate on a virtual clock', () => {
  it('starts an iteration every 100 ms at 10/s, on one reused user, and ends with its schedule', async () => {
    const h = harness({ executor: constantRate(10, 2000, 5) });
    await h.clock.advanceTo(2000);
    expect(h.tasks.map((t) => t.at)).toEqual(Array.from({ length: 20 }, (_, i) => i * 100));
    // Instant tasks: the one pre-allocated user is always free again.
    expect(new Set(h.tasks.map((t) => t.id)).size).toBe(1);
    expect(h.recorder.dropped).toBe(0);
    // The schedule's last arrival is due at 1,900 ms: the executor is done before the timer.
    expect(await h.run).toEqual({ reason: 'completed', killed: false });
  });

  it('counts arrivals that find every user busy at maxUsers as dropped, never skipping silently', async () => {
    // Each task takes 250 ms, arrivals come every 100 ms, and at most 2 users exist: of each
    // 500 ms (5 arrivals), 2 users can start 4; so 1 in 5 is dropped.
    const h = harness({
      executor: constantRate(10, 2000, 2),
      task: async (vu) => {
        h.tasks.push({ id: vu.id, at: h.clock.now() });
        await h.clock.sleep(250);
      },
    });
    await h.clock.advanceTo(3000);
    await h.run;
    expect(h.tasks.length + h.recorder.dropped).toBe(20);
    expect(h.recorder.dropped).toBeGreaterThan(0);
    expect(new Set(h.tasks.map((t) => t.id)).size).toBe(2);
  });
});

describe('arrival rate: before the clock, and behind it', () => {
  it("runs the pre-allocated users' onStart before the schedule and the run's duration start", async () => {
    // onStart takes 500 ms: the first arrival is due when the users are ready, not 500 ms late.
    const clock = new VirtualClock();
    const h = harness({ clock, executor: constantRate(10, 1000, 2, 2), onStart: () => clock.sleep(500) });
    await h.clock.advanceTo(3000);
    expect(h.tasks.map((t) => t.at)).toEqual(Array.from({ length: 10 }, (_, i) => 500 + i * 100));
    expect(h.recorder.dropped).toBe(0);
    expect(await h.run).toEqual({ reason: 'completed', killed: false });
  });

  it('lets iterations in flight finish after a stop, then retires every user, busy or idle', async () => {
    // 3 users, iterations of 250 ms every 100 ms: at the stop (1,050 ms) some are busy, some idle.
    const h = harness({
      executor: constantRate(10, 2000, 3, 3),
      task: async (vu) => {
        h.tasks.push({ id: vu.id, at: h.clock.now() });
        await h.clock.sleep(250);
      },
    });
    await h.clock.advanceTo(1050);
    h.engine.stop('interrupted');
    await h.clock.advanceTo(5000);
    expect(await h.run).toEqual({ reason: 'interrupted', killed: false });
    expect(h.tasks.every((t) => t.at <= 1000)).toBe(true);
    expect(h.tasks.length + h.recorder.dropped).toBe(11);
    expect(h.recorder.iterations).toBe(h.tasks.length);
    // onStop ran for each of the 3 users, the last once its iteration ended (1,000 + 250 ms).
    expect(h.stops.map((s) => s.id).sort()).toEqual([0, 1, 2]);
    expect(Math.max(...h.stops.map((s) => s.at))).toBe(1250);
    expect(h.engine.activeUsers).toBe(0);
  });

  it("starts its schedule at the instant the run's duration counts from, however late run() begins", async () => {
    // The engine arms the duration timer, then the process stands still for 150 ms (other
    // scenarios preparing, a busy machine) before the executor's run() goes on. Had the schedule
    // started then, its last arrival (due at 900 ms) would fall after the duration's end: never
    // started, and not counted as dropped either.
    class StallAfterArming extends VirtualClock {
      private stalled = false;
      override sleep(ms: number, signal?: AbortSignal): Promise<void> {
        const sleeping = super.sleep(ms, signal);
        if (ms === 1000 && !this.stalled) {
          this.stalled = true;
          this.stall(150);
        }
        return sleeping;
      }
    }
    const clock = new StallAfterArming();
    const h = harness({ clock, executor: constantRate(10, 1000, 5, 5) });
    await clock.advanceTo(3000);
    await h.run;
    expect(h.tasks.length + h.recorder.dropped).toBe(10);
    expect(h.tasks).toHaveLength(10);
    // The two due during the stall start late, at its end; the rest on time.
    expect(h.tasks.map((t) => t.at)).toEqual([150, 150, 200, 300, 400, 500, 600, 700, 800, 900]);
  });

  it('starts nothing and counts nothing dropped when stopped while its users were made ready', async () => {
    const clock = new VirtualClock();
    const h = harness({ clock, executor: constantRate(10, 1000, 2, 2), onStart: () => clock.sleep(500) });
    await h.clock.advanceTo(200);
    h.engine.stop('interrupted');
    await h.clock.advanceTo(3000);
    expect(await h.run).toEqual({ reason: 'interrupted', killed: false });
    expect(h.tasks).toEqual([]);
    expect(h.recorder.dropped).toBe(0);
  });

  it('catches up on arrivals a pause made late in batches, so finished requests free their users first', async () => {
    // 1,000/s with 40 users, each iteration waiting a turn of the loop for its "response". A
    // 100 ms pause makes 100 arrivals due at once: started all in one go they would need 100
    // users (60 dropped); in batches of CATCH_UP_BATCH with a turn between, 40 are enough.
    expect(CATCH_UP_BATCH).toBeLessThan(40);
    const clock = new PausingClock();
    let paused = false;
    const h = harness({
      clock,
      executor: constantRate(1000, 300, 40, 40),
      task: async (vu) => {
        h.tasks.push({ id: vu.id, at: clock.now() });
        if (!paused && clock.now() >= 50) {
          paused = true;
          clock.pause(100);
        }
        await oneTurn();
      },
    });
    await clock.advanceTo(1000);
    expect(await h.run).toEqual({ reason: 'completed', killed: false });
    expect(h.recorder.dropped).toBe(0);
    expect(h.tasks).toHaveLength(300);
    // The late ones started late (their latency counts from when they were due), in order.
    const late = h.tasks.filter((t) => t.at === 150);
    expect(late.length).toBeGreaterThan(CATCH_UP_BATCH);
  });
});

describe('shape on a virtual clock', () => {
  it('follows the users the shape asks for each second, and a null ends the run', async () => {
    const executor = new ShapeExecutor({
      shape: (t) => (t < 2 ? { users: 3 } : t < 3 ? { users: 1 } : null),
      maxUsers: 10,
    });
    const h = harness({ executor });
    await h.clock.advanceTo(0);
    expect(h.engine.activeUsers).toBe(3);
    await h.clock.advanceTo(2000);
    // At 2 s the shape asks for one user: the two newest are asked to stop and do so.
    expect(h.engine.activeUsers).toBe(1);
    await h.clock.advanceTo(3000);
    expect(await h.run).toEqual({ reason: 'completed', killed: false });
    expect(h.starts.map((s) => s.id)).toEqual([0, 1, 2]);
    expect(h.stops.filter((s) => s.at === 2000).map((s) => s.id).sort()).toEqual([1, 2]);
  });

  it('is asked at whole seconds whatever float the clock starts at', async () => {
    // (start + 2000) - start is 1999.9999999999998 for this start: a shape asked with that
    // would keep `t < 2` users for a whole extra second.
    const start = 1234.5678;
    expect((start + 2000 - start) / 1000).toBeLessThan(2);
    const asked: number[] = [];
    const executor = new ShapeExecutor({
      shape: (t) => {
        asked.push(t);
        return t < 2 ? { users: 1 } : null;
      },
      maxUsers: 1,
    });
    const h = harness({ executor, clockStart: start });
    await h.clock.advanceTo(start + 5000);
    expect(await h.run).toEqual({ reason: 'completed', killed: false });
    expect(asked).toEqual([0, 1, 2]);
  });
});

describe('step load on a virtual clock', () => {
  it('announces each step as a phase with its users, at its start', async () => {
    const phases: { label: string; users: number | undefined }[] = [];
    const executor = new StepLoadExecutor({ from: 1, to: 3, steps: 3, stepDurationMs: 1000, spawnRate: Infinity });
    const h = harness({ executor, onPhase: (label, users) => phases.push({ label, users }) });
    const seen: { users: number; phases: number }[] = [];
    for (const t of [0, 999, 1000, 2000]) {
      await h.clock.advanceTo(t);
      seen.push({ users: h.engine.activeUsers, phases: phases.length });
    }
    await h.clock.advanceTo(3000);
    await h.run;
    expect(seen).toEqual([
      { users: 1, phases: 1 },
      { users: 1, phases: 1 },
      { users: 2, phases: 2 },
      { users: 3, phases: 3 },
    ]);
    expect(phases).toEqual([
      { label: 'step 1/3: 1 users', users: 1 },
      { label: 'step 2/3: 2 users', users: 2 },
      { label: 'step 3/3: 3 users', users: 3 },
    ]);
  });
});
