/**
 * Verdicts: a spec judged against the measurements. A threshold whose selector matches nothing
 * fails with a note rather than passing vacuously, so a typo in a user or request name cannot
 * let a broken service through CI.
 */

import { formatDuration } from '../core/units/duration.js';
import type { ThresholdVerdict } from '../metrics/result.js';
import type { MergedStats, StatsSource } from '../metrics/stats-source.js';
import { measureCustom } from './custom-metric-threshold.js';
import { displayOf } from './run-vocabulary.js';
import { formatSelector } from './selector.js';
import type { ThresholdMetric, ThresholdSpec } from './threshold.js';
import { type JudgedCondition, judge, type Measured } from './verdict.js';

export function evaluateThreshold(spec: ThresholdSpec, source: StatsSource): ThresholdVerdict {
  return judge(judgedCondition(spec), measureSpec(spec, source));
}

function judgedCondition(spec: ThresholdSpec): JudgedCondition {
  return {
    expression: spec.expression,
    op: spec.op,
    value: spec.value,
    display: displayOf(spec.metric),
    abortOnFail: spec.abortOnFail,
  };
}

/** The spec's figure over the rows it selects, or the reason there is none. */
function measureSpec(spec: ThresholdSpec, source: StatsSource): Measured {
  if (spec.metric.kind === 'memory') return measureMemory(spec.metric, source);
  if (spec.metric.kind === 'custom') return measureCustom(spec.metric, source, spec.windowMs);
  const stats =
    spec.windowMs === undefined ? source.select(spec.filter) : source.select(spec.filter, spec.windowMs);
  const actual = measure(spec.metric, stats);
  return actual === null ? { value: null, note: noDataNote(spec, stats) } : { value: actual };
}

export function evaluateThresholds(specs: readonly ThresholdSpec[], source: StatsSource): ThresholdVerdict[] {
  return specs.map((spec) => evaluateThreshold(spec, source));
}

/**
 * The metric in the spec's unit, or null when there is nothing to judge: no matching rows at
 * all, no requests for a rate or latency, no time for a rate per second, no checks for `checks`.
 * Counts of zero over matched rows are real measurements (`failures<1` over a quiet window).
 */
function measure(metric: ThresholdMetric, stats: MergedStats): number | null {
  if (metric.kind === 'rate' && metric.which === 'checks') {
    const total = stats.checks.passes + stats.checks.fails;
    return total === 0 ? null : stats.checks.passes / total;
  }
  if (stats.rows === 0) return null;
  switch (metric.kind) {
    case 'count':
      return metric.which === 'requests' ? stats.requests : stats.failures;
    case 'rps':
      return stats.seconds > 0 ? stats.requests / stats.seconds : null;
    case 'rate': {
      if (stats.requests === 0) return null;
      const counted = metric.which === 'error' ? stats.failures : stats.requests - stats.failures;
      return counted / stats.requests;
    }
    case 'latency': {
      const latency = stats.latency;
      if (latency === null || stats.requests === 0) return null;
      switch (metric.stat) {
        case 'avg':
          return latency.mean;
        case 'min':
          return latency.min;
        case 'max':
          return latency.max;
        case 'percentile':
          return latency.percentile(metric.percentile);
      }
      break;
    }
    case 'memory':
    case 'custom':
      // Judged from the processes' samples (measureMemory) or the custom metric (measureCustom).
      return null;
  }
  return null;
}

/** Memory thresholds judge the run's processes, not requests: available once the run has ended. */
function measureMemory(metric: Extract<ThresholdMetric, { kind: 'memory' }>, source: StatsSource): Measured {
  const figures = source.resources?.()[metric.of] ?? null;
  const actual = figures === null ? null : metric.which === 'growth' ? figures.growthBytes : figures.peakBytes;
  if (actual !== null) return { value: actual };
  const note =
    figures === null && metric.of === 'targets'
      ? 'no process was monitored (add --monitor-pid)'
      : 'too few memory samples (the run was too short to fit a trend)';
  return { value: null, note };
}

function noDataNote(spec: ThresholdSpec, stats: MergedStats): string {
  const selector = formatSelector(spec.filter);
  const what = spec.metric.kind === 'rate' && spec.metric.which === 'checks' ? 'checks' : 'requests';
  const window = spec.windowMs === undefined ? '' : ` in the last ${formatDuration(spec.windowMs)}`;
  if (what === 'requests' && stats.rows > 0 && stats.requests > 0) {
    // Only `rps` gets here: requests but no elapsed time to divide by.
    return `no time has elapsed${window} to compute a rate over`;
  }
  if (selector === '') return `no ${what} were recorded${window}`;
  // No row at all in a run nothing narrowed (a narrowed run sets these aside): usually a typo.
  const hint = stats.rows === 0 ? ' (a typo in the selector?)' : '';
  return `no ${what} matched ${selector}${window}${hint}`;
}
