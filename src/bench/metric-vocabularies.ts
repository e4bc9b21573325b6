/**
 * The metric vocabularies of benchmarks and stress tests, passed to the threshold engine
 * (`src/thresholds/`): `{ mean: '<50ms', p95: '<150ms', rme: '<5%' }` for a benchmark,
 * `{ successRate: '>95%', peakMemory: '<500MB', degradation: '<3x' }` for a stress test. They
 * speak of one operation and the process running it, where a run's vocabulary speaks of requests
 * and rows. Values keep three significant digits in the unit that fits (`45.2ns`, `45.2 MB`).
 */

import type {
  MetricThreshold,
  MetricVocabulary,
  ValueDisplay,
  ValueUnit,
  VocabularyEntry,
} from '../thresholds/index.js';
import type { ResourceMetric } from '../monitor/resource-metrics.js';

export type MetricName =
  | 'mean'
  | 'min'
  | 'max'
  | 'percentile'
  | 'stdev'
  | 'ops'
  | 'rme'
  | 'successRate'
  | 'errorRate'
  | 'failures'
  | ResourceMetric
  | 'scalingEfficiency'
  | 'degradation';

/** A parsed benchmark or stress threshold. */
export type BenchThreshold = MetricThreshold<MetricName>;

type Scope = 'bench' | 'stress';

const BOTH: readonly Scope[] = ['bench', 'stress'];
const BENCH: readonly Scope[] = ['bench'];
const STRESS: readonly Scope[] = ['stress'];

/** How each unit's measured values are shown: significant digits, as benchmark figures span decades. */
const DISPLAY: Record<ValueUnit, ValueDisplay> = {
  ms: 'time',
  fraction: 'percent',
  perSecond: 'throughput',
  count: 'wholeNumber',
  bytes: 'byteSize',
  cpu: 'cpuPercent',
  ratio: 'multiple',
};

/** Lower-case name → metric, its unit, and which vocabularies have it. */
const METRICS: readonly [string, MetricName, ValueUnit, readonly Scope[]][] = [
  ['mean', 'mean', 'ms', BOTH],
  ['avg', 'mean', 'ms', BOTH],
  ['min', 'min', 'ms', BOTH],
  ['max', 'max', 'ms', BOTH],
  ['stdev', 'stdev', 'ms', BENCH],
  ['sd', 'stdev', 'ms', BENCH],
  ['ops', 'ops', 'perSecond', BOTH],
  ['rme', 'rme', 'fraction', BENCH],
  ['successrate', 'successRate', 'fraction', STRESS],
  ['errorrate', 'errorRate', 'fraction', STRESS],
  ['failures', 'failures', 'count', STRESS],
  ['peakmemory', 'peakMemory', 'bytes', BOTH],
  ['meanmemory', 'meanMemory', 'bytes', BOTH],
  ['memorygrowth', 'memoryGrowth', 'bytes', BOTH],
  ['peakcpu', 'peakCpu', 'cpu', BOTH],
  ['meancpu', 'meanCpu', 'cpu', BOTH],
  ['targetpeakmemory', 'targetPeakMemory', 'bytes', BOTH],
  ['targetmemorygrowth', 'targetMemoryGrowth', 'bytes', BOTH],
  ['targetpeakcpu', 'targetPeakCpu', 'cpu', BOTH],
  ['scalingefficiency', 'scalingEfficiency', 'fraction', STRESS],
  ['degradation', 'degradation', 'ratio', STRESS],
];

function entry(metric: MetricName, unit: ValueUnit, percentile?: number): VocabularyEntry<MetricName> {
  return { metric, unit, display: DISPLAY[unit], ...(percentile === undefined ? {} : { percentile }) };
}

function namesFor(scope: Scope): string {
  const names = new Set<string>();
  for (const [, metric, , scopes] of METRICS) if (scopes.includes(scope)) names.add(metric);
  return [...names, 'median', 'pNN'].join(', ');
}

function vocabularyFor(scope: Scope): MetricVocabulary<MetricName> {
  const named = new Map<string, VocabularyEntry<MetricName>>();
  for (const [name, metric, unit, scopes] of METRICS) {
    if (scopes.includes(scope)) named.set(name, entry(metric, unit));
  }
  named.set('median', entry('percentile', 'ms', 50));
  named.set('med', entry('percentile', 'ms', 50));
  const namesHint = namesFor(scope);
  const [here, other] = scope === 'bench' ? ['benchmarks', 'stress tests'] : ['stress tests', 'benchmarks'];
  return {
    named,
    percentile: (percentile) => entry('percentile', 'ms', percentile),
    namesHint,
    misplaced: (name) =>
      METRICS.some(([known]) => known === name.toLowerCase())
        ? `'${name}' applies to ${other}, not ${here} (use one of ${namesHint})`
        : undefined,
  };
}

export const BENCH_VOCABULARY: MetricVocabulary<MetricName> = vocabularyFor('bench');
export const STRESS_VOCABULARY: MetricVocabulary<MetricName> = vocabularyFor('stress');

/**
 * The memory-growth limits the thresholds set (the value of the first `memoryGrowth<…` and
 * `targetMemoryGrowth<…`), which decide each fitted growth's `leaking` flag.
 */
export function growthLimits(thresholds: readonly BenchThreshold[]): {
  growthLimitBytes?: number;
  targetGrowthLimitBytes?: number;
} {
  const limit = (metric: MetricName): number | undefined =>
    thresholds.find((t) => t.metric === metric && (t.op === '<' || t.op === '<='))?.value;
  const own = limit('memoryGrowth');
  const target = limit('targetMemoryGrowth');
  return {
    ...(own === undefined ? {} : { growthLimitBytes: own }),
    ...(target === undefined ? {} : { targetGrowthLimitBytes: target }),
  };
}
