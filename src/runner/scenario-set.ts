/**
 * Several load engines run as one: each scenario's engine starts after its start time, they share
 * the recorder (rows keyed by scenario), and stop, kill and the outcome apply to all of them.
 */

import { sleepLong as sleep } from '../core/long-timeout.js';
import type { EngineOutcome, EngineState, LoadEngine, StopReason } from '../engine/load-engine.js';

export interface ScheduledEngine {
  engine: LoadEngine;
  startTimeMs: number;
}

export class ScenarioSet {
  private readonly stopped = new AbortController();
  private reason: StopReason | undefined;
  private started = false;

  constructor(private readonly scheduled: readonly ScheduledEngine[]) {}

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
        if (startTimeMs > 0) await sleep(startTimeMs, this.stopped.signal);
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
}
