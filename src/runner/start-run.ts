/**
 * Runs a scenario end to end: setup → engines (in this process, or worker threads each running a
 * segment of the load) → every second: merge the snapshot deltas, update live outputs, check
 * abortOnFail thresholds → teardown → Result → thresholds → end-of-run outputs. Returns a handle
 * the CLI (Ctrl-C), the web UI and tests drive.
 */

import type { ScenarioDefinition } from '../api/define.js';
import type { ScenarioSource } from '../cluster/protocol.js';
import { ThreadPool } from '../cluster/thread-pool.js';
import type { WorkerTransport } from '../cluster/transport.js';
import type { ProfileLoad } from '../config/profiles.js';
import type { OptionName, RunOptions } from '../config/run-options.js';
import { checkUsersFit, machineCapacity, type MachineCapacity } from '../config/machine-limits.js';
import { createExecutor, describePlan, peakUsers } from '../engine/executors/load-plan.js';
import type { EngineState } from '../engine/load-engine.js';
import { WHOLE } from '../engine/segment.js';
import { VolleyError } from '../errors.js';
import { IntervalRecorder } from '../metrics/interval-recorder.js';
import { rowOverflowWarning } from '../metrics/limits.js';
import type { Result } from '../metrics/result.js';
import { RunAggregate } from '../metrics/run-aggregate.js';
import { ProcessMonitor, SelfSampler, startPidMonitors } from '../monitor/index.js';
import type { LiveProgress, Output, RunStartInfo } from '../outputs/output.js';
import { evaluateThreshold, type ThresholdSpec } from '../thresholds/index.js';
import { VERSION } from '../version.js';
import { buildResult } from './build-result.js';
import { type LoadDriver, LocalDriver } from './load-driver.js';
import { buildScenarioSet } from './local-run.js';
import { notifyOutputs } from './notify-outputs.js';
import { compileUnits, type ScenarioUnit } from './scenario-units.js';
import { writeWorkerBundle } from './worker-bundle.js';
import { WorkersDriver } from './workers-driver.js';
import { unreachableTarget } from './unreachable-target.js';
import { loadRecord } from './load-record.js';

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
}

