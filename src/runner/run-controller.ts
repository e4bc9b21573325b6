/**
 * The run controller: one object per run, in explicit phases.
 *
 *   prepare (constructor) ─► start() ─► tick() every tickMs while the driver runs ─► finish() ─► Result
 *
 * prepare compiles the scenario and checks the load (throws at once on a bad one); start runs
 * setup(), builds the LoadDriver (engines here, or workers), tells the outputs and starts the
 * monitors; tick merges the snapshot deltas, updates live outputs and checks unreachable targets
 * and abortOnFail thresholds; finish closes the last interval, runs teardown(), builds the Result
 * and tells the outputs. Time comes from an injected clock, so each phase runs on a virtual one in
 * tests. stop() and kill() before the driver exists are remembered and applied at the start.
 */

import type { TargetSamples } from '../monitor/index.js';
import { ProcessMonitor, SelfSampler, startPidMonitors } from '../monitor/index.js';
import { WorkersDriver } from '../cluster/workers-driver.js';
import { type Clock, realClock } from '../core/clock.js';
import type { LoadChange, LoadDriver } from '../engine/load-driver.js';
import { VolleyError } from '../errors.js';
import type { EngineOutcome, EngineState } from '../engine/load-engine.js';
import { intervalRows } from '../metrics/interval-rows.js';
import { rowOverflowWarning } from '../metrics/limits.js';
import type { Result } from '../metrics/result.js';
import { RunAggregate } from '../metrics/run-aggregate.js';
import type { RunStartInfo } from '../outputs/output.js';
import { VERSION } from '../version.js';
import { buildResult, type LoadChangeNote, type ResultInput, withLoadChanges } from './build-result.js';
import { abortingFailure, liveProgress, reachabilityView } from './live-progress.js';
import { type ChosenDriver, chooseDriver, type DriverContext } from './load-drivers.js';
import { loadRecord } from './load-record.js';
import { notifyOutputs } from './notify-outputs.js';
import { runHook } from './run-hook.js';
import { planRun, type RunPlan } from './run-plan.js';
import type { RunHandle, RunRequest } from './start-run.js';
import { unreachableTarget } from './unreachable-target.js';

export interface RunControllerDeps {
  /** Monotonic time: the run's length, the tick schedule, the local engines. */
  clock?: Clock;
  /** Epoch milliseconds with sub-millisecond precision: the recorder's time origin. */
  epochNow?: () => number;
  /** Wall time for `startedAt`. */
  dateNow?: () => number;
  /** Builds the driver; by default the engines here or workers (load-drivers.ts). */
  chooseDriver?: (context: DriverContext) => Promise<ChosenDriver>;
}

export class RunController implements RunHandle {
  readonly plan: RunPlan;
  readonly aggregate: RunAggregate;
  private readonly clock: Clock;
  private readonly epochNow: () => number;
  private readonly dateNow: () => number;
  private readonly warnings: string[];
  private chosen: ChosenDriver | undefined;
  private running: Promise<Result> | undefined;
  private pendingStop: 'stop' | 'kill' | undefined;
  private abortedBy: string | undefined;
  /** Undefined until the target answered or was judged unreachable (see unreachableTarget). */
  private reachability: string | null | undefined;
  private overflowWarned = false;
  private readonly loadChanges: LoadChangeNote[] = [];
  private data: unknown;
  private originMs = 0;
  private t0 = 0;
  private startedAtMs = 0;
  private monitors: { self: ProcessMonitor; targets: { stop(): TargetSamples[] } | null } | undefined;

  /** The prepare phase: compiles the scenario; throws on a bad scenario or a load too big. */
  constructor(
    private readonly request: RunRequest,
    private readonly deps: RunControllerDeps = {},
  ) {
    this.plan = planRun(request);
    this.aggregate = new RunAggregate(this.plan.windowMs);
    this.warnings = [...this.plan.notes];
    this.reachability = request.keepGoing === true ? null : undefined;
    this.clock = deps.clock ?? realClock;
    this.epochNow = deps.epochNow ?? (() => performance.timeOrigin + performance.now());
    this.dateNow = deps.dateNow ?? Date.now;
  }

  /** Runs every phase in order, once (startRun does; tests may drive the phases by hand instead). */
  launch(): this {
    this.running ??= this.run();
    return this;
  }

  /** Resolves with the Result when the run has ended and every output has finished. */
  get result(): Promise<Result> {
    if (this.running === undefined) throw new Error('the run was not launched');
    return this.running;
  }

  get state(): EngineState {
    return this.chosen?.driver.state ?? { phase: 'idle' };
  }

  stop(): void {
    if (this.chosen === undefined) this.pendingStop = 'stop';
    else this.chosen.driver.stop('interrupted');
  }

