/**
 * What the run controller drives: the engines in this process (local-driver.ts), or workers
 * running segments of the load (cluster/workers-driver.ts). Either way the controller asks for
 * the snapshots gathered since it last asked, changes a closed-model load's users while it runs
 * (the web UI's Edit), and stops, kills and awaits the whole.
 */

import type { DecodedSnapshot } from '../metrics/decoded-snapshot.js';
import type { LoopDelaySource } from '../monitor/index.js';
import type { EngineOutcome, EngineState, StopReason } from './load-engine.js';

/** A new number of users for a running closed-model load, and the rate to reach it at. */
export interface LoadChange {
  /** The whole load's users (every worker's together). */
  users: number;
  /** Users started (or stopped) per second on the way there. */
  spawnRate: number;
}

export interface LoadDriver {
  readonly state: EngineState;
  readonly activeUsers: number;
  /** The whole load's planned length, or null when it has none (it ends on iterations or by hand). */
  readonly plannedDurationMs: number | null;
  readonly maxUsers: number;
  run(): Promise<EngineOutcome>;
  /** Every snapshot since the previous call, decoded (the local recorder is flushed now). */
  collect(): DecodedSnapshot[];
  /**
   * From now on, ramp to `change.users` at its spawn rate and hold there for the rest of the run
   * (users above it finish their task and stop). Only a plain number of users can change: throws
   * a VolleyError for any other load, or once the run is no longer running.
   */
  changeLoad(change: LoadChange): void;
  /** Graceful stop: users finish their current task within the grace period. */
  stop(reason: StopReason): void;
  /** Stop now: in-flight requests are cut and recorded as failed. */
  kill(reason: StopReason): Promise<void>;
  /** Where the load runs in other threads or machines: their event-loop delay, for the self-check. */
  readonly workerLoopDelay?: LoopDelaySource;
}