export function startRun(request: RunRequest): RunHandle {
  const { options } = request;
  const origin = request.file ?? 'scenario';
  const scenarioName = runName(request.scenario, request.file);
  const explicit = request.explicit ?? new Set<OptionName>();
  const { units, thresholds, notes } = compileUnits({
    scenario: request.scenario,
    exports: request.exports ?? {},
    options,
    explicit,
    profiles: request.profiles,
    origin,
  });
  // Remote workers run on their own machines; local runs must fit in this one.
  if (request.transport === undefined) checkLoadFits(units, machineCapacity());
  const windowMs = thresholds.reduce((max, spec) => Math.max(max, spec.windowMs ?? 0), 0);
  const aggregate = new RunAggregate(windowMs);
  const tickMs = request.tickMs ?? 1000;
  const warnings: string[] = [...notes];
  let driver: LoadDriver | undefined;
  let abortedBy: string | undefined;
  /** Undefined until the target answered or was judged unreachable (see unreachableTarget). */
  let reachability: string | null | undefined = request.keepGoing === true ? null : undefined;
  let pendingStop: 'stop' | 'kill' | undefined;
  let overflowWarned = false;

  const onPhase = (label: string, users: number | undefined): void => {
    if (users !== undefined) aggregate.declarePhase(label, users);
  };

  const run = async (): Promise<Result> => {
    const data = await runHook('setup()', origin, () => request.scenario.setup?.());
    let originMs = performance.timeOrigin + performance.now();
    const workers = request.transport?.size ?? (request.source === undefined ? 1 : options.workers);
    if (options.workers > 1 && request.source === undefined && explicit.has('workers')) {
      warnings.push('--workers needs a scenario file or --url; this run used one process.');
    }
    if (workers > 1) assertCloneable(data, origin);
    // Threads import a bundle written for them; remote workers get the code itself.
    const bundle =
      workers > 1 && request.transport === undefined && request.source !== undefined
        ? await writeWorkerBundle(request.source)
        : null;
    let local: LocalDriver | undefined;
    let t0 = 0;
    if (workers > 1 || request.transport !== undefined) {
      driver = new WorkersDriver({
        transport: request.transport ?? new ThreadPool(new URL('./worker-main.js', import.meta.url), workers),
        source: bundle?.source ?? (request.source as ScenarioSource),
        options,
        explicit,
        profiles: request.profiles ?? {},
        data,
        originMs,
        tickMs,
        discardBodies: request.discardBodies === true,
        ...plannedShape(units, options.seed),
        onPhase,
        failOnWorkerLoss: request.failOnWorkerLoss === true,
        // The run's length counts from when the workers start, not from when their threads (or
        // machines) began loading the scenario.
        onStarted: () => {
          t0 = performance.now();
        },
      });
    } else {
      const recorder = new IntervalRecorder({
        redact: !options.showSecrets,
        now: () => performance.timeOrigin + performance.now() - originMs,
      });
      const set = buildScenarioSet({
        units,
        recorder,
        data,
        options,
        segment: WHOLE,
        discardBodies: request.discardBodies === true,
        onPhase: (label, users) => {
          // Close the previous phase's interval now, so each phase's stats are its own.
          tick();
          if (local !== undefined) local.phase = label;
          onPhase(label, users);
        },
      });
      local = new LocalDriver(set, recorder);
      driver = local;
    }
    const live = driver;
    const monitor = new ProcessMonitor({ intervalMs: 1000, sampler: new SelfSampler(live.workerLoopDelay) });
    const targets = (request.monitorPids ?? []).length > 0 ? startPidMonitors(request.monitorPids ?? [], { intervalMs: 1000 }) : null;
    const startedAtMs = Date.now();
    const startInfo: RunStartInfo = {
      scenario: scenarioName,
      file: request.file,
      host: options.host ?? '',
      startedAt: new Date(startedAtMs).toISOString(),
      plannedDurationMs: live.plannedDurationMs,
      plannedUsers: live.maxUsers,
      options: { ...options },
    };
    await notifyOutputs(request.outputs, 'onStart', startInfo);
    const tick = (): void => {
      const snapshots = live.collect();
      if (snapshots.length === 0) return;
      const last = aggregate.addAllDecoded(snapshots);
      if (aggregate.rowsOverflowed && !overflowWarned) {
        overflowWarned = true;
        process.stderr.write(`\nvolley: warning: ${rowOverflowWarning()}\n`);
      }
      const progress: LiveProgress = {
        elapsedMs: aggregate.elapsedMs,
        plannedDurationMs: live.plannedDurationMs,
        users: live.activeUsers,
        rps: last.requests / last.seconds,
        p95Ms: last.p95Ms,
        failuresPerSec: last.failures / last.seconds,
        requests: aggregate.requests,
        failures: aggregate.failures,
        taskErrors: aggregate.taskErrors,
        phase: live.state.phase === 'running' ? 'running' : 'stopping',
        endpoints: aggregate.liveRows(),
        total: aggregate.liveTotal(),
        errors: aggregate.liveErrors(),
      };
      for (const output of request.outputs) {
        try {
          output.onProgress?.(progress);
        } catch {
          // A broken live display must not end the measurement.
        }
      }
      if (reachability === undefined && live.state.phase === 'running') {
        reachability = unreachableTarget(progress, options.host ?? '');
        if (typeof reachability === 'string') live.stop('unreachable');
      }
      const failed = abortingFailure(thresholds, aggregate);
      if (failed !== undefined && live.state.phase === 'running') {
        abortedBy = failed.expression;
        live.stop('threshold');
      }
    };
    originMs = performance.timeOrigin + performance.now();
    t0 = performance.now();
    monitor.start();
    const ticker = setInterval(tick, tickMs);
    if (pendingStop === 'stop') live.stop('interrupted');
    if (pendingStop === 'kill') void live.kill('interrupted');
    let outcome: Awaited<ReturnType<LoadDriver['run']>>;
    // A failure inside volley mid-run still leaves the figures so far, written as any run's are.
    let crash: unknown;
    try {
      outcome = await live.run();
    } catch (error) {
      crash = error;
      outcome = { reason: 'interrupted', killed: true };
    } finally {
      clearInterval(ticker);
      bundle?.remove();
    }
    tick();
    const durationMs = performance.now() - t0;
    const samples = monitor.stop();
    const targetSamples = targets?.stop() ?? [];
    await runHook('teardown()', origin, () => request.scenario.teardown?.(data));
    const result = buildResult({
      version: VERSION,
      scenarioName,
      file: request.file,
      options,
      startedAtMs,
      durationMs,
      aggregate,
      thresholds,
      outcome,
      hadPlannedEnd: live.plannedDurationMs !== null || units.some((unit) => unit.load.iterations !== null),
      load: loadRecord(units),
      abortedBy,
      ...(typeof reachability === 'string' ? { unreachable: reachability } : {}),
      monitorSamples: samples,
      targetSamples,
    });
    if (live instanceof WorkersDriver) {
      result.workers = live.workerReports.map((report) => ({ ...report }));
      for (const report of live.workerReports) {
        if (report.lost !== null) {
          result.warnings.push(
            `Worker ${report.worker} was lost (${report.lost}): its share of the load (1/${workers}) ` +
              'did not run from then on.',
          );
        }
      }
    }
    result.warnings.push(...warnings);
    if (crash !== undefined) {
      result.warnings.push(`volley failed mid-run (${crash instanceof Error ? crash.message : String(crash)}): the figures end there.`);
    }
    await notifyOutputs(request.outputs, 'onEnd', result);
    if (crash !== undefined) throw crash;
    return result;
  };

  return {
    result: run(),
    get state(): EngineState {
      return driver?.state ?? { phase: 'idle' };
    },
    stop() {
      if (driver === undefined) pendingStop = 'stop';
      else driver.stop('interrupted');
    },
    async kill() {
      if (driver === undefined) pendingStop = 'kill';
      else await driver.kill('interrupted');
    },
  };
}

