/**
 * The open model (k6's constant- and ramping-arrival-rate): iterations start on a schedule,
 * whether or not earlier ones have finished, as real traffic does. Each arrival runs one task on a
 * free user from a pool: `preAllocatedUsers` are started up front, more are started on demand up
 * to `maxUsers`. An arrival that finds no free user at the cap is counted as dropped, never
 * silently skipped. A late start counts against the target: the iteration's first request times
 * from when the arrival was due (coordinated omission).
 */

import { type ExecutionSegment, SegmentOwnership, WHOLE } from '../segment.js';
import { ArrivalCurve } from './arrival-curve.js';
import { type ArrivalDistribution, arrivals } from './arrivals.js';
import type { Executor, ExecutorRuntime } from './executor.js';
import type { Stage } from './stages.js';
import { UserPool } from './user-pool.js';

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

  async run(runtime: ExecutorRuntime): Promise<void> {
    const { clock, stopSignal } = runtime;
    // The schedule starts with the run, as the run's duration timer does: time spent creating
    // the first users makes the first arrivals late (and measured so), never shifts the schedule.
    const start = clock.now();
    const pool = new UserPool(runtime, this.ownership, this.maxUsers);
    await pool.preallocate(this.preAllocated);
    const schedule = arrivals(this.curve, this.scheduleOptions());
    for (const arrival of schedule) {
      const dueAt = start + arrival.atMs;
      const wait = dueAt - clock.now();
      if (wait > 0) await clock.sleep(wait, stopSignal);
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

  private scheduleOptions() {
    return { distribution: this.config.distribution, seed: this.config.seed, segment: this.segment };
  }
}
