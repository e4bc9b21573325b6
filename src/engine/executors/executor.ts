/**
 * The executor interface: one load model per file in this folder (after k6's lib/executor).
 * Each exports a pure `plan…()` (who starts when, testable with no I/O) and an Executor whose
 * `run()` walks that plan through the runtime the engine provides.
 */

import type { MetricsRecorder } from '../../metrics/recorder.js';
import type { Clock } from '../../core/clock.js';
import type { VirtualUser } from '../virtual-user.js';

export interface SpawnOptions {
  /**
   * Stops this one user gracefully (ramping down) instead of the run's stop signal: the executor
   * aborts it when the run stops too. Not combined with the run's signal by the engine, because
   * a combined signal (AbortSignal.any) per user costs about 2 kB of each user's memory.
   */
  stop?: AbortSignal;
  /** At most this many tasks, then the user finishes (per-user iterations). */
  iterations?: number;
}

export interface ExecutorRuntime {
  readonly clock: Clock;
  /** Aborts when the run stops: start nobody and nothing else. */
  readonly stopSignal: AbortSignal;
  readonly recorder: MetricsRecorder;
  /** Closed model: runs user `index` (global spawn index) in a task loop; resolves when it has finished. */
  spawn(index: number, options?: SpawnOptions): Promise<void>;
  /** Open model: a user whose onStart has run, ready for iterate(); null when onStart failed. */
  createUser(index: number): Promise<VirtualUser | null>;
  /** Open model: runs onStop and closes the user's connections. */
  retireUser(user: VirtualUser): Promise<void>;
  /** Marks the start of a named phase (a step, a level) with its planned users; stats are kept per phase. */
  phase(label: string, users?: number): void;
  /**
   * The clock instant the load starts at, once `prepare()` has resolved (NaN during it): the
   * planned duration counts from it, and so must the schedule. An executor that read the clock
   * itself when `run()` began would start its schedule late by whatever ran in between (other
   * scenarios' preparation, on a busy machine tens of ms), and its last arrivals would fall after
   * the duration's end: never started, and not counted as dropped either.
   */
  readonly startedAt: number;
}

export interface Executor {
  /** For people and the result: `ramping-users`, `constant-arrival-rate`. */
  readonly kind: string;
  /** Upper bound of concurrently active users (for display before the run). */
  readonly maxUsers: number;
  /** Planned duration in ms, or null when the run ends on iterations, a shape, or by hand. */
  readonly plannedDurationMs: number | null;
  /**
   * Work before the load's clock starts: the engine starts the planned duration, and `run()` its
   * schedule, once this has resolved (an open-model executor makes its pre-allocated users ready
   * here). Absent where there is nothing to prepare.
   */
  prepare?(runtime: ExecutorRuntime): Promise<void>;
  run(runtime: ExecutorRuntime): Promise<void>;
  /**
   * A closed-model load only: from now on ramp to `users` (the whole load's count) at `spawnRate`
   * per second and hold there (the web UI's Edit). Absent where the load model has no such count.
   */
  changeUsers?(users: number, spawnRate: number): void;
}
