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
import { retargetStages } from './retarget-stages.js';
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

/** Users started in one turn of the event loop, at most, when more are due at once. */
const SPAWN_BATCH = 256;

/** A user this executor started, and the timer that will ask it to stop (none: at the run's end). */
interface RunningUser {
  stop: AbortController;
  timer: AbortController | null;
}

interface Timeline {
  clock: ExecutorRuntime['clock'];
  start: number;
  stopSignal: AbortSignal;
}

export class RampingUsersExecutor implements Executor {
  readonly kind = 'ramping-users';
  readonly maxUsers: number;
  readonly plannedDurationMs: number | null;
  private stages: readonly Stage[];
  private readonly startLevel: number;
  /** Intervals still to start, from `cursor` on (replaced when the load changes). */
  private pending: UserInterval[];
  private cursor = 0;
  private readonly running = new Map<number, RunningUser>();
  private timeline: Timeline | undefined;
  /** Aborted when the load changes, to wake the loop that waits for the next start. */
  private replanned = new AbortController();

  constructor(
    config: RampingUsersConfig,
    private readonly segment: ExecutionSegment = WHOLE,
  ) {
    this.stages = rampingStages(config);
    this.startLevel = 'stages' in config ? (config.startUsers ?? 0) : 0;
    this.pending = planUserIntervals(this.stages, segment, this.startLevel);
    // This segment's share of the peak, so workers' maxima add up to the whole.
    this.maxUsers = new SegmentOwnership(segment).shareOf(Math.ceil(peakLevel(this.stages, this.startLevel)));
    this.plannedDurationMs = 'stages' in config ? stagesDurationMs(this.stages) : config.durationMs;
  }

  async run({ clock, stopSignal, spawn, startedAt: start }: ExecutorRuntime): Promise<void> {
    this.timeline = { clock, start, stopSignal };
    // The run's stop wakes the loop as a new count does (one signal to wait on), and stops every
    // user, each of which waits on its own signal only.
    stopSignal.addEventListener('abort', () => this.stopEveryone(), { once: true });
    const spawned = new Set<Promise<void>>();
    let startedThisTurn = 0;
    for (;;) {
      const interval = this.pending[this.cursor];
      const replanned = this.replanned.signal;
      if (interval === undefined) {
        // Nobody left to start: wait for the users to finish, or for a new count to bring more.
        await Promise.race([Promise.all(spawned), abortedPromise(replanned)]);
      } else {
        const wait = start + interval.startMs - clock.now();
        if (wait > 0) {
          startedThisTurn = 0;
          await clock.sleep(wait, replanned);
        } else if (++startedThisTurn > SPAWN_BATCH) {
          // Users due at once start in batches, the event loop turning between them: each
          // opens a socket synchronously, and ten thousand in one turn would stall every
          // response, timer and tick for seconds.
          startedThisTurn = 0;
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      if (stopSignal.aborted) break;
      if (replanned.aborted) {
        this.replanned = new AbortController();
        continue;
      }
      if (interval === undefined) break;
      this.cursor++;
      const work = this.spawnUser(interval, spawn);
      spawned.add(work);
      void work.finally(() => spawned.delete(work));
    }
    this.timeline = undefined;
    await Promise.all(spawned);
  }

  /**
   * From now on, ramp to `users` (the whole load's count; this segment runs its share) at
   * `spawnRate` per second, and hold there. Users above the count finish their task and stop,
   * newest first. Does nothing once the run is stopping or over.
   */
  changeUsers(users: number, spawnRate: number): void {
    const timeline = this.timeline;
    if (timeline === undefined || timeline.stopSignal.aborted) return;
    const atMs = timeline.clock.now() - timeline.start;
    this.stages = retargetStages(this.stages, this.startLevel, atMs, users, spawnRate);
    const planned = planUserIntervals(this.stages, this.segment, this.startLevel);
    const kept = new Set<number>();
    const pending: UserInterval[] = [];
    for (const interval of planned) {
      if (interval.stopMs !== null && interval.stopMs <= atMs) continue; // over already
      const user = this.running.get(interval.index);
      if (user !== undefined && interval.startMs <= atMs && !kept.has(interval.index)) {
        kept.add(interval.index);
        this.stopAt(user, interval.stopMs);
      } else pending.push(interval);
    }
    for (const [index, user] of this.running) {
      if (kept.has(index)) continue;
      stopUser(user);
      this.running.delete(index);
    }
    this.pending = pending;
    this.cursor = 0;
    this.replanned.abort();
  }

  private stopEveryone(): void {
    this.replanned.abort();
    for (const user of this.running.values()) stopUser(user);
  }

  private async spawnUser(interval: UserInterval, spawn: ExecutorRuntime['spawn']): Promise<void> {
    const user: RunningUser = { stop: new AbortController(), timer: null };
    this.running.set(interval.index, user);
    this.stopAt(user, interval.stopMs);
    try {
      await spawn(interval.index, { stop: user.stop.signal });
    } finally {
      if (this.running.get(interval.index) === user) this.running.delete(interval.index);
    }
  }

  /** Asks the user to stop at `stopMs` after the start (this user stops when the level falls below it). */
  private stopAt(user: RunningUser, stopMs: number | null): void {
    user.timer?.abort();
    user.timer = null;
    const timeline = this.timeline;
    if (stopMs === null || timeline === undefined) return;
    const timer = new AbortController();
    user.timer = timer;
    const { clock, start } = timeline;
    // The run's stop aborts the timer too (stopEveryone).
    void clock.sleep(start + stopMs - clock.now(), timer.signal).then(() => {
      if (!timer.signal.aborted) user.stop.abort();
    });
  }
}

/** Asks a running user to stop after its task, and drops its planned stop. */
function stopUser(user: RunningUser): void {
  user.timer?.abort();
  user.stop.abort();
}

/** Resolves when `signal` aborts. */
function abortedPromise(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
