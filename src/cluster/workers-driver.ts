/**
 * Drives workers (threads, or remote processes), each running one execution segment of the load,
 * and presents them to the run controller as one driver: their snapshot deltas are queued for the
 * aggregator, users summed, stop and kill broadcast. A worker that dies is reported, with the
 * share of the load that was lost, and the run goes on with the others.
 */

import { type FromWorker, PROTOCOL_VERSION, type ScenarioSource, type WorkerAssignment } from './protocol.js';
import type { WorkerTransport } from './transport.js';
import type { ProfileLoad } from '../config/profiles.js';
import type { OptionName, RunOptions } from '../config/run-options.js';
import type { EngineOutcome, EngineState, StopReason } from '../engine/load-engine.js';
import { evenSegments } from '../engine/segment.js';
import { VolleyError, type VolleyErrorCode } from '../errors.js';
import { countsInTotals } from '../metrics/endpoint-key.js';
import type { DecodedSnapshot } from '../metrics/decoded-snapshot.js';
import { decodeSnapshot } from '../metrics/snapshot-decoder.js';
import type { Snapshot } from '../metrics/snapshot.js';
import { WorstLoopDelay } from '../monitor/index.js';
import type { LoadChange, LoadDriver } from '../engine/load-driver.js';

export interface WorkersDriverParams {
  transport: WorkerTransport;
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
  /** Stop the whole run when a worker is lost (instead of going on with the others). */
  failOnWorkerLoss?: boolean;
  /** Called when every worker is ready and told to start: the load's time zero. */
  onStarted?: () => void;
}

export interface WorkerReport {
  worker: number;
  requests: number;
  failures: number;
  /** Why the worker was lost, when it was. */
  lost: string | null;
}

export class WorkersDriver implements LoadDriver {
  readonly workerLoopDelay = new WorstLoopDelay();
  private readonly queue: DecodedSnapshot[] = [];
  private readonly users = new Map<number, number>();
  private readonly reports: WorkerReport[];
  private launched = false;
  private phase: EngineState['phase'] = 'idle';
  private startedAt = 0;
  private reason: StopReason | undefined;
  private killed = false;
  private failure: VolleyError | undefined;
  /** Why each worker that finished did. */
  private readonly reasons: string[] = [];

  constructor(private readonly params: WorkersDriverParams) {
    this.reports = Array.from({ length: params.transport.size }, (_, worker) => ({
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
    const { transport } = this.params;
    this.startedAt = performance.now();
    this.phase = this.reason === undefined ? 'running' : 'stopping';
    await transport.launch(this.assignments(), {
      message: (worker, message) => this.receive(worker, message),
      lost: (worker, reason) => this.lose(worker, reason),
    });
    this.launched = true;
    this.params.onStarted?.();
    if (this.reason !== undefined) transport.broadcast({ type: 'stop' });
    await transport.whenExited();
    await transport.close();
    this.phase = 'finished';
    if (this.failure !== undefined) throw this.failure;
    this.reason ??= this.reasons.includes('duration') ? 'duration' : 'completed';
    return { reason: this.reason, killed: this.killed };
  }

  /** Each worker's share: an even segment of the load, with everything it needs to rebuild it. */
  private assignments(): WorkerAssignment[] {
    const { params } = this;
    return evenSegments(params.transport.size).map((segment, worker) => ({
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
  }

  private receive(worker: number, message: FromWorker): void {
    switch (message.type) {
      case 'hello':
      case 'ready':
        return;
      case 'snapshot': {
        // Decoded on arrival, so a histogram that does not decode is that worker's fault (the
        // transport refuses it) rather than the aggregator's. The index is the transport's: a
        // worker speaks only for itself.
        const decoded = decodeSnapshot({ ...message.snapshot, worker });
        this.users.set(worker, message.snapshot.users);
        this.count(worker, message.snapshot);
        this.queue.push(decoded);
        this.workerLoopDelay.note(message.loopDelayP99Ms);
        return;
      }
      case 'phase':
        if (worker === 0) this.params.onPhase(message.label, message.users ?? undefined);
        return;
      case 'done':
        this.users.set(worker, 0);
        this.reasons.push(message.reason);
        this.killed ||= message.killed;
        return;
      case 'failed':
        this.users.set(worker, 0);
        this.failure ??= new VolleyError(errorCode(message.code), `worker ${worker}: ${message.message}`);
        this.params.transport.broadcast({ type: 'kill' });
        return;
    }
  }

  private lose(worker: number, reason: string): void {
    this.users.set(worker, 0);
    const report = this.reports[worker];
    if (report !== undefined) report.lost = reason;
    if (this.params.failOnWorkerLoss === true) void this.kill('interrupted');
  }

  collect(): DecodedSnapshot[] {
    return this.queue.splice(0);
  }

  /**
   * Tells every worker the new count; each ramps its own share of it, as shares are split at the
   * start (execution segments). The run controller has checked that the load is a plain number of users.
   */
  changeLoad(change: LoadChange): void {
    if (this.phase !== 'running' || !this.launched) {
      throw new VolleyError('VOLLEY_E_USAGE', 'the load can change only while the run is running');
    }
    this.params.transport.broadcast({ type: 'load', users: change.users, spawnRate: change.spawnRate });
  }

  stop(reason: StopReason): void {
    if (this.phase === 'finished') return;
    this.reason ??= reason;
    if (this.phase === 'running') this.phase = 'stopping';
    if (this.launched) this.params.transport.broadcast({ type: 'stop' });
  }

  async kill(reason: StopReason): Promise<void> {
    this.stop(reason);
    if (this.launched) this.params.transport.broadcast({ type: 'kill' });
  }

  private count(worker: number, snapshot: Snapshot): void {
    const report = this.reports[worker];
    if (report === undefined) return;
    for (const row of snapshot.endpoints) {
      if (!countsInTotals(row.key)) continue;
      report.requests += row.requests;
      report.failures += row.failures;
    }
  }
}

const ERROR_CODES: readonly VolleyErrorCode[] = [
  'VOLLEY_E_USAGE',
  'VOLLEY_E_CONFIG',
  'VOLLEY_E_SCENARIO',
  'VOLLEY_E_THRESHOLD',
  'VOLLEY_E_IO',
];

/** A failed worker's error code, when it is one of ours; a scenario error otherwise. */
function errorCode(code: string | null): VolleyErrorCode {
  return ERROR_CODES.find((known) => known === code) ?? 'VOLLEY_E_SCENARIO';
}
