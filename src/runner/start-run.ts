/**
 * Runs a scenario end to end in this process: setup → engine → (every second) flush the
 * recorder into the aggregator, update live outputs, check abortOnFail thresholds → teardown →
 * Result → thresholds → end-of-run outputs. Returns a handle the CLI (Ctrl-C), the web UI and
 * tests drive.
 */

import type { ScenarioDefinition } from '../api/define.js';
import type { ProfileLoad } from '../config/profiles.js';
import type { OptionName, RunOptions } from '../config/run-options.js';
import { createExecutor, describePlan, peakUsers } from '../engine/executors/load-plan.js';
import { type EngineState, LoadEngine } from '../engine/load-engine.js';
import { WHOLE } from '../engine/segment.js';
import { classSequence } from '../engine/user-mix.js';
import { VolleyError } from '../errors.js';
import { IntervalRecorder } from '../metrics/interval-recorder.js';
import type { Result } from '../metrics/result.js';
import { RunAggregate } from '../metrics/run-aggregate.js';
import { ProcessMonitor } from '../monitor/index.js';
import type { LiveProgress, Output, RunStartInfo } from '../outputs/output.js';
import { evaluateThreshold, type ThresholdSpec } from '../thresholds/index.js';
import { VERSION } from '../version.js';
import { buildResult } from './build-result.js';
import { notifyOutputs } from './notify-outputs.js';
import { ScenarioSet } from './scenario-set.js';
import { compileUnits } from './scenario-units.js';

export interface RunRequest {
  scenario: ScenarioDefinition<unknown>;
  /** The scenario module's exports, to name user classes after them. */
  exports?: Record<string, unknown>;
  /** The scenario file, or null for URL mode and programmatic runs. */
  file: string | null;
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
  const scenarioName = request.scenario.name ?? (request.file === null ? 'scenario' : baseName(request.file));
  const { units, thresholds } = compileUnits({
    scenario: request.scenario,
    exports: request.exports ?? {},
    options,
    explicit: request.explicit ?? new Set(),
    profiles: request.profiles,
    origin,
  });
  let t0 = performance.now();
  const recorder = new IntervalRecorder({ now: () => performance.now() - t0 });
  let phase: string | null = null;
  const windowMs = thresholds.reduce((max, spec) => Math.max(max, spec.windowMs ?? 0), 0);
  const aggregate = new RunAggregate(windowMs);
  let engines: ScenarioSet | undefined;
  let abortedBy: string | undefined;
  let pendingStop: 'stop' | 'kill' | undefined;

  const run = async (): Promise<Result> => {
    const data = await runHook('setup()', origin, () => request.scenario.setup?.());
    const scheduled = units.map((unit) => {
      const executor = createExecutor(unit.load.plan, WHOLE, options.seed);
      const engine = new LoadEngine({
        scenario: { name: unit.name, host: unit.host, classes: unit.classes },
        executor,
        recorder,
        userMix: classSequence(unit.classes, Math.max(1, peakUsers(unit.load.plan))),
        data,
        iterations: unit.load.iterations,
        gracefulStopMs: options.gracefulStopMs,
        http: {
          timeoutMs: options.timeoutMs,
          headers: { 'user-agent': `volley/${VERSION}` },
          connections: options.connections,
          discardBody: request.discardBodies === true,
        },
        seed: options.seed,
        onPhase: (label, users) => {
          // Close the previous phase's interval now, so each phase's stats are its own.
          tick();
          phase = unit.name === '' ? label : `${unit.name}: ${label}`;
          if (users !== undefined) aggregate.declarePhase(phase, users);
        },
      });
      return { engine, startTimeMs: unit.startTimeMs };
    });
    engines = new ScenarioSet(scheduled);
    const set = engines;
    const monitor = new ProcessMonitor({ intervalMs: 1000 });
    const startedAtMs = Date.now();
    const startInfo: RunStartInfo = {
      scenario: scenarioName,
      file: request.file,
      host: options.host ?? '',
      startedAt: new Date(startedAtMs).toISOString(),
      plannedDurationMs: set.plannedDurationMs,
      plannedUsers: set.maxUsers,
      options: { ...options },
    };
    await notifyOutputs(request.outputs, 'onStart', startInfo);
    const tick = (): void => {
      const snapshot = recorder.flush(set.activeUsers, phase);
      const last = aggregate.add(snapshot);
      const progress: LiveProgress = {
        elapsedMs: snapshot.toMs,
        plannedDurationMs: set.plannedDurationMs,
        users: set.activeUsers,
        rps: last.requests / last.seconds,
        p95Ms: last.p95Ms,
        failuresPerSec: last.failures / last.seconds,
        requests: aggregate.requests,
        failures: aggregate.failures,
        phase: set.state.phase === 'running' ? 'running' : 'stopping',
      };
      for (const output of request.outputs) {
        try {
          output.onProgress?.(progress);
        } catch {
          // A broken live display must not end the measurement.
        }
      }
      const failed = abortingFailure(thresholds, aggregate);
      if (failed !== undefined && set.state.phase === 'running') {
        abortedBy = failed.expression;
        set.stop('threshold');
      }
    };
    t0 = performance.now();
    monitor.start();
    const ticker = setInterval(tick, request.tickMs ?? 1000);
    if (pendingStop === 'stop') set.stop('interrupted');
    if (pendingStop === 'kill') void set.kill('interrupted');
    const outcome = await set.run();
    clearInterval(ticker);
    tick();
    const durationMs = performance.now() - t0;
    const samples = monitor.stop();
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
      hadPlannedEnd: set.plannedDurationMs !== null || units.some((unit) => unit.load.iterations !== null),
      load: {
        executor: [...new Set(scheduled.map((s) => s.engine.executor.kind))].join(', '),
        description: units
          .map((unit) => `${unit.name === '' ? '' : `${unit.name}: `}${describePlan(unit.load.plan)}`)
          .join('; '),
      },
      abortedBy,
      monitorSamples: samples,
    });
    await notifyOutputs(request.outputs, 'onEnd', result);
    return result;
  };

  return {
    result: run(),
    get state(): EngineState {
      return engines?.state ?? { phase: 'idle' };
    },
    stop() {
      if (engines === undefined) pendingStop = 'stop';
      else engines.stop('interrupted');
    },
    async kill() {
      if (engines === undefined) pendingStop = 'kill';
      else await engines.kill('interrupted');
    },
  };
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

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.[cm]?[jt]s$/, '');
}
