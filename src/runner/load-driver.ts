/**
 * What the run loop drives: the engines in this process, or worker threads running segments of
 * the load. Either way the run loop asks for the snapshots gathered since it last asked, and
 * stops, kills and awaits the whole.
 */

import type { EngineOutcome, EngineState, StopReason } from '../engine/load-engine.js';
import type { IntervalRecorder } from '../metrics/interval-recorder.js';
import type { DecodedSnapshot } from '../metrics/decoded-snapshot.js';
import type { LoopDelaySource } from '../monitor/index.js';
import type { ScenarioSet } from './scenario-set.js';

export interface LoadDriver {
  readonly state: EngineState;
  readonly activeUsers: number;
  readonly plannedDurationMs: number | null;
  readonly maxUsers: number;
  run(): Promise<EngineOutcome>;
  /** Every snapshot since the previous call, decoded (the local recorder is flushed now). */
  collect(): DecodedSnapshot[];
  stop(reason: StopReason): void;
  kill(reason: StopReason): Promise<void>;
  /** Where the load runs in other threads or machines: their event-loop delay, for the self-check. */
  readonly workerLoopDelay?: LoopDelaySource;
}

/** The whole load in this process, recording into one recorder. */
export class LocalDriver implements LoadDriver {
  /** Set by the run when a phase starts; stamped on every snapshot. */
  phase: string | null = null;

  constructor(
    private readonly set: ScenarioSet,
    private readonly recorder: IntervalRecorder,
  ) {}

  get state() {
    return this.set.state;
  }
  get activeUsers() {
    return this.set.activeUsers;
  }
  get plannedDurationMs() {
    return this.set.plannedDurationMs;
  }
  get maxUsers() {
    return this.set.maxUsers;
  }
  run() {
    return this.set.run();
  }
  collect(): DecodedSnapshot[] {
    return [this.recorder.flushDecoded(this.set.activeUsers, this.phase)];
  }
  stop(reason: StopReason) {
    this.set.stop(reason);
  }
  kill(reason: StopReason) {
    return this.set.kill(reason);
  }
}
