/**
 * Metric names as people write them in thresholds, aliases included (`mean` = `avg`,
 * `median` = `p50`, `failRate` = `errorRate`), resolved to a `ThresholdMetric`. Names are
 * matched case-insensitively: `P95` and `successrate` are not worth an error.
 */

import type { ThresholdMetric } from './threshold.js';

const NAMED: ReadonlyMap<string, ThresholdMetric> = new Map<string, ThresholdMetric>([
  ['count', { kind: 'count', which: 'requests' }],
  ['requests', { kind: 'count', which: 'requests' }],
  ['failures', { kind: 'count', which: 'failures' }],
  ['successrate', { kind: 'rate', which: 'success' }],
  ['errorrate', { kind: 'rate', which: 'error' }],
  ['failrate', { kind: 'rate', which: 'error' }],
  ['checks', { kind: 'rate', which: 'checks' }],
  ['rps', { kind: 'rps' }],
  ['avg', { kind: 'latency', stat: 'avg' }],
  ['mean', { kind: 'latency', stat: 'avg' }],
  ['min', { kind: 'latency', stat: 'min' }],
  ['max', { kind: 'latency', stat: 'max' }],
  ['median', { kind: 'latency', stat: 'percentile', percentile: 50 }],
  ['med', { kind: 'latency', stat: 'percentile', percentile: 50 }],
  ['memorygrowth', { kind: 'memory', which: 'growth', of: 'generator' }],
  ['peakmemory', { kind: 'memory', which: 'peak', of: 'generator' }],
  ['targetmemorygrowth', { kind: 'memory', which: 'growth', of: 'targets' }],
  ['targetpeakmemory', { kind: 'memory', which: 'peak', of: 'targets' }],
]);

/** `p95`, `p99.9`, `p(99.9)`. */
const PERCENTILE = /^p(?:(\d+(?:\.\d+)?)|\(\s*(\d+(?:\.\d+)?)\s*\))$/i;

/** The list shown when a name is not known. */
export const METRIC_NAMES_HINT =
  'count, failures, successRate, errorRate, rps, avg, min, max, median, pNN, checks, memoryGrowth, peakMemory, targetMemoryGrowth, targetPeakMemory';

/** True when `text` looks like a metric name at all, so callers can tell keys from typos. */
export function isMetricName(text: string): boolean {
  return NAMED.has(text.trim().toLowerCase()) || PERCENTILE.test(text.trim());
}

/**
 * Resolves a metric name, or pushes one problem onto `problems` and returns undefined.
 * Problems are phrased to follow `threshold '…': `.
 */
export function parseMetricName(text: string, problems: string[]): ThresholdMetric | undefined {
  const name = text.trim();
  if (name === '') {
    problems.push(`no metric given (use one of ${METRIC_NAMES_HINT})`);
    return undefined;
  }
  const named = NAMED.get(name.toLowerCase());
  if (named !== undefined) return named;
  const match = PERCENTILE.exec(name);
  if (match === null) {
    problems.push(`unknown metric '${name}' (use one of ${METRIC_NAMES_HINT})`);
    return undefined;
  }
  const percentile = Number(match[1] ?? match[2]);
  if (!(percentile > 0 && percentile <= 100)) {
    // `p999` is how some tools spell the 99.9th; say so rather than guess.
    problems.push(
      `percentile ${percentile} in '${name}' is out of range (use 0 < N <= 100, e.g. p95, p99.9 or p(99.9))`,
    );
    return undefined;
  }
  return { kind: 'latency', stat: 'percentile', percentile };
}
