/**
 * Runs one benchmark: setup, a probe call, loop calibration, warm-up, the measured calls
 * (watched by the resource monitor), teardown, then statistics and thresholds.
 *
 * The probe is one unmeasured call that tells whether the function is asynchronous: if it
 * returns a thenable, every call is awaited (`asyncLoop`); otherwise it is called in a loop that
 * never awaits (`syncLoop`). A function that returns a promise only sometimes is measured as
 * whatever it was on the probe. An exception anywhere is captured into an `errored` result;
 * teardown runs whenever setup succeeded.
 *
 * `beforeEach`/`afterEach` run around every call of the function, the probe and the warm-up
 * included (as tinybench runs them around its warm-up calls), since a call made without its
 * preparation would be a different operation; only the calibration of the loop, which calls an
 * empty function, runs without them. A hook's error fails the benchmark like the function's, in
 * the phase it happened, with the hook named in the message. A call whose function threw gets no
 * `afterEach` (as in tinybench): the benchmark has failed, and `teardown` still runs.
 */

import { realClock } from '../core/clock.js';
import { VolleyError } from '../errors.js';
import { checkPids } from '../monitor/pid-monitor.js';
import { isResourceMetric, measureResource } from '../monitor/resource-metrics.js';
import { type RunResources, startResourceWatch } from '../monitor/resource-watch.js';
import { judgeThreshold, type Measured } from '../thresholds/index.js';
import { isThenable } from '../core/thenable.js';
import type { BenchDefinition, BenchOptions } from './bench-definition.js';
import {
  asyncHookedLoop,
  asyncLoop,
  type BenchClock,
  type LoopLimits,
  measureOverhead,
  type PerCallHooks,
  syncHookedLoop,
  syncLoop,
} from './bench-loop.js';
import { type Budget, type ResolvedBench, resolveBench } from './bench-options.js';
import {
  type BenchPhase,
  type BenchResult,
  type CapturedError,
  type CompletedBench,
  captureError,
  type ErroredBench,
} from './bench-result.js';
import { type BenchThreshold, growthLimits } from './metric-vocabularies.js';
import { type BenchStats, encodeSamples, SampleAccumulator, summarize } from './statistics.js';