/** setup() data goes to every worker: it must survive structured cloning (no functions, sockets…). */
function assertCloneable(data: unknown, origin: string): void {
  try {
    structuredClone(data);
  } catch (error) {
    throw new VolleyError(
      'VOLLEY_E_SCENARIO',
      `${origin}: setup() returned a value that cannot be sent to worker threads ` +
        `(${(error as Error).message}); return plain data (objects, arrays, strings, numbers), or run with --workers 1`,
    );
  }
}

/** Planned length and users of the whole load, for displays (workers plan their own shares). */
function plannedShape(
  units: readonly ScenarioUnit[],
  seed: number,
): { plannedDurationMs: number | null; maxUsers: number } {
  let end: number | null = 0;
  let maxUsers = 0;
  for (const unit of units) {
    const executor = createExecutor(unit.load.plan, WHOLE, seed);
    maxUsers += executor.maxUsers;
    end =
      end === null || executor.plannedDurationMs === null
        ? null
        : Math.max(end, unit.startTimeMs + executor.plannedDurationMs);
  }
  return { plannedDurationMs: end, maxUsers };
}

/**
 * The first abortOnFail threshold that fails right now on real data, if any. "No data yet" (the
 * first seconds, a quiet window) is not a reason to abort; at the end it still fails the run.
 */
function abortingFailure(
  thresholds: readonly ThresholdSpec[],
  aggregate: RunAggregate,
): ThresholdSpec | undefined {
  return thresholds.find((spec) => {
    if (!spec.abortOnFail) return false;
    const verdict = evaluateThreshold(spec, aggregate);
    return !verdict.ok && verdict.actual !== null;
  });
}

async function runHook<T>(what: string, origin: string, hook: () => T | Promise<T>): Promise<Awaited<T>> {
  try {
    return await hook();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new VolleyError('VOLLEY_E_SCENARIO', `${origin}: ${what} failed: ${message}`, { cause: error });
  }
}

/** What a run is called in its result and live outputs: the scenario's name, else its file's. */
export function runName(scenario: ScenarioDefinition<unknown>, file: string | null): string {
  return scenario.name ?? (file === null ? 'scenario' : baseName(file));
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.[cm]?[jt]s$/, '');
}

/** Refuses a load whose users (every scenario's together) this machine cannot hold. */
function checkLoadFits(units: readonly ScenarioUnit[], capacity: MachineCapacity): void {
  const users = units.reduce((sum, unit) => sum + peakUsers(unit.load.plan), 0);
  const described = units.map((unit) => describePlan(unit.load.plan)).join('; ');
  checkUsersFit(users, described, capacity);
}
