/**
 * Runs a stress test: setup, each level in turn (workers + resource watch), teardown; then the
 * scaling rows across levels and every threshold at every level. Thresholds come last because
 * `scalingEfficiency` and `degradation` compare a level with the others.
 */

import { VolleyError } from '../../errors.js';
import { encodeHistogram, type Histogram, latencyStats } from '../../metrics/histogram.js';
import type { ThresholdVerdict } from '../../metrics/result.js';
import { checkPids } from '../../monitor/pid-monitor.js';
import { isResourceMetric, measureResource } from '../../monitor/resource-metrics.js';
import { startResourceWatch } from '../../monitor/resource-watch.js';
import { judgeThreshold, type Measured } from '../../thresholds/index.js';
import type { BenchClock } from '../bench-loop.js';
import { realClock } from '../../core/clock.js';
import { captureError } from '../bench-result.js';
import { type BenchThreshold, growthLimits } from '../metric-vocabularies.js';
import { type ScalingRow, scalingOf } from './scaling.js';
import type { StressDefinition } from './stress-definition.js';
import { type ResolvedStress, resolveStress } from './stress-options.js';
import type { CompletedStress, StressLevelResult, StressResult } from './stress-result.js';
import { runLevel } from './stress-workers.js';

export interface RunStressOptions {
  /** Monotonic milliseconds (default `performance.now`). */
  clock?: BenchClock;
  /** Other processes to watch (`--monitor-pid`). */
  monitorPids?: readonly number[];
  /** Stops starting operations; the levels not yet run are skipped. */
  signal?: AbortSignal;
}

/** Validates and runs one stress test. Bad options throw `VOLLEY_E_CONFIG`; failing operations do not. */
export async function runStress(
  definition: StressDefinition,
  options: RunStressOptions = {},
): Promise<StressResult> {
  const problems: string[] = [];
  const resolved = resolveStress(definition, problems);
  if (problems.length > 0) {
    throw new VolleyError('VOLLEY_E_CONFIG', problems.join('\n'), { details: problems });
  }
  checkPids(options.monitorPids ?? []);
  return runResolvedStress(resolved, options);
}

interface MeasuredLevel {
  result: StressLevelResult;
  histogram: Histogram;
}

export async function runResolvedStress(
  resolved: ResolvedStress,
  options: RunStressOptions = {},
): Promise<StressResult> {
  const { definition } = resolved;
  const clock = options.clock ?? realClock;
  const startedAt = clock.now();
  const errored = (phase: 'setup' | 'teardown', error: unknown): StressResult => ({
    kind: 'stress',
    state: 'errored',
    name: definition.name,
    ok: false,
    phase,
    error: captureError(error),
  });
  try {
    await definition.options.setup?.();
  } catch (error) {
    return errored('setup', error);
  }
  const measured: MeasuredLevel[] = [];
  let failure: { error: unknown } | undefined;
  try {
    for (const concurrency of resolved.levels) {
      if (options.signal?.aborted === true) break;
      measured.push(await runMeasuredLevel(resolved, concurrency, clock, options));
    }
  } catch (error) {
    failure = { error };
  }
  try {
    await definition.options.teardown?.();
  } catch (error) {
    return errored('teardown', error);
  }
  // Operations' errors are counted, never thrown: anything here is volley's own failure.
  if (failure !== undefined) throw failure.error;
  const several = resolved.levels.length > 1;
  const scaling = several
    ? scalingOf(measured.map(({ result }) => ({ ...result, p95: result.latency.p95 })))
    : [];
  const baseConcurrency = Math.min(...resolved.levels);
  for (const [index, level] of measured.entries()) {
    const row = scaling[index];
    const suffix = several ? ` (concurrency ${level.result.concurrency})` : '';
    level.result.thresholds = resolved.thresholds
      .filter((spec) => !isScalingMetric(spec) || level.result.concurrency !== baseConcurrency)
      .map((spec) => judgeThreshold(spec, measureStress(spec, level, row, several), suffix));
  }
  const levels = measured.map(({ result }) => result);
  const thresholds: ThresholdVerdict[] = levels.flatMap((level) => level.thresholds);
  const ok =
    resolved.thresholds.length > 0
      ? thresholds.every((t) => t.ok)
      : levels.every((level) => level.failures === 0);
  return {
    kind: 'stress',
    state: 'completed',
    name: definition.name,
    ok,
    work: resolved.work,
    levels,
    scaling,
    thresholds,
    durationMs: clock.now() - startedAt,
    aborted: levels.length < resolved.levels.length,
  } satisfies CompletedStress;
}

