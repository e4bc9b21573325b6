/**
 * The open model (k6's constant- and ramping-arrival-rate): iterations start on a schedule,
 * whether or not earlier ones have finished, as real traffic does. Each arrival runs one task on a
 * free user from a pool: `preAllocatedUsers` are started up front (before the clock, in
 * prepare()), more are started on demand up to `maxUsers`. An arrival that finds no free user at
 * the cap is counted as dropped, never silently skipped. A late start counts against the target:
 * the iteration's first request times from when the arrival was due (coordinated omission).
 */

import { type ExecutionSegment, SegmentOwnership, WHOLE } from '../segment.js';
import { ArrivalCurve } from './arrival-curve.js';
import { type ArrivalDistribution, arrivals } from './arrivals.js';
import type { Executor, ExecutorRuntime } from './executor.js';
import type { Stage } from './stages.js';
import { UserPool } from './user-pool.js';

/**
 * Arrivals already due that start one after another without a turn of the event loop. Behind
 * schedule (after a pause of the loop: a collection, another process on the core) the executor
 * catches up in batches of this many and lets I/O in between, so finished requests free their
 * users before the next batch looks for one. Starting hundreds at once instead, with the
 * responses that would free users still unread, took every user, dropped the rest, and made the
 * next pause: a burst of a thousand requests answered at once is itself a pause.
 */
export const CATCH_UP_BATCH = 32;

export interface ArrivalRateConfig {
  kind: 'constant-arrival-rate' | 'ramping-arrival-rate';
  /** Iterations per second at the start. */
  startRate: number;
  /** Rates (per second) to move to; a constant rate is one stage at that rate. */
  stages: readonly Stage[];
  preAllocatedUsers: number;
  maxUsers: number;
  distribution: ArrivalDistribution;
  seed: number;
}

export class ArrivalRateExecutor implements Executor {
  readonly kind: ArrivalRateConfig['kind'];
  readonly maxUsers: number;
  readonly plannedDurationMs: number;
  private readonly curve: ArrivalCurve;
  private readonly preAllocated: number;
  private readonly ownership: SegmentOwnership;
  private pool: Promise<UserPool> | undefined = undefined;

  constructor(
    private readonly config: ArrivalRateConfig,
    private readonly segment: ExecutionSegment = WHOLE,
  ) {
    this.kind = config.kind;
    this.curve = new ArrivalCurve(config.stages, config.startRate);
    this.plannedDurationMs = this.curve.durationMs;
    this.ownership = new SegmentOwnership(segment);
    this.maxUsers = this.ownership.shareOf(config.maxUsers);
    this.preAllocated = Math.min(this.ownership.shareOf(config.preAllocatedUsers), this.maxUsers);
  }

  /** Arrivals this segment starts over the whole run. */
  plannedIterations(): number {
    let count = 0;
    for (const _ of arrivals(this.curve, this.scheduleOptions())) count++;
    return count;
  }

  /**
   * Before the clock: the pre-allocated users run onStart, so the first arrivals find users
   * ready, and the time their onStart takes neither makes those arrivals late nor shortens the run.
   */
  prepare(runtime: ExecutorRuntime): Promise<void> {
    return this.readyPool(runtime).then(() => undefined);
  }

  async run(runtime: ExecutorRuntime): Promise<void> {
    const { clock, stopSignal } = runtime;
    const pool = await this.readyPool(runtime);
    // The schedule starts when the users are ready, at the instant the run's duration counts from
    // (the engine takes it after prepare()); from then on a late start is measured, never shifts
    // the schedule.
    const start = runtime.startedAt;
    // Stopped while the users were made ready: the schedule never started, nothing was due.
    if (stopSignal.aborted) {
      await pool.drain();
      return;
    }
    const schedule = arrivals(this.curve, this.scheduleOptions());
    let inARow = 0;
    for (const arrival of schedule) {
      const dueAt = start + arrival.atMs;
      const wait = dueAt - clock.now();
      if (wait > 0) {
        inARow = 0;
        await clock.sleep(wait, stopSignal);
      } else if (++inARow >= CATCH_UP_BATCH) {
        inARow = 0;
        await nextTurn();
      }
      if (stopSignal.aborted) {
        // Arrivals already due when the run stopped did not start: count them, never drop silently.
        const stoppedAt = clock.now() - start;
        if (arrival.atMs <= stoppedAt) runtime.recorder.droppedIteration();
        for (const late of schedule) {
          if (late.atMs > stoppedAt) break;
          runtime.recorder.droppedIteration();
        }
        break;
      }
      pool.dispatch(dueAt);
    }
    await pool.drain();
  }

  /** The pool with its pre-allocated users, made once (by prepare(), or by run() without it). */
  private readyPool(runtime: ExecutorRuntime): Promise<UserPool> {
    this.pool ??= (async () => {
      const pool = new UserPool(runtime, this.ownership, this.maxUsers);
      await pool.preallocate(this.preAllocated);
      return pool;
    })();
    return this.pool;
  }

  private scheduleOptions() {
    return { distribution: this.config.distribution, seed: this.config.seed, segment: this.segment };
  }
}

/** Resolves after the event loop's next turn, once pending I/O callbacks have run. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
