/**
 * A load shape (Locust's LoadTestShape): a function of the elapsed time, asked once per tick,
 * that returns the users wanted (`{ users, spawnRate }`, closed model), an arrival rate
 * (`{ rate }`, open model), or null to end the run. The most flexible load, for anything the
 * other executors cannot express; it is driven at run time, so its "plan" is the function.
 */

import { type ExecutionSegment, SegmentOwnership, WHOLE } from '../segment.js';
import type { Executor, ExecutorRuntime } from './executor.js';
import { UserPool } from './user-pool.js';

export type ShapeTarget = { users: number; spawnRate?: number } | { rate: number } | null;

/** Called with the seconds elapsed since the run started. */
export type ShapeFunction = (elapsedSeconds: number) => ShapeTarget;

export interface ShapeConfig {
  shape: ShapeFunction;
  /** Cap on users (closed) and on the pool (open). */
  maxUsers: number;
  tickMs?: number;
}

interface ActiveUser {
  stop: AbortController;
  done: Promise<void>;
}

export class ShapeExecutor implements Executor {
  readonly kind = 'shape';
  readonly maxUsers: number;
  readonly plannedDurationMs = null;
  private readonly ownership: SegmentOwnership;

  constructor(
    private readonly config: ShapeConfig,
    segment: ExecutionSegment = WHOLE,
  ) {
    this.ownership = new SegmentOwnership(segment);
    this.maxUsers = this.ownership.shareOf(config.maxUsers);
  }

  async run(runtime: ExecutorRuntime): Promise<void> {
    const { clock, stopSignal } = runtime;
    const tickMs = this.config.tickMs ?? 1000;
    const pool = new UserPool(runtime, this.ownership, this.maxUsers);
    const active: ActiveUser[] = [];
    let nextGlobal = 0;
    let arrivalCredit = 0;
    const start = runtime.startedAt;
    for (let tick = 0; !stopSignal.aborted; tick++) {
      const tickStart = start + tick * tickMs;
      // From the tick count, not (tickStart - start): that difference of floats can read 1.9999…
      // at 2 s, and a shape written `t < 2 ? … : null` would then run a whole tick too long.
      const target = this.config.shape((tick * tickMs) / 1000);
      if (target === null) break;
      if ('rate' in target) {
        // Open model: this tick's share of arrivals, evenly spaced over the tick.
        arrivalCredit += (Math.max(0, target.rate) * tickMs) / 1000;
        const count = Math.floor(arrivalCredit);
        arrivalCredit -= count;
        for (let k = 0; k < count && !stopSignal.aborted; k++) {
          const dueAt = tickStart + (k * tickMs) / count;
          const wait = dueAt - clock.now();
          if (wait > 0) await clock.sleep(wait, stopSignal);
          if (this.ownership.owns(nextGlobal++) && !stopSignal.aborted) pool.dispatch(dueAt);
        }
      } else {
        const wanted = Math.min(this.ownership.shareOf(Math.max(0, Math.round(target.users))), this.maxUsers);
        while (active.length > wanted) active.pop()?.stop.abort();
        const perTick =
          target.spawnRate === undefined ? Number.POSITIVE_INFINITY : (target.spawnRate * tickMs) / 1000;
        for (let k = 0; active.length < wanted && k < Math.max(1, Math.floor(perTick)); k++) {
          const stop = new AbortController();
          active.push({ stop, done: runtime.spawn(this.nextUserIndex(active), { stop: stop.signal }) });
        }
      }
      const wait = tickStart + tickMs - clock.now();
      if (wait > 0) await clock.sleep(wait, stopSignal);
    }
    for (const user of active) user.stop.abort();
    await Promise.all([pool.drain(), ...active.map((user) => user.done)]);
  }

  /** Closed-model users are indexed by their position in the active stack, owned by this segment. */
  private nextUserIndex(active: readonly ActiveUser[]): number {
    let owned = 0;
    for (let candidate = 0; ; candidate++) {
      if (!this.ownership.owns(candidate)) continue;
      if (owned === active.length) return candidate;
      owned++;
    }
  }
}