  async kill(): Promise<void> {
    if (this.chosen === undefined) this.pendingStop = 'kill';
    else await this.chosen.driver.kill('interrupted');
  }

  /**
   * From now on, ramp to `change.users` at its spawn rate and hold there (`by` says who asked, for
   * the Result's note). Only a running load of a plain number of users can change; otherwise
   * throws a VolleyError saying why.
   */
  changeLoad(change: LoadChange, by = 'by hand'): void {
    const live = this.runningDriver('the load can change');
    const units = this.plan.units;
    if (units.length !== 1 || units[0]?.load.plan.executor !== 'ramping-users') {
      throw new VolleyError(
        'VOLLEY_E_USAGE',
        `only a load of a plain number of users can change while it runs; this one is ${loadRecord(units).description}`,
      );
    }
    live.changeLoad(change);
    const atS = this.elapsedSeconds();
    this.loadChanges.push({ ...change, atS });
    this.warnings.push(`Users changed to ${change.users} (at ${change.spawnRate}/s) at ${atS}s ${by}.`);
  }

  /**
   * Starts the statistics again from zero (Locust's Reset stats): what was gathered so far is
   * merged, then dropped; the Result covers the run from here, and says so.
   */
  resetStats(by = 'by hand'): void {
    this.runningDriver('statistics can be reset');
    this.tick();
    this.aggregate.reset();
    this.warnings.push(`Statistics were reset at ${this.elapsedSeconds()}s ${by}: the figures cover the run from then on.`);
  }

  /** The Result so far, while the run goes on (no time series, no verdict worth reading); undefined before the start. */
  resultSoFar(): Result | undefined {
    if (this.chosen === undefined) return undefined;
    return buildResult({
      ...this.resultInput({ reason: 'interrupted', killed: false }, this.clock.now() - this.t0, [], []),
      partial: true,
    });
  }

  private runningDriver(action: string): LoadDriver {
    const live = this.chosen?.driver;
    if (live === undefined || live.state.phase !== 'running')
      throw new VolleyError('VOLLEY_E_USAGE', `${action} only while the run is running`);
    return live;
  }

  private elapsedSeconds(): number {
    return Math.round((this.clock.now() - this.t0) / 1000);
  }

  /** Every phase in order: start, tick while the load runs, finish. */
  private async run(): Promise<Result> {
    const driver = await this.start();
    const ticking = new AbortController();
    void this.tickEvery(this.plan.tickMs, ticking.signal);
    let outcome: EngineOutcome;
    // A failure inside volley mid-run still leaves the figures so far, written as any run's are.
    let crash: unknown;
    try {
      outcome = await driver.run();
    } catch (error) {
      crash = error;
      outcome = { reason: 'interrupted', killed: true };
    } finally {
      ticking.abort();
      this.chosen?.bundle?.remove();
    }
    return this.finish(outcome, crash);
  }

  /**
   * The start phase: setup(), the driver, outputs' onStart, monitors, time zero. Returns the
   * driver, not yet running (run() awaits it; a test may drive it by hand).
   */
  async start(): Promise<LoadDriver> {
    const { request, plan } = this;
    if (this.chosen !== undefined) throw new Error('a run starts once');
    this.data = await runHook('setup()', plan.origin, () => request.scenario.setup?.());
    this.originMs = this.epochNow();
    const chosen = await (this.deps.chooseDriver ?? chooseDriver)(this.driverContext());
    this.chosen = chosen;
    const live = chosen.driver;
    const self = new ProcessMonitor({ intervalMs: 1000, sampler: new SelfSampler(live.workerLoopDelay) });
    const pids = request.monitorPids ?? [];
    this.monitors = { self, targets: pids.length > 0 ? startPidMonitors(pids, { intervalMs: 1000 }) : null };
    this.startedAtMs = this.dateNow();
    await notifyOutputs(request.outputs, 'onStart', this.startInfo(live));
    this.originMs = this.epochNow();
    this.t0 = this.clock.now();
    self.start();
    if (this.pendingStop === 'stop') live.stop('interrupted');
    if (this.pendingStop === 'kill') void live.kill('interrupted');
    return live;
  }

