/**
 * The load engine: runs one executor over a scenario's user classes and is the controller the
 * CLI, the web UI and the programmatic API drive.
 *
 *   idle ──run()──► running ──stop()──► stopping ──(users done)──► finished
 *                      │                   │ grace period over / kill()
 *                      │                   ▼
 *                      └──(users done)──► finished (killed: in-flight requests cut)
 *
 * A graceful stop lets every user finish its current task (within the grace period) and starts
 * nothing new; a kill cuts in-flight requests, which are then recorded as failed rather than lost.
 */

import { setMaxListeners } from 'node:events';
import type { MetricsRecorder } from '../metrics/recorder.js';
import { HttpClient } from '../protocols/http/index.js';
import { type Clock, realClock } from '../core/clock.js';
import { type CompiledClass, compileClass } from './compiled-class.js';
import type { Executor, ExecutorRuntime, SpawnOptions } from './executors/executor.js';
import { IterationBudget } from './iteration-budget.js';
import { type ExecutionSegment, SegmentOwnership, WHOLE } from './segment.js';
import type { ScenarioSpec } from './user-class.js';
import { VirtualUser, type VirtualUserEnvironment } from './virtual-user.js';

export type StopReason =
  /** The planned duration ended. */
  | 'duration'
  /** Every user finished on its own (iteration budget spent). */
  | 'completed'
  /** Stopped by hand: Ctrl-C, the web UI, the API. */
  | 'interrupted'
  /** A threshold with abortOnFail failed. */
  | 'threshold'
  /** Every request of the first seconds failed to connect: nothing listens at the target. */
  | 'unreachable';

export type EngineState =
  | { phase: 'idle' }
  | { phase: 'running'; startedAt: number }
  | { phase: 'stopping'; startedAt: number; reason: StopReason }
  | { phase: 'finished'; startedAt: number; reason: StopReason; killed: boolean };

export interface HttpDefaults {
  timeoutMs: number;
  headers: Record<string, string>;
  /** Keep-alive connections a user may open per origin. */
  connections: number;
  /** Redirects a request follows. */
  maxRedirects: number;
  /** Accept any TLS certificate. */
  insecure: boolean;
  /** Count response bytes without keeping bodies (URL mode, or discardResponseBodies). */
  discardBody: boolean;
  /** Response body bytes kept for the script. */
  maxBodySize?: number;
  /** The `accept-encoding` requests send; false for none. */
  acceptEncoding?: string | false;
  /** The HTTP version requests use unless they say otherwise (default 1). */
  httpVersion?: 1 | 2;
}

export interface LoadEngineOptions {
  scenario: ScenarioSpec;
  executor: Executor;
  recorder: MetricsRecorder;
  /** The class of each global spawn index (see user-mix.ts); indices past its end wrap around. */
  userMix: Uint16Array;
  /** What setup() returned. */
  data: unknown;
  /** Total iterations across all workers, or null for no limit. */
  iterations: number | null;
  /** Users the whole run has (all workers), which the iteration budget follows; default userMix.length. */
  budgetUsers?: number;
  gracefulStopMs: number;
  http: HttpDefaults;
  seed: number;
  segment?: ExecutionSegment;
  clock?: Clock;
  /** Called when the executor enters a named phase (a step of a step load, say). */
  onPhase?: (label: string, users: number | undefined) => void;
}

export interface EngineOutcome {
  reason: StopReason;
  /** True when the grace period ran out (or kill() was called) and in-flight work was cut. */
  killed: boolean;
}

/**
 * This segment's part of a shared iteration budget. Iteration j belongs to whoever owns user
 * j mod users, so a worker's share follows the users it runs (one without users gets none: its
 * iterations could never start), and the shares of all workers sum to exactly `iterations`.
 */
export function iterationShare(iterations: number, users: number, segment: ExecutionSegment): number {
  const ownership = new SegmentOwnership(segment);
  const total = Math.max(1, users);
  return Math.floor(iterations / total) * ownership.shareOf(total) + ownership.shareOf(iterations % total);
}

export class LoadEngine {
  private current: EngineState = { phase: 'idle' };
  private readonly clock: Clock;
  private readonly stopController = new AbortController();
  private readonly killController = new AbortController();
  private readonly timers = new AbortController();
  private readonly users = new Set<VirtualUser>();
  private readonly compiled: CompiledClass[];
  private readonly budget: IterationBudget | null;
  private stopReason: StopReason = 'completed';
  private readonly env: VirtualUserEnvironment;
  private killSettled: (() => void) | undefined;

  constructor(private readonly options: LoadEngineOptions) {
    this.clock = options.clock ?? realClock;
    // Every waiting user listens on these signals; thousands of listeners is the design, not a leak.
    setMaxListeners(0, this.stopController.signal, this.killController.signal, this.timers.signal);
    this.compiled = options.scenario.classes.map((spec) =>
      compileClass(spec, options.scenario.name, options.recorder),
    );
    const segment = options.segment ?? WHOLE;
    this.budget =
      options.iterations === null
        ? null
        : new IterationBudget(
            iterationShare(options.iterations, options.budgetUsers ?? options.userMix.length, segment),
          );
    this.env = {
      recorder: options.recorder,
      clock: this.clock,
      data: options.data,
      stopSignal: this.stopController.signal,
      killSignal: this.killController.signal,
      budget: this.budget,
      seed: options.seed,
      metrics: options.scenario.metrics ?? [],
    };
  }

