/**
 * Runs one benchmark: setup, a probe call, loop calibration, warm-up, the measured calls
 * (watched by the resource monitor), teardown, then statistics and thresholds.
 *
 * The probe is one unmeasured call that tells whether the function is asynchronous: if it
 * returns a thenable, every call is awaited (`asyncLoop`); otherwise it is called in a loop that
 * never awaits (`syncLoop`). A function that returns a promise only sometimes is measured as
 * whatever it was on the probe. An exception anywhere is captured into an `errored` result;
 * teardown runs whenever setup succeeded.
 */

import type { BenchDefinition } from '../api/bench.js';
import { VolleyError } from '../errors.js';
import { checkPids } from '../monitor/pid-monitor.js';
import {
  asyncLoop,
  type BenchClock,
  type LoopLimits,
  measureOverhead,
  performanceClock,
  syncLoop,
} from './bench-loop.js';
import { type Budget, type ResolvedBench, resolveBench } from './bench-options.js';
import { type BenchPhase, type BenchResult, type CompletedBench, captureError } from './bench-result.js';
import { judgeThreshold, type Measured, type MetricThreshold } from './metric-thresholds.js';
import { growthLimits, measureResource } from './resource-metrics.js';
import { type RunResources, startResourceWatch } from './resource-watch.js';
import { type BenchStats, encodeSamples, SampleAccumulator, summarize } from './statistics.js';

export interface RunBenchOptions {
  /** Monotonic milliseconds (default `performance.now`). */
  clock?: BenchClock;
  /** Other processes to watch while measuring (`--monitor-pid`). */
  monitorPids?: readonly number[];
  /** Time between resource samples, ms (default 100). */
  monitorIntervalMs?: number;
  /** Stops an asynchronous benchmark early, between calls. */
  signal?: AbortSignal;
}

/** Validates and runs one benchmark. Bad options throw `VOLLEY_E_CONFIG`; a failing function does not. */
export async function runBench(
  definition: BenchDefinition,
  options: RunBenchOptions = {},
): Promise<BenchResult> {
  const problems: string[] = [];
  const resolved = resolveBench(definition, problems);
  if (problems.length > 0) {
    throw new VolleyError('VOLLEY_E_CONFIG', problems.join('\n'), { details: problems });
  }
  checkPids(options.monitorPids ?? []);
  return runResolvedBench(resolved, options);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function limitsFrom(budget: Budget, clock: BenchClock): LoopLimits {
  return { iterations: budget.iterations, deadline: clock.now() + budget.timeMs };
}

async function loop(
  async: boolean,
  fn: () => unknown,
  clock: BenchClock,
  limits: LoopLimits,
  overheadNs: number,
  acc: SampleAccumulator,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (async) await asyncLoop(fn, clock, limits, overheadNs, acc, signal);
  else syncLoop(fn, clock, limits, overheadNs, acc);
}

/** Runs a benchmark whose options were already resolved (and pids checked). */
export async function runResolvedBench(
  resolved: ResolvedBench,
  options: RunBenchOptions = {},
): Promise<BenchResult> {
  const { definition } = resolved;
  const { fn } = definition;
  const clock = options.clock ?? performanceClock;
  const acc = new SampleAccumulator();
  let phase: BenchPhase = 'setup';
  let result: BenchResult;
  try {
    await definition.options.setup?.();
  } catch (error) {
    return {
      kind: 'bench',
      state: 'errored',
      name: definition.name,
      ok: false,
      phase,
      error: captureError(error),
      completedCalls: 0,
    };
  }
  try {
    phase = 'probe';
    const probe = fn();
    const async = isThenable(probe);
    if (async) await probe;
    const overheadNs = await measureOverhead(clock, async);

    phase = 'warmup';
    const warm = new SampleAccumulator();
    await loop(async, fn, clock, limitsFrom(resolved.warmup, clock), overheadNs, warm, options.signal);

    phase = 'measure';
    const watch = startResourceWatch({
      ...(options.monitorIntervalMs === undefined ? {} : { intervalMs: options.monitorIntervalMs }),
      pids: options.monitorPids ?? [],
      ...growthLimits(resolved.thresholds),
    });
    let watched: ReturnType<typeof watch.stop> | undefined;
    try {
      await loop(async, fn, clock, limitsFrom(resolved.measure, clock), overheadNs, acc, options.signal);
    } finally {
      watched = watch.stop();
    }
    const stats = summarize(acc);
    const thresholds = resolved.thresholds.map((spec) =>
      judgeThreshold(spec, measureBench(spec, stats, acc, watched.resources)),
    );
    result = {
      kind: 'bench',
      state: 'completed',
      name: definition.name,
      ok: thresholds.every((t) => t.ok),
      mode: async ? 'async' : 'sync',
      stats,
      overheadNs: Math.round(overheadNs),
      warmupCalls: warm.count,
      histogram: encodeSamples(acc),
      thresholds,
      resources: watched.resources,
      warnings: watched.warnings,
    } satisfies CompletedBench;
  } catch (error) {
    result = {
      kind: 'bench',
      state: 'errored',
      name: definition.name,
      ok: false,
      phase,
      error: captureError(error),
      completedCalls: acc.count,
    };
  }
  try {
    await definition.options.teardown?.();
  } catch (error) {
    if (result.state === 'completed') {
      result = {
        kind: 'bench',
        state: 'errored',
        name: definition.name,
        ok: false,
        phase: 'teardown',
        error: captureError(error),
        completedCalls: acc.count,
      };
    }
  }
  return result;
}

/** The value a benchmark threshold judges. */
export function measureBench(
  spec: MetricThreshold,
  stats: BenchStats,
  acc: SampleAccumulator,
  resources: RunResources,
): Measured {
  if (stats.count === 0) return { value: null, note: 'no calls were measured' };
  switch (spec.metric) {
    case 'mean':
      return { value: stats.mean };
    case 'min':
      return { value: stats.min };
    case 'max':
      return { value: stats.max };
    case 'stdev':
      return { value: stats.stdev };
    case 'percentile':
      return { value: Math.round(acc.percentileNs(spec.percentile)) / 1e6 };
    case 'ops':
      return stats.opsPerSec === null
        ? { value: null, note: 'the mean time per call is 0 (too fast to measure)' }
        : { value: stats.opsPerSec };
    case 'rme':
      return stats.rme === null
        ? { value: null, note: 'the margin of error needs at least 2 calls and a mean above 0' }
        : { value: stats.rme };
    default:
      return (
        measureResource(spec.metric, resources) ?? { value: null, note: `${spec.metric} does not apply` }
      );
  }
}