async function runMeasuredLevel(
  resolved: ResolvedStress,
  concurrency: number,
  clock: BenchClock,
  options: RunStressOptions,
): Promise<MeasuredLevel> {
  const watch = startResourceWatch({
    intervalMs: resolved.monitorIntervalMs,
    pids: options.monitorPids ?? [],
    series: resolved.series,
    ...growthLimits(resolved.thresholds),
  });
  let watched: ReturnType<typeof watch.stop>;
  let counts: Awaited<ReturnType<typeof runLevel>>;
  try {
    counts = await runLevel(resolved.definition.op, concurrency, resolved.work, clock, options.signal);
  } finally {
    watched = watch.stop();
  }
  const ops = counts.successes + counts.failures;
  const seconds = counts.durationMs / 1000;
  return {
    histogram: counts.histogram,
    result: {
      concurrency,
      durationMs: Math.round(counts.durationMs * 1000) / 1000,
      ops,
      successes: counts.successes,
      failures: counts.failures,
      successRate: ops === 0 ? 0 : counts.successes / ops,
      opsPerSec: seconds > 0 ? ops / seconds : 0,
      latency: latencyStats(counts.histogram),
      histogram: ops === 0 ? '' : encodeHistogram(counts.histogram),
      errors: counts.errors.list(),
      resources: watched.resources,
      thresholds: [],
      warnings: watched.warnings,
    },
  };
}

function isScalingMetric(spec: BenchThreshold): boolean {
  return spec.metric === 'scalingEfficiency' || spec.metric === 'degradation';
}

const NO_OPS: Measured = { value: null, note: 'no operations ran' };

function measureStress(
  spec: BenchThreshold,
  level: MeasuredLevel,
  row: ScalingRow | undefined,
  several: boolean,
): Measured {
  const { result, histogram } = level;
  switch (spec.metric) {
    case 'successRate':
      return result.ops === 0 ? NO_OPS : { value: result.successRate };
    case 'errorRate':
      return result.ops === 0 ? NO_OPS : { value: result.failures / result.ops };
    case 'failures':
      return { value: result.failures };
    case 'ops':
      return result.durationMs > 0 ? { value: result.opsPerSec } : NO_OPS;
    case 'mean':
      return result.ops === 0 ? NO_OPS : { value: histogram.mean / 1000 };
    case 'min':
      return result.ops === 0 ? NO_OPS : { value: result.latency.min };
    case 'max':
      return result.ops === 0 ? NO_OPS : { value: result.latency.max };
    case 'percentile':
      return result.ops === 0 ? NO_OPS : { value: histogram.getValueAtPercentile(spec.percentile) / 1000 };
    case 'scalingEfficiency':
    case 'degradation': {
      if (!several)
        return { value: null, note: `${spec.metric} needs several levels, e.g. levels: [1, 5, 10]` };
      const value = spec.metric === 'scalingEfficiency' ? row?.efficiency : row?.degradation;
      return value === null || value === undefined
        ? { value: null, note: 'the lowest level measured nothing to compare with' }
        : { value };
    }
    default:
      return isResourceMetric(spec.metric)
        ? measureResource(spec.metric, result.resources)
        : { value: null, note: `${spec.metric} does not apply` };
  }
}
