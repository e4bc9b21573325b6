/**
 * The run vocabulary: metric names as people write them in a run's thresholds, aliases included
 * (`mean` = `avg`, `median` = `p50`, `failRate` = `errorRate`), resolved to a `ThresholdMetric`,
 * with the unit each value is written in and how a measured value is shown.
 */

import { customDisplay } from './custom-metric-threshold.js';
import type { ValueDisplay } from './format-actual.js';
import type { ThresholdMetric } from './threshold.js';
import type { ValueUnit } from './value-unit.js';
import {
  isVocabularyName,
  type MetricVocabulary,
  resolveMetricName,
  type VocabularyEntry,
} from './vocabulary.js';

const NAMED_METRICS: readonly [string, ThresholdMetric][] = [
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
];

/** The list shown when a name is not known. */
export const METRIC_NAMES_HINT =
  'count, failures, successRate, errorRate, rps, avg, min, max, median, pNN, checks, memoryGrowth, peakMemory, targetMemoryGrowth, targetPeakMemory';

/** The unit a run metric's value is written in: ms, fraction, per second, count or bytes. */
export function unitOf(metric: ThresholdMetric): ValueUnit {
  switch (metric.kind) {
    case 'latency':
      return 'ms';
    case 'rate':
      return 'fraction';
    case 'rps':
      return 'perSecond';
    case 'count':
      return 'count';
    case 'memory':
      return 'bytes';
    case 'custom':
      return metric.stat === 'rate' ? 'fraction' : metric.stat === 'perSecond' ? 'perSecond' : 'count';
  }
}

/** How a run metric's measured value is shown in its verdict. */
export function displayOf(metric: ThresholdMetric): ValueDisplay {
  switch (metric.kind) {
    case 'latency':
      return 'latency';
    case 'rate':
      return 'percent';
    case 'rps':
      return 'requestRate';
    case 'count':
      return 'count';
    case 'memory':
      return metric.which === 'growth' ? 'megabytesChange' : 'megabytes';
    case 'custom':
      return customDisplay(metric);
  }
}

function entryOf(metric: ThresholdMetric): VocabularyEntry<ThresholdMetric> {
  return { metric, unit: unitOf(metric), display: displayOf(metric) };
}

export const RUN_VOCABULARY: MetricVocabulary<ThresholdMetric> = {
  named: new Map(NAMED_METRICS.map(([name, metric]) => [name, entryOf(metric)])),
  percentile: (percentile) => entryOf({ kind: 'latency', stat: 'percentile', percentile }),
  namesHint: METRIC_NAMES_HINT,
};

/** True when `text` looks like a metric name at all, so callers can tell keys from typos. */
export function isMetricName(text: string): boolean {
  return isVocabularyName(text, RUN_VOCABULARY);
}

/**
 * Resolves a run metric name, or pushes one problem onto `problems` and returns undefined.
 * Problems are phrased to follow `threshold '…': `.
 */
export function parseMetricName(text: string, problems: string[]): ThresholdMetric | undefined {
  return resolveMetricName(text, RUN_VOCABULARY, problems)?.metric;
}
