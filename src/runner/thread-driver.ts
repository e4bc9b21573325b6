/**
 * Drives worker threads, each running one execution segment of the load (cluster/thread-pool.ts),
 * and presents them to the run loop as one driver: their snapshot deltas are queued for the
 * aggregator, users summed, stop and kill broadcast. A worker that dies is reported, with the
 * share of the load that was lost, and the run goes on with the others.
 */

import type { ScenarioSource, WorkerAssignment } from '../cluster/protocol.js';
import { PROTOCOL_VERSION } from '../cluster/protocol.js';
import { ThreadPool } from '../cluster/thread-pool.js';
import type { ProfileLoad } from '../config/profiles.js';
import type { OptionName, RunOptions } from '../config/run-options.js';
import type { EngineOutcome, EngineState, StopReason } from '../engine/load-engine.js';
import { evenSegments } from '../engine/segment.js';
import { VolleyError, type VolleyErrorCode } from '../errors.js';
import type { Snapshot } from '../metrics/snapshot.js';
import type { LoadDriver } from './load-driver.js';

export interface ThreadDriverParams {
  workers: number;
  source: ScenarioSource;
  options: RunOptions;
  explicit: ReadonlySet<OptionName>;
  profiles: Readonly<Record<string, ProfileLoad>>;
  data: unknown;
  originMs: number;
  tickMs: number;
  discardBodies: boolean;
  plannedDurationMs: number | null;
  maxUsers: number;
  onPhase: (label: string, users: number | undefined) => void;
}

export interface WorkerReport {
  worker: number;
  requests: number;
  failures: number;
  /** Why the worker was lost, when it was. */
  lost: string | null;
}

const ENTRY = new URL('./worker-main.js', import.meta.url);

export class ThreadDriver implements LoadDriver {
  private readonly queue: Snapshot[] = [];
  private readonly users = new Map<number, number>();
  private readonly reports: WorkerReport[];
  private pool: ThreadPool | undefined;
  private phase: EngineState['phase'] = 'idle';
  private startedAt = 0;
  private reason: StopReason | undefined;
  private killed = false;
  private failure: VolleyError | undefined;

  constructor(private readonly params: ThreadDriverParams) {
    this.reports = Array.from({ length: params.workers }, (_, worker) => ({
      worker,
      requests: 0,
      failures: 0,
      lost: null,
    }));
  }

  get state(): EngineState {
    switch (this.phase) {
      case 'idle':
        return { phase: 'idle' };
      case 'running':
        return { phase: 'running', startedAt: this.startedAt };
      case 'stopping':
        return { phase: 'stopping', startedAt: this.startedAt, reason: this.reason ?? 'interrupted' };
      case 'finished':
        return {
          phase: 'finished',
          startedAt: this.startedAt,
          reason: this.reason ?? 'completed',
          killed: this.killed,
        };
    }
  }

  get activeUsers(): number {
    let sum = 0;
    for (const count of this.users.values()) sum += count;
    return sum;
  }

  get plannedDurationMs(): number | null {
    return this.params.plannedDurationMs;
  }

  get maxUsers(): number {
    return this.params.maxUsers;
  }

  /** Per-worker counts and health, for the result's `workers` section. */
  get workerReports(): readonly WorkerReport[] {
    return this.reports;
  }

  async run(): Promise<EngineOutcome> {
    const { params } = this;
    const assignments: WorkerAssignment[] = evenSegments(params.workers).map((segment, worker) => ({
      version: PROTOCOL_VERSION,
      worker,
      segment,
      source: params.source,
      options: { ...params.options },
      explicit: [...params.explicit],
      profiles: { ...params.profiles },
      data: params.data,
      originMs: params.originMs,
      tickMs: params.tickMs,
      discardBodies: params.discardBodies,
    }));
    const reasons: string[] = [];
    this.startedAt = performance.now();
    this.phase = this.reason === undefined ? 'running' : 'stopping';
    this.pool = new ThreadPool(ENTRY, assignments, {
      message: (worker, message) => {
        switch (message.type) {
          case 'snapshot':
            this.users.set(worker, message.snapshot.users);
            this.count(worker, message.snapshot);
            this.queue.push(message.snapshot);
            return;
          case 'phase':
            if (worker === 0) params.onPhase(message.label, message.users ?? undefined);
            return;
          case 'done':
            this.users.set(worker, 0);
            reasons.push(message.reason);
            this.killed ||= message.killed;
            return;
          case 'failed':
            this.users.set(worker, 0);
            this.failure ??= new VolleyError(
              (message.code as VolleyErrorCode | null) ?? 'VOLLEY_E_SCENARIO',
              message.message,
            );
            this.pool?.broadcast({ type: 'kill' });
            return;
        }
      },
      lost: (worker, reason) => {
        this.users.set(worker, 0);
        const report = this.reports[worker];
        if (report !== undefined) report.lost = reason;
      },
    });
    if (this.reason !== undefined) this.pool.broadcast({ type: 'stop' });
    await this.pool.whenExited();
    this.phase = 'finished';
    if (this.failure !== undefined) throw this.failure;
    this.reason ??= reasons.includes('duration') ? 'duration' : 'completed';
    return { reason: this.reason, killed: this.killed };
  }

  collect(): Snapshot[] {
    return this.queue.splice(0);
  }

  stop(reason: StopReason): void {
    if (this.phase === 'finished') return;
    this.reason ??= reason;
    if (this.phase === 'running') this.phase = 'stopping';
    this.pool?.broadcast({ type: 'stop' });
  }

  async kill(reason: StopReason): Promise<void> {
    this.stop(reason);
    this.pool?.broadcast({ type: 'kill' });
  }

  private count(worker: number, snapshot: Snapshot): void {
    const report = this.reports[worker];
    if (report === undefined) return;
    for (const row of snapshot.endpoints) {
      report.requests += row.requests;
      report.failures += row.failures;
    }
  }
}
