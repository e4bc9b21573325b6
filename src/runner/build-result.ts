/**
 * Assembles the Result document: metadata, the aggregator's measurements, threshold verdicts,
 * monitor samples, warnings and the verdict.
 */

import type { RunOptions } from '../config/run-options.js';
import type { EngineOutcome } from '../engine/load-engine.js';
import { type MonitoredProcess, RESULT_SCHEMA_VERSION, type Result, type RunLoad } from '../metrics/result.js';
import type { RunAggregate } from '../metrics/run-aggregate.js';
import type { MemoryFigures, StatsSource } from '../metrics/stats-source.js';
import {
  DEFAULT_SATURATION_LIMITS,
  detectSaturation,
  estimateMemoryGrowth,
  type MonitorSample,
} from '../monitor/index.js';
import { evaluateThresholds, type ThresholdSpec } from '../thresholds/index.js';
import { hostInfo } from '../metrics/host-info.js';
import { appliedOptions } from './load-record.js';
import { narrowing, setAsideUnmatched } from './narrowed-thresholds.js';
import { machineCapacity, outOfFilesWarning } from '../config/machine-limits.js';
import { rowOverflowWarning } from '../metrics/limits.js';
import { decideVerdict } from './verdict.js';

export interface ResultInput {
  version: string;
  scenarioName: string;
  file: string | null;
  options: RunOptions;
  startedAtMs: number;
  durationMs: number;
  aggregate: RunAggregate;
  thresholds: readonly ThresholdSpec[];
  outcome: EngineOutcome;
  hadPlannedEnd: boolean;
  abortedBy: string | undefined;
  /** Why the target was judged unreachable, when that stopped the run. */
  unreachable?: string;
  monitorSamples: readonly MonitorSample[];
  /** Samples of the processes `--monitor-pid` watched. */
  targetSamples?: readonly MonitoredProcess[];
  load: Required<RunLoad>;
  /** A result while the run goes on (the web UI's downloads): no time series, which stays open. */
  partial?: boolean;
}

/** A change of users made while the run went on (the web UI's Edit). */
export interface LoadChangeNote {
  users: number;
  spawnRate: number;
  /** Seconds since the load started. */
  atS: number;
}

/**
 * The load as it ran when its users were changed mid-run: the description says so after the
 * planned load (`10 users at 2/s for 60s, changed to 20 users at 5/s at 12s`), and the most users
 * counts the new peak.
 */
export function withLoadChanges(load: Required<RunLoad>, changes: readonly LoadChangeNote[]): Required<RunLoad> {
  if (changes.length === 0) return load;
  const changed = changes.map((c) => `changed to ${c.users === 1 ? '1 user' : `${c.users} users`} at ${c.spawnRate}/s at ${c.atS}s`);
  return {
    ...load,
    description: `${load.description}, ${changed.join(', ')}`,
    users: Math.max(load.users, ...changes.map((c) => c.users)),
  };
}

/** Growth (a robust fit after warm-up, see monitor/memory-growth.ts) and peak of RSS samples. */
function memoryFigures(samples: readonly MonitorSample[]): MemoryFigures | null {
  if (samples.length === 0) return null;
  return {
    growthBytes: estimateMemoryGrowth(samples)?.bytes ?? null,
    peakBytes: Math.max(...samples.map((s) => s.rssBytes)),
  };
}

function resourceSource(aggregate: RunAggregate, input: ResultInput): StatsSource {
  const targets = (input.targetSamples ?? []).map((t) => memoryFigures(t.samples)).filter((f) => f !== null);
  return {
    select: (filter, windowMs) => aggregate.select(filter, windowMs),
    customMetric: (name, windowMs) => aggregate.customMetric(name, windowMs),
    resources: () => ({
      generator: memoryFigures(input.monitorSamples),
      targets:
        targets.length === 0
          ? null
          : {
              growthBytes: largestKnown(targets.map((t) => t.growthBytes)),
              peakBytes: Math.max(...targets.map((t) => t.peakBytes)),
            },
    }),
  };
}

/** The largest growth among processes whose growth could be fitted; null when none could. */
function largestKnown(values: readonly (number | null)[]): number | null {
  const known = values.filter((v) => v !== null);
  return known.length === 0 ? null : Math.max(...known);
}

export function buildResult(input: ResultInput): Result {
  const measured = input.aggregate.measured(
    input.startedAtMs,
    input.durationMs,
    input.options.slowest ?? undefined,
    input.partial !== true,
  );
  const judged = setAsideUnmatched(
    input.thresholds,
    evaluateThresholds(input.thresholds, resourceSource(input.aggregate, input)),
    narrowing(input.options),
  );
  const verdicts = judged.verdicts;
  const taskErrors = measured.errors.filter((e) => e.kind === 'task').reduce((sum, e) => sum + e.count, 0);
  const verdict = decideVerdict({
    reason: input.outcome.reason,
    hadPlannedEnd: input.hadPlannedEnd,
    abortedBy: input.abortedBy,
    unreachable: input.unreachable,
    thresholds: verdicts,
    failures: measured.totals.failures,
    taskErrors,
    checkFails: measured.totals.checks.fails,
  });
  // CPU is sampled for the whole process: with N worker threads, saturation is N cores' worth.
  const warnings = detectSaturation([...input.monitorSamples], {
    cpuPercent: DEFAULT_SATURATION_LIMITS.cpuPercent * input.options.workers,
  });
  if (measured.totals.droppedIterations > 0) {
    warnings.push(
      `${measured.totals.droppedIterations} iterations could not start on time: every user was busy ` +
        'and the pool was at its maximum. The target could not keep up, or maxUsers is too small.',
    );
  }
  if (judged.note !== undefined) warnings.push(judged.note);
  if (input.aggregate.rowsOverflowed) warnings.push(rowOverflowWarning());
  if (input.aggregate.outOfFiles) warnings.push(outOfFilesWarning(machineCapacity().fdLimit));
  if (input.outcome.killed) {
    warnings.push(
      `The grace period (${input.options.gracefulStopMs / 1000}s) ended before every user finished its task; ` +
        'requests still in flight were cut and counted as failures.',
    );
  }
  return {
    schema: RESULT_SCHEMA_VERSION,
    volley: input.version,
    ok: verdict.ok,
    outcome: verdict.outcome,
    ...(verdict.abortReason === undefined ? {} : { abortReason: verdict.abortReason }),
    startedAt: new Date(input.startedAtMs).toISOString(),
    endedAt: new Date(input.startedAtMs + input.durationMs).toISOString(),
    durationMs: Math.round(input.durationMs),
    scenario: { file: input.file, name: input.scenarioName },
    options: { ...appliedOptions(input.options, input.load) },
    host: hostInfo(),
    load: input.load,
    ...measured,
    thresholds: verdicts,
    monitor: {
      generator: [...input.monitorSamples],
      ...(input.targetSamples === undefined || input.targetSamples.length === 0
        ? {}
        : { targets: [...input.targetSamples] }),
    },
    warnings,
  };
}
