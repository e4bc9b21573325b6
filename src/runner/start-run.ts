/**
 * Starts a run: the scenario end to end (see run-controller.ts for its phases). Returns a handle
 * the CLI (Ctrl-C), the web UI and tests drive.
 */

import type { ScenarioSource } from '../cluster/protocol.js';
import type { WorkerTransport } from '../cluster/transport.js';
import type { ProfileLoad } from '../config/profiles.js';
import type { OptionName, RunOptions } from '../config/run-options.js';
import type { LoadChange } from '../engine/load-driver.js';
import type { EngineState } from '../engine/load-engine.js';
import type { ScenarioDefinition } from '../engine/scenario-definition.js';
import type { Result } from '../metrics/result.js';
import type { Output } from '../outputs/output.js';
import { RunController, type RunControllerDeps } from './run-controller.js';

export { runName } from './run-plan.js';

export interface RunRequest {
  scenario: ScenarioDefinition<unknown>;
  /** The scenario module's exports, to name user classes after them. */
  exports?: Record<string, unknown>;
  /** The scenario file, or null for URL mode and programmatic runs. */
  file: string | null;
  /**
   * How worker threads rebuild the scenario: its bundled code, or URL mode's parameters. Without
   * it (a scenario object passed to run()), the run stays in this process.
   */
  source?: ScenarioSource;
  options: RunOptions;
  /** Options set explicitly (flags, environment): they override the scenario's load numbers. */
  explicit?: ReadonlySet<OptionName>;
  /** Profiles from a config file, over the built-in ones. */
  profiles?: Readonly<Record<string, ProfileLoad>>;
  outputs: readonly Output[];
  /** Count response bytes without keeping bodies (URL mode, where no script reads them). */
  discardBodies?: boolean;
  /** Aggregation and live-output interval; 1 s unless a test needs it faster. */
  tickMs?: number;
  /** Remote workers (a coordinator), instead of threads on this machine. */
  transport?: WorkerTransport;
  /** Stop the run when a worker is lost. */
  failOnWorkerLoss?: boolean;
  /** Run on even when every request of the first seconds failed to connect (`--keep-going`). */
  keepGoing?: boolean;
  /** Other processes to sample during the run (`--monitor-pid`), such as the service under test. */
  monitorPids?: readonly number[];
}

export interface RunHandle {
  /** Resolves with the Result when the run has ended and every output has finished. */
  readonly result: Promise<Result>;
  readonly state: EngineState;
  /** Graceful stop: users finish their current task within the grace period. */
  stop(): void;
  /** Stop now: in-flight requests are cut and recorded as failed. */
  kill(): Promise<void>;
  /**
   * A running load of a plain number of users: ramp to `change.users` at its spawn rate and hold
   * (the web UI's Edit); `by` ends the Result's note. Throws a VolleyError for any other load.
   */
  changeLoad(change: LoadChange, by?: string): void;
  /** Starts the statistics again from zero while the run goes on (the web UI's Reset stats). */
  resetStats(by?: string): void;
  /** The Result so far while the run goes on (the web UI's CSV downloads); undefined before the start. */
  resultSoFar(): Result | undefined;
}

/** Prepares the run (throwing at once on a bad scenario) and starts it. */
export function startRun(request: RunRequest, deps: RunControllerDeps = {}): RunHandle {
  return new RunController(request, deps).launch();
}