export interface RunBenchOptions {
  /** Monotonic milliseconds (default `performance.now`). */
  clock?: BenchClock;
  /** Other processes to watch while measuring (`--monitor-pid`). */
  monitorPids?: readonly number[];
  /** Time between resource samples, ms (default 100). */
  monitorIntervalMs?: number;
  /**
   * Stops a benchmark early, between calls: an asynchronous one, or one whose per-call hooks
   * return promises (a loop that never yields cannot see the signal change).
   */
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

type PerCallHookName = 'beforeEach' | 'afterEach';

/** What a per-call hook threw, marked so that the result names the hook rather than the function. */
class PerCallHookError extends Error {
  constructor(
    readonly hook: PerCallHookName,
    readonly thrown: unknown,
  ) {
    super(`${hook} failed`);
  }
}

/** `hook`, with what it throws or rejects with marked as its own. */
function marked(name: PerCallHookName, hook: () => unknown): () => unknown {
  return () => {
    let value: unknown;
    try {
      value = hook();
    } catch (error) {
      throw new PerCallHookError(name, error);
    }
    if (!isThenable(value)) return value;
    return value.then(undefined, (error: unknown) => {
      throw new PerCallHookError(name, error);
    });
  };
}

function noop(): void {}

/** The hooks to run around each call, or undefined when there are none (the plain loops). */
function perCallHooks(options: BenchOptions): PerCallHooks | undefined {
  const { beforeEach, afterEach } = options;
  if (beforeEach === undefined && afterEach === undefined) return undefined;
  return {
    beforeEach: beforeEach === undefined ? noop : marked('beforeEach', beforeEach),
    afterEach: afterEach === undefined ? noop : marked('afterEach', afterEach),
  };
}

/** The captured error; a hook's keeps its own name and stack, its message prefixed with the hook. */
function captureRunError(error: unknown): CapturedError {
  if (!(error instanceof PerCallHookError)) return captureError(error);
  const captured = captureError(error.thrown);
  return { ...captured, message: `${error.hook} failed: ${captured.message}` };
}

function limitsFrom(budget: Budget, clock: BenchClock): LoopLimits {
  return { iterations: budget.iterations, deadline: clock.now() + budget.timeMs };
}

async function loop(
  async: boolean,
  fn: () => unknown,
  hooks: PerCallHooks | undefined,
  clock: BenchClock,
  limits: LoopLimits,
  overheadNs: number,
  acc: SampleAccumulator,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (hooks !== undefined) {
    if (async) await asyncHookedLoop(fn, hooks, clock, limits, overheadNs, acc, signal);
    else await syncHookedLoop(fn, hooks, clock, limits, overheadNs, acc, signal);
  } else if (async) await asyncLoop(fn, clock, limits, overheadNs, acc, signal);
  else syncLoop(fn, clock, limits, overheadNs, acc);
}

function erroredBench(
  name: string,
  phase: BenchPhase,
  error: CapturedError,
  completedCalls: number,
): ErroredBench {
  return { kind: 'bench', state: 'errored', name, ok: false, phase, error, completedCalls };
}

/** Runs a benchmark whose options were already resolved (and pids checked). */
export async function runResolvedBench(
  resolved: ResolvedBench,
  options: RunBenchOptions = {},
): Promise<BenchResult> {
  const { definition } = resolved;
  try {
    await definition.options.setup?.();
  } catch (error) {
    return erroredBench(definition.name, 'setup', captureError(error), 0);
  }
  const acc = new SampleAccumulator();
  const progress: { phase: BenchPhase } = { phase: 'probe' };
  let result: BenchResult;
  try {
    result = await measure(resolved, options, acc, progress);
  } catch (error) {
    result = erroredBench(definition.name, progress.phase, captureRunError(error), acc.count);
  }
  try {
    await definition.options.teardown?.();
  } catch (error) {
    // A benchmark that already failed keeps its first error.
    if (result.state === 'completed') {
      result = erroredBench(definition.name, 'teardown', captureError(error), acc.count);
    }
  }
  return result;
}

/**
 * One unmeasured call, with its hooks, that tells whether the function is asynchronous: true
 * when it returned a thenable (then every call is awaited).
 */
async function probe(fn: () => unknown, hooks: PerCallHooks | undefined): Promise<boolean> {
  if (hooks !== undefined) {
    const prepared = hooks.beforeEach();
    if (isThenable(prepared)) await prepared;
  }
  const returned = fn();
  const async = isThenable(returned);
  if (async) await returned;
  if (hooks !== undefined) {
    const cleaned = hooks.afterEach();
    if (isThenable(cleaned)) await cleaned;
  }
  return async;
}

/**
 * Probe, calibration, warm-up and the measured calls (into `acc`, watched by the resource
 * monitor), then the statistics and thresholds. `progress.phase` says where a throw came from.
 */
async function measure(
  resolved: ResolvedBench,
  options: RunBenchOptions,
  acc: SampleAccumulator,
  progress: { phase: BenchPhase },
): Promise<CompletedBench> {
  const { definition } = resolved;
  const { fn } = definition;
  const hooks = perCallHooks(definition.options);
  const clock = options.clock ?? realClock;
  const async = await probe(fn, hooks);
  const overheadNs = await measureOverhead(clock, async, hooks !== undefined);
  const run = (limits: Budget, into: SampleAccumulator): Promise<void> =>
    loop(async, fn, hooks, clock, limitsFrom(limits, clock), overheadNs, into, options.signal);

  progress.phase = 'warmup';
  const warm = new SampleAccumulator();
  await run(resolved.warmup, warm);

  progress.phase = 'measure';
  const watch = startResourceWatch({
    ...(options.monitorIntervalMs === undefined ? {} : { intervalMs: options.monitorIntervalMs }),
    pids: options.monitorPids ?? [],
    ...growthLimits(resolved.thresholds),
  });
  let watched: ReturnType<typeof watch.stop>;
  try {
    await run(resolved.measure, acc);
  } finally {
    watched = watch.stop();
  }
  const stats = summarize(acc);
  const thresholds = resolved.thresholds.map((spec) =>
    judgeThreshold(spec, measureBench(spec, stats, acc, watched.resources)),
  );
  return {
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
  };
}

/** The value a benchmark threshold judges. */
export function measureBench(
  spec: BenchThreshold,
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
      return isResourceMetric(spec.metric)
        ? measureResource(spec.metric, resources)
        : { value: null, note: `${spec.metric} does not apply` };
  }
}
