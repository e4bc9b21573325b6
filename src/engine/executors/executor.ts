/**
 * The executor interface: one load model per file in this folder (after k6's lib/executor).
 * Each exports a pure `plan…()` (who starts when, testable with no I/O) and an Executor whose
 * `run()` walks that plan, asking the engine to start users.
 */

import type { Clock } from '../clock.js';

export interface ExecutorRuntime {
  readonly clock: Clock;
  /** Aborts when the run stops: start nobody else. */
  readonly stopSignal: AbortSignal;
  /** Starts the user with global spawn index `index`; resolves when that user has finished. */
  spawn(index: number): Promise<void>;
}

export interface Executor {
  /** For people and the result: `ramping-users`. */
  readonly kind: string;
  /** Upper bound of concurrently active users (for display before the run). */
  readonly maxUsers: number;
  /** Planned duration in ms, or null when the run ends on iterations or by hand. */
  readonly plannedDurationMs: number | null;
  run(runtime: ExecutorRuntime): Promise<void>;
}
