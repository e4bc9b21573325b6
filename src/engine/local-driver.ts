/**
 * The whole load (or one worker's segment of it) in this process: one LoadEngine per scenario,
 * each started after its start time, all recording into one recorder (rows keyed by scenario).
 * Stop, kill and the outcome apply to all of them. A single-process run and a worker build their
 * engines with this one class, so a worker runs exactly what the single process would have run
 * of its segment.
 */

import type { RunOptions } from '../config/run-options.js';
import type { DecodedSnapshot } from '../metrics/decoded-snapshot.js';
import type { IntervalRecorder } from '../metrics/interval-recorder.js';
import { VERSION } from '../version.js';
import { type Clock, realClock } from '../core/clock.js';
import { createExecutor, peakUsers } from './executors/load-plan.js';
import { VolleyError } from '../errors.js';
import type { LoadChange, LoadDriver } from './load-driver.js';
import { type EngineOutcome, type EngineState, LoadEngine, type StopReason } from './load-engine.js';
import type { ScenarioUnit } from './scenario-units.js';
import type { ExecutionSegment } from './segment.js';
import { classSequence } from './user-mix.js';

export interface LocalDriverParams {
  units: readonly ScenarioUnit[];
  recorder: IntervalRecorder;
  data: unknown;
  options: RunOptions;
  segment: ExecutionSegment;
  discardBodies: boolean;
  /** A scenario entered a named phase (a step); `label` is already prefixed with the scenario. */
  onPhase: (label: string, users: number | undefined) => void;
  clock?: Clock;
}

interface ScheduledEngine {
  engine: LoadEngine;
  startTimeMs: number;
}

export class LocalDriver implements LoadDriver {
  private phase: string | null = null;
  private readonly scheduled: readonly ScheduledEngine[];
  private readonly clock: Clock;
  private readonly stopped = new AbortController();
  private reason: StopReason | undefined;
  private started = false;

  constructor(private readonly params: LocalDriverParams) {
    this.clock = params.clock ?? realClock;
    this.scheduled = params.units.map((unit) => ({
      startTimeMs: unit.startTimeMs,
      engine: this.engineFor(unit),
    }));
  }

  /** The phase the load is in, for snapshots: the last one a scenario entered. */
  get currentPhase(): string | null {
    return this.phase;
  }

  get activeUsers(): number {
    return this.scheduled.reduce((sum, s) => sum + s.engine.activeUsers, 0);
  }

  /** Running while any engine runs; stopping once any was asked to stop. */
  get state(): EngineState {
    const states = this.scheduled.map((s) => s.engine.state);
    if (!this.started) return { phase: 'idle' };
    const startedAt = Math.min(
      ...states.map((s) => ('startedAt' in s ? s.startedAt : Number.POSITIVE_INFINITY)),
    );
    if (this.reason !== undefined && states.some((s) => s.phase !== 'finished')) {
      return { phase: 'stopping', startedAt, reason: this.reason };
    }
    if (states.some((s) => s.phase === 'running' || s.phase === 'idle'))
      return { phase: 'running', startedAt };
    return { phase: 'finished', startedAt, reason: this.reason ?? 'completed', killed: false };
  }

  /** The whole run's planned length: the latest planned end, or null if any has none. */
  get plannedDurationMs(): number | null {
    let end = 0;
    for (const { engine, startTimeMs } of this.scheduled) {
      if (engine.executor.plannedDurationMs === null) return null;
      end = Math.max(end, startTimeMs + engine.executor.plannedDurationMs);
    }
    return end;
  }

  get maxUsers(): number {
    return this.scheduled.reduce((sum, s) => sum + s.engine.executor.maxUsers, 0);
  }

  async run(): Promise<EngineOutcome> {
    this.started = true;
    const outcomes = await Promise.all(
      this.scheduled.map(async ({ engine, startTimeMs }): Promise<EngineOutcome | null> => {
        if (startTimeMs > 0) await this.clock.sleep(startTimeMs, this.stopped.signal);
        if (this.stopped.signal.aborted) return null;
        return engine.run();
      }),
    );
    const ran = outcomes.filter((o): o is EngineOutcome => o !== null);
    const killed = ran.some((o) => o.killed);
    if (this.reason !== undefined) return { reason: this.reason, killed };
    const reason: StopReason = ran.some((o) => o.reason === 'duration') ? 'duration' : 'completed';
    return { reason, killed };
  }

  collect(): DecodedSnapshot[] {
    return [this.params.recorder.flushDecoded(this.activeUsers, this.phase)];
  }

  changeLoad(change: LoadChange): void {
    const only = this.scheduled.length === 1 ? this.scheduled[0] : undefined;
    const plan = this.params.units[0]?.load.plan;
    if (only === undefined || plan?.executor !== 'ramping-users') {
      throw new VolleyError('VOLLEY_E_USAGE', 'only a load of a plain number of users can change while it runs');
    }
    if (!only.engine.changeUsers(change.users, change.spawnRate)) {
      throw new VolleyError('VOLLEY_E_USAGE', 'the load can change only while the run is running');
    }
  }

  stop(reason: StopReason): void {
    this.reason ??= reason;
    this.stopped.abort();
    for (const { engine } of this.scheduled) engine.stop(reason);
  }

  async kill(reason: StopReason): Promise<void> {
    this.reason ??= reason;
    this.stopped.abort();
    await Promise.all(this.scheduled.map(({ engine }) => engine.kill(reason)));
  }

  private engineFor(unit: ScenarioUnit): LoadEngine {
    const { options, segment } = this.params;
    const users = Math.max(1, peakUsers(unit.load.plan));
    return new LoadEngine({
      scenario: { name: unit.name, host: unit.host, classes: unit.classes, metrics: unit.metrics },
      executor: createExecutor(unit.load.plan, segment, options.seed),
      recorder: this.params.recorder,
      userMix: classSequence(unit.classes, users),
      data: this.params.data,
      iterations: unit.load.iterations,
      budgetUsers: users,
      gracefulStopMs: options.gracefulStopMs,
      http: {
        timeoutMs: options.timeoutMs,
        headers: { 'user-agent': `volley/${VERSION}` },
        connections: options.connections,
        maxRedirects: options.maxRedirects,
        insecure: options.insecure,
        discardBody: this.params.discardBodies || options.discardResponseBodies,
        maxBodySize: options.maxBodySize,
        acceptEncoding: options.acceptEncoding,
        httpVersion: options.httpVersion,
      },
      seed: options.seed,
      segment,
      clock: this.clock,
      onPhase: (label, users) => {
        const named = unit.name === '' ? label : `${unit.name}: ${label}`;
        // The caller closes the previous phase's interval first, so each phase's stats are its own.
        this.params.onPhase(named, users);
        this.phase = named;
      },
    });
  }
}