  get state(): EngineState {
    return this.current;
  }

  /** Users alive right now. */
  get activeUsers(): number {
    return this.users.size;
  }

  get executor(): Executor {
    return this.options.executor;
  }

  async run(): Promise<EngineOutcome> {
    if (this.current.phase !== 'idle') throw new Error('a LoadEngine runs once');
    const startedAt = this.clock.now();
    this.current = { phase: 'running', startedAt };
    const killed = new Promise<void>((resolve) => {
      this.killSettled = resolve;
    });
    const { executor } = this.options;
    const runtime: ExecutorRuntime = {
      clock: this.clock,
      stopSignal: this.stopController.signal,
      recorder: this.options.recorder,
      spawn: (index, spawnOptions) => this.spawn(index, spawnOptions),
      createUser: (index) => this.createUser(index),
      retireUser: (user) => this.retireUser(user),
      phase: (label, users) => this.options.onPhase?.(label, users),
      startedAt: Number.NaN,
    };
    // The planned duration counts from the end of the executor's preparation, as its schedule does:
    // both from the one instant in `startedAt`.
    if (executor.prepare !== undefined) await Promise.race([executor.prepare(runtime), killed]);
    const started: ExecutorRuntime = { ...runtime, startedAt: this.clock.now() };
    const planned = executor.plannedDurationMs;
    if (planned !== null) {
      void this.clock.sleep(planned, this.timers.signal).then(() => {
        if (!this.timers.signal.aborted) this.stop('duration');
      });
    }
    const finished = executor.run(started);
    await Promise.race([finished, killed]);
    this.timers.abort();
    const wasKilled = this.killController.signal.aborted;
    this.current = { phase: 'finished', startedAt, reason: this.stopReason, killed: wasKilled };
    return { reason: this.stopReason, killed: wasKilled };
  }

  /** A closed-model load while it runs: ramp to `users` at `spawnRate` from now (see Executor). */
  changeUsers(users: number, spawnRate: number): boolean {
    const { executor } = this.options;
    if (this.current.phase !== 'running' || executor.changeUsers === undefined) return false;
    executor.changeUsers(users, spawnRate);
    return true;
  }

  /** Graceful stop: no new users or tasks; after the grace period, in-flight work is cut. */
  stop(reason: StopReason): void {
    if (this.current.phase !== 'running') return;
    this.stopReason = reason;
    this.current = { phase: 'stopping', startedAt: this.current.startedAt, reason };
    this.stopController.abort();
    void this.clock.sleep(this.options.gracefulStopMs, this.timers.signal).then(() => {
      if (!this.timers.signal.aborted) void this.kill();
    });
  }

  /** Cuts every in-flight request now; resolves once users had a moment to record them. */
  async kill(reason?: StopReason): Promise<void> {
    if (this.current.phase === 'running') this.stop(reason ?? 'interrupted');
    if (this.killController.signal.aborted || this.current.phase === 'finished') return;
    this.killController.abort();
    await Promise.all([...this.users].map((user) => user.kill().catch(() => undefined)));
    // Destroyed requests resolve on the next turns of the loop; let them land in the recorder.
    await new Promise<void>((resolve) => setTimeout(resolve, 50));
    this.killSettled?.();
  }

  private async spawn(index: number, options: SpawnOptions = {}): Promise<void> {
    const user = this.newUser(index);
    try {
      await user.run(options.stop ?? this.stopController.signal, options.iterations);
    } finally {
      this.users.delete(user);
    }
  }

  private async createUser(index: number): Promise<VirtualUser | null> {
    const user = this.newUser(index);
    if (await user.start()) return user;
    await this.retireUser(user);
    return null;
  }

  private async retireUser(user: VirtualUser): Promise<void> {
    try {
      await user.finish();
    } finally {
      this.users.delete(user);
    }
  }

  private newUser(index: number): VirtualUser {
    const mix = this.options.userMix;
    const classIndex = mix.length === 0 ? 0 : (mix[index % mix.length] as number);
    const compiled = this.compiled[classIndex] as CompiledClass;
    const http = new HttpClient({
      baseUrl: compiled.spec.host ?? this.options.scenario.host,
      recorder: this.options.recorder,
      timeoutMs: this.options.http.timeoutMs,
      headers: this.options.http.headers,
      connections: this.options.http.connections,
      maxRedirects: this.options.http.maxRedirects,
      insecure: this.options.http.insecure,
      discardBody: this.options.http.discardBody,
      maxBodySize: this.options.http.maxBodySize,
      acceptEncoding: this.options.http.acceptEncoding,
      httpVersion: this.options.http.httpVersion,
    });
    const user = new VirtualUser(index, compiled, http, this.env);
    this.users.add(user);
    return user;
  }
}
