/**
 * The closed model: a number of virtual users, each looping over its tasks, that follows stages
 * (k6's ramping-vus) or Locust's form (`users` started at `spawnRate` per second, then held).
 *
 *   users ▲
 *     N   │        ┌──────────────────┐
 *         │      ╱ │                  │╲   ramping down: the newest users
 *         │    ╱   │                  │  ╲ finish their task and stop
 *     0   └──╱─────┴──────────────────┴────► time
 *
 * Who runs when is planned up front (user-intervals.ts); on a worker that runs a segment, only the
 * users it owns are planned, at their global times, so workers together match one process.
 */

import { type ExecutionSegment, SegmentOwnership, WHOLE } from '../segment.js';
import type { Executor, ExecutorRuntime } from './executor.js';
import { peakLevel, type Stage, stagesDurationMs } from './stages.js';
import { planUserIntervals, type UserInterval } from './user-intervals.js';

export type RampingUsersConfig =
  | {
      /** Locust's form: `users` started at `spawnRate` per second (Infinity or 0: at once), then held. */
      users: number;
      spawnRate: number;
      durationMs: number | null;
    }
  | {
      stages: readonly Stage[];
      /** Users at the start (default 0). */
      startUsers?: number;
    };

export interface SpawnEntry {
  /** Milliseconds after the run starts. */
  atMs: number;
  /** Global spawn index. */
  index: number;
}

/** The stages equivalent to a config (Locust's form is one ramp stage). */
export function rampingStages(config: RampingUsersConfig): readonly Stage[] {
  if ('stages' in config) return config.stages;
  const instant = !(config.spawnRate > 0) || !Number.isFinite(config.spawnRate);
  return [{ durationMs: instant ? 0 : (config.users / config.spawnRate) * 1000, target: config.users }];
}

/** The pure plan: every interval during which a user of this segment is active. */
export function planRampingUsersIntervals(
  config: RampingUsersConfig,
  segment: ExecutionSegment = WHOLE,
): UserInterval[] {
  return planUserIntervals(rampingStages(config), segment, 'stages' in config ? (config.startUsers ?? 0) : 0);
}

/** Who starts when (start times of the plan's intervals). */
export function planRampingUsers(
  config: RampingUsersConfig,
  segment: ExecutionSegment = WHOLE,
): SpawnEntry[] {
  return planRampingUsersIntervals(config, segment).map((interval) => ({
    atMs: interval.startMs,
    index: interval.index,
  }));
}

export class RampingUsersExecutor implements Executor {
  readonly kind = 'ramping-users';
  readonly maxUsers: number;
  readonly plannedDurationMs: number | null;
  private readonly intervals: UserInterval[];

  constructor(config: RampingUsersConfig, segment: ExecutionSegment = WHOLE) {
    this.intervals = planRampingUsersIntervals(config, segment);
    const stages = rampingStages(config);
    // This segment's share of the peak, so workers' maxima add up to the whole.
    this.maxUsers = new SegmentOwnership(segment).shareOf(
      Math.ceil(peakLevel(stages, 'stages' in config ? (config.startUsers ?? 0) : 0)),
    );
    this.plannedDurationMs = 'stages' in config ? stagesDurationMs(stages) : config.durationMs;
  }

  async run({ clock, stopSignal, spawn }: ExecutorRuntime): Promise<void> {
    const start = clock.now();
    const running: Promise<void>[] = [];
    for (const interval of this.intervals) {
      const wait = start + interval.startMs - clock.now();
      if (wait > 0) await clock.sleep(wait, stopSignal);
      if (stopSignal.aborted) break;
      if (interval.stopMs === null) {
        running.push(spawn(interval.index));
        continue;
      }
      // This user stops when the level falls below it: ask it to finish its task and go.
      const userStop = new AbortController();
      const stopAt = start + interval.stopMs;
      void clock.sleep(stopAt - clock.now(), stopSignal).then(() => userStop.abort());
      running.push(spawn(interval.index, { stop: userStop.signal }));
    }
    await Promise.all(running);
  }
}