  /** The tick phase: merge what the driver gathered, update live outputs, check abort rules. */
  tick(): void {
    const live = this.chosen?.driver;
    if (live === undefined) return;
    const snapshots = live.collect();
    if (snapshots.length === 0) return;
    const last = this.aggregate.addAllDecoded(snapshots);
    if (this.aggregate.rowsOverflowed && !this.overflowWarned) {
      this.overflowWarned = true;
      process.stderr.write(`\nvolley: warning: ${rowOverflowWarning()}\n`);
    }
    // The live rows (percentiles of every row so far) are built only for outputs that show them.
    const listeners = this.request.outputs.filter((output) => output.onProgress !== undefined);
    if (listeners.length > 0) {
      const progress = liveProgress(this.aggregate, live, last);
      if (listeners.some((output) => output.wantsIntervalRows === true)) progress.interval = intervalRows(snapshots);
      for (const output of listeners) {
        try {
          output.onProgress?.(progress);
        } catch {
          // A broken live display must not end the measurement.
        }
      }
    }
    if (this.reachability === undefined && live.state.phase === 'running') {
      this.reachability = unreachableTarget(reachabilityView(this.aggregate), this.plan.options.host ?? '');
      if (typeof this.reachability === 'string') live.stop('unreachable');
    }
    const failed = abortingFailure(this.plan.thresholds, this.aggregate);
    if (failed !== undefined && live.state.phase === 'running') {
      this.abortedBy = failed.expression;
      live.stop('threshold');
    }
  }

  /** The finish phase: last interval, monitors, teardown(), the Result, outputs' onEnd. */
  async finish(outcome: EngineOutcome, crash?: unknown): Promise<Result> {
    const { request, plan } = this;
    const live = this.chosen?.driver;
    if (live === undefined) throw new Error('finish() before start()');
    this.tick();
    const durationMs = this.clock.now() - this.t0;
    const samples = this.monitors?.self.stop() ?? [];
    const targetSamples = this.monitors?.targets?.stop() ?? [];
    await runHook('teardown()', plan.origin, () => request.scenario.teardown?.(this.data));
    const result = buildResult(this.resultInput(outcome, durationMs, samples, targetSamples));
    this.addWarnings(result, live, crash);
    await notifyOutputs(request.outputs, 'onEnd', result);
    if (crash !== undefined) throw crash;
    return result;
  }

  private resultInput(
    outcome: EngineOutcome,
    durationMs: number,
    samples: ResultInput['monitorSamples'],
    targetSamples: NonNullable<ResultInput['targetSamples']>,
  ): ResultInput {
    const { request, plan } = this;
    const live = this.chosen?.driver;
    return {
      version: VERSION,
      scenarioName: plan.scenarioName,
      file: request.file,
      options: plan.options,
      startedAtMs: this.startedAtMs,
      durationMs,
      aggregate: this.aggregate,
      thresholds: plan.thresholds,
      outcome,
      hadPlannedEnd: live?.plannedDurationMs !== null || plan.units.some((unit) => unit.load.iterations !== null),
      load: withLoadChanges(loadRecord(plan.units), this.loadChanges),
      abortedBy: this.abortedBy,
      ...(typeof this.reachability === 'string' ? { unreachable: this.reachability } : {}),
      monitorSamples: samples,
      targetSamples,
    };
  }

  /** Ticks on the clock's schedule until `signal` aborts; a late tick does not bunch the next. */
  private async tickEvery(tickMs: number, signal: AbortSignal): Promise<void> {
    let next = this.clock.now() + tickMs;
    for (;;) {
      await this.clock.sleep(next - this.clock.now(), signal);
      if (signal.aborted) return;
      this.tick();
      next += tickMs;
      if (next <= this.clock.now()) next = this.clock.now() + tickMs;
    }
  }

  private driverContext(): DriverContext {
    return {
      request: this.request,
      plan: this.plan,
      data: this.data,
      clock: this.clock,
      originMs: this.originMs,
      sinceOrigin: () => this.epochNow() - this.originMs,
      onPhase: (label, users) => {
        if (users !== undefined) this.aggregate.declarePhase(label, users);
      },
      closeInterval: () => this.tick(),
      onWorkersStarted: () => {
        this.t0 = this.clock.now();
      },
      warn: (text) => this.warnings.push(text),
    };
  }

  private startInfo(live: LoadDriver): RunStartInfo {
    const { request, plan } = this;
    return {
      scenario: plan.scenarioName,
      file: request.file,
      host: plan.options.host ?? '',
      startedAt: new Date(this.startedAtMs).toISOString(),
      plannedDurationMs: live.plannedDurationMs,
      plannedUsers: live.maxUsers,
      options: { ...plan.options },
    };
  }

  private addWarnings(result: Result, live: LoadDriver, crash: unknown): void {
    if (live instanceof WorkersDriver) {
      result.workers = live.workerReports.map((report) => ({ ...report }));
      for (const report of live.workerReports) {
        if (report.lost !== null) {
          result.warnings.push(
            `Worker ${report.worker} was lost (${report.lost}): its share of the load ` +
              `(1/${this.chosen?.workers ?? 1}) did not run from then on.`,
          );
        }
      }
    }
    result.warnings.push(...this.warnings);
    if (crash !== undefined) {
      result.warnings.push(`volley failed mid-run (${crash instanceof Error ? crash.message : String(crash)}): the figures end there.`);
    }
  }
}
