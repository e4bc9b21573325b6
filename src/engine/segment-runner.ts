/**
 * Runs one segment of the load in this process, for a worker: compile the scenario exactly as a
 * single process would, build the segment's engines (local-driver.ts), wait for the start, hand
 * a snapshot to the caller every tick, obey stop and kill, and return the outcome. What carries
 * the snapshots and commands (a thread's port, a WebSocket) is the cluster's business.
 */

import type { ProfileLoad } from '../config/profiles.js';
import type { OptionName, RunOptions } from '../config/run-options.js';
import { IntervalRecorder } from '../metrics/interval-recorder.js';
import type { Snapshot } from '../metrics/snapshot.js';
import { EventLoopDelay } from '../monitor/index.js';
import type { LoadChange } from './load-driver.js';
import { LocalDriver } from './local-driver.js';
import type { EngineOutcome } from './load-engine.js';
import type { ScenarioDefinition } from './scenario-definition.js';
import { compileUnits } from './scenario-units.js';
import type { ExecutionSegment } from './segment.js';

export interface SegmentWork {
  scenario: ScenarioDefinition<unknown>;
  exports: Record<string, unknown>;
  /** The scenario file, for messages. */
  origin: string;
  options: RunOptions;
  explicit: ReadonlySet<OptionName>;
  profiles: Readonly<Record<string, ProfileLoad>>;
  worker: number;
  segment: ExecutionSegment;
  /** What setup() returned in the coordinator. */
  data: unknown;
  /** The shared time origin (epoch ms), until the start moves it. */
  originMs: number;
  tickMs: number;
  discardBodies: boolean;
}

export interface SegmentEvents {
  /** A tick's stats, and this thread's event-loop delay p99 over it (its saturation, in ms). */
  snapshot(snapshot: Snapshot, loopDelayP99Ms: number): void;
  /** The load entered a named phase (a step). */
  phase(label: string, users: number | null): void;
}

export class SegmentRunner {
  private originMs: number;
  private readonly recorder: IntervalRecorder;
  private readonly driver: LocalDriver;
  /** This thread's own saturation: the coordinator's self-check takes the worst of its workers'. */
  private readonly loopDelay = new EventLoopDelay();

  /** Compiles the scenario and builds the engines: throws on a scenario the worker cannot run. */
  constructor(
    private readonly work: SegmentWork,
    private readonly events: SegmentEvents,
  ) {
    this.originMs = work.originMs;
    const { units } = compileUnits({
      scenario: work.scenario,
      exports: work.exports,
      options: work.options,
      explicit: work.explicit,
      profiles: work.profiles,
      origin: work.origin,
    });
    this.recorder = new IntervalRecorder({
      redact: !work.options.showSecrets,
      slowest: work.options.slowest ?? undefined,
      worker: work.worker,
      now: () => performance.timeOrigin + performance.now() - this.originMs,
    });
    this.driver = new LocalDriver({
      units,
      recorder: this.recorder,
      data: work.data,
      options: work.options,
      segment: work.segment,
      discardBodies: work.discardBodies,
      onPhase: (label, users) => {
        this.postSnapshot(this.driver.activeUsers);
        this.events.phase(label, users ?? null);
      },
    });
  }

  /** A new number of users for the whole load: this segment ramps its share (see LoadDriver). */
  changeLoad(change: LoadChange): void {
    this.driver.changeLoad(change);
  }

  stop(): void {
    this.driver.stop('interrupted');
  }

  kill(): Promise<void> {
    return this.driver.kill('interrupted');
  }

  /** Runs the segment; `started` (remote workers) resolves at the coordinator's shared start. */
  async run(started?: Promise<void>): Promise<EngineOutcome> {
    if (started !== undefined) {
      await started;
      this.originMs = performance.timeOrigin + performance.now();
      this.recorder.flush(0, null); // Start the first interval at the shared start.
    }
    this.loopDelay.start();
    const ticker = setInterval(() => this.postSnapshot(this.driver.activeUsers), this.work.tickMs);
    const outcome = await this.driver.run();
    clearInterval(ticker);
    this.postSnapshot(0);
    this.loopDelay.stop();
    return outcome;
  }

  private postSnapshot(users: number): void {
    this.events.snapshot(this.recorder.flush(users, this.driver.currentPhase), this.loopDelay.takeP99Ms());
  }
}
