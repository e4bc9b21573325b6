/**
 * The closed model, as in Locust: `users` virtual users started at `spawnRate` per second, each
 * looping over its tasks until the run's duration ends (or the iteration budget is spent).
 *
 *   users ▲
 *     N   │        ┌──────────────────┐
 *         │      ╱ │                  │  stop: no new tasks;
 *         │    ╱   │                  │  tasks in flight finish
 *         │  ╱     │                  │  within the grace period
 *     0   └╱───────┴──────────────────┴──► time
 *          └ N / spawnRate ┘           └ duration
 *
 * The i-th user (global spawn index) starts at i / spawnRate seconds. On a worker that runs a
 * segment, only the indices it owns are planned, at their global times, so workers' users
 * interleave and together match a single-process run exactly.
 */

import { type ExecutionSegment, SegmentOwnership, WHOLE } from '../segment.js';
import type { Executor, ExecutorRuntime } from './executor.js';

export interface RampingUsersConfig {
  users: number;
  /** Users started per second; Infinity (or 0) starts everyone at once. */
  spawnRate: number;
  durationMs: number | null;
}

export interface SpawnEntry {
  /** Milliseconds after the run starts. */
  atMs: number;
  /** Global spawn index. */
  index: number;
}

/** Who starts when: the pure plan of this executor. */
export function planRampingUsers(
  config: RampingUsersConfig,
  segment: ExecutionSegment = WHOLE,
): SpawnEntry[] {
  const ownership = new SegmentOwnership(segment);
  const interval = config.spawnRate > 0 && Number.isFinite(config.spawnRate) ? 1000 / config.spawnRate : 0;
  const plan: SpawnEntry[] = [];
  for (let index = 0; index < config.users; index++) {
    if (ownership.owns(index)) plan.push({ atMs: index * interval, index });
  }
  return plan;
}

export class RampingUsersExecutor implements Executor {
  readonly kind = 'ramping-users';
  readonly maxUsers: number;
  readonly plannedDurationMs: number | null;
  private readonly plan: SpawnEntry[];

  constructor(config: RampingUsersConfig, segment: ExecutionSegment = WHOLE) {
    this.plan = planRampingUsers(config, segment);
    this.maxUsers = this.plan.length;
    this.plannedDurationMs = config.durationMs;
  }

  async run({ clock, stopSignal, spawn }: ExecutorRuntime): Promise<void> {
    const start = clock.now();
    const running: Promise<void>[] = [];
    for (const entry of this.plan) {
      const wait = start + entry.atMs - clock.now();
      if (wait > 0) await clock.sleep(wait, stopSignal);
      if (stopSignal.aborted) break;
      running.push(spawn(entry.index));
    }
    await Promise.all(running);
  }
}
