/**
 * Custom metrics, baseline against current, each kind with the test the request rows use for
 * the same shape of data (no second statistics engine):
 *
 * - trend: p50, p95 and p99 from its HDR histogram exactly as latency percentiles are judged
 *   (`compareLatency`: bootstrap interval, widened by the per-second noise factor the endpoint
 *   rows get, beyond `maxRegression` of the baseline); its mean shown beside them, not judged.
 * - rate: the fraction true by the two-proportion test, with the error rate's margin taken on
 *   the share on the bad side (1 − rate when higher is better).
 * - counter: its rate per second as a ratio against the tolerance, as requests/s is (not judged
 *   when the runs' loads differ); its total shown.
 * - gauge: last, min and max side by side, never judged.
 *
 * A verdict needs a direction: declared (`better: 'lower' | 'higher'`), else the kind's default
 * (`defaultDirection`: a trend lower, a rate higher). Without one, figures are shown, not judged.
 * The current run's declaration wins over the baseline's.
 */

import { VolleyError } from '../errors.js';
import { defaultDirection, type MetricDirection, TREND_SCALE } from '../metrics/custom-metric.js';
import type { CustomMetricStats } from '../metrics/result.js';
import { changeVerdict } from './change-verdict.js';
import type {
  CompareSettings,
  CustomMetricComparison,
  CustomStatComparison,
  CustomStatName,
  Verdict,
} from './comparison.js';
import { type Distribution, decodeDistribution } from './distribution.js';
import { compareLatency, type LatencyNoise } from './metric-compare.js';
import { twoProportionTest } from './proportion.js';
import { createRandom, seedFor } from './random.js';

export interface CustomCompareContext {
  settings: CompareSettings;
  labels: { baseline: string; current: string };
  /** The per-second noise factors the total measured (`noiseFactors` in compare-results.ts). */
  noise: LatencyNoise;
  /** How the runs' loads differ (likeness.ts): then a counter's rate is not judged. */
  unlike: readonly string[];
}

/** Every custom metric of either run, by name; undefined when neither run has any. */
export function compareCustomMetrics(
  baseline: readonly CustomMetricStats[] | undefined,
  current: readonly CustomMetricStats[] | undefined,
  context: CustomCompareContext,
): CustomMetricComparison[] | undefined {
  const before = new Map((baseline ?? []).map((m) => [m.name, m]));
  const after = new Map((current ?? []).map((m) => [m.name, m]));
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  if (names.length === 0) return undefined;
  return names.map((name) => {
    const b = before.get(name);
    const c = after.get(name);
    if (b !== undefined && c !== undefined) return compareBoth(b, c, context);
    return oneSided((b ?? c) as CustomMetricStats, b === undefined ? 'current' : 'baseline');
  });
}

function oneSided(metric: CustomMetricStats, side: 'baseline' | 'current'): CustomMetricComparison {
  const verdict = side === 'baseline' ? 'removed' : 'added';
  return {
    ...head(metric, metric.better ?? defaultDirection(metric.kind)),
    presence: verdict,
    verdict,
    samples: { baseline: side === 'baseline' ? metric.samples : null, current: side === 'current' ? metric.samples : null },
    stats: [],
  };
}

function head(metric: CustomMetricStats, better: MetricDirection | null) {
  return { name: metric.name, kind: metric.kind, ...(metric.unit === undefined ? {} : { unit: metric.unit }), better };
}

function compareBoth(
  baseline: CustomMetricStats,
  current: CustomMetricStats,
  context: CustomCompareContext,
): CustomMetricComparison {
  const samples = { baseline: baseline.samples, current: current.samples };
  if (baseline.kind !== current.kind || baseline.unit !== current.unit) {
    const declared = (m: CustomMetricStats): string => `a ${m.kind}${m.unit === undefined ? '' : ` in ${m.unit}`}`;
    return {
      ...head(current, null),
      presence: 'both',
      verdict: 'unchanged',
      samples,
      stats: [],
      note: `declared as ${declared(baseline)} in the baseline and ${declared(current)} now: not compared`,
    };
  }
  const better = current.better ?? baseline.better ?? defaultDirection(current.kind);
  const stats = statsOf(baseline, current, better, context);
  const verdict = stats.some((s) => s.verdict === 'regressed')
    ? 'regressed'
    : stats.some((s) => s.verdict === 'improved')
      ? 'improved'
      : 'unchanged';
  return { ...head(current, better), presence: 'both', verdict, samples, stats };
}

function statsOf(
  baseline: CustomMetricStats,
  current: CustomMetricStats,
  better: MetricDirection | null,
  context: CustomCompareContext,
): CustomStatComparison[] {
  const unit = current.unit === 'ms' ? 'ms' : 'number';
  switch (current.kind) {
    case 'trend':
      return [
        shown('avg', unit, baseline.avg, current.avg, 'shown only'),
        ...trendPercentiles(baseline, current, better, context),
      ];
    case 'rate':
      return [compareRate(baseline, current, better, context.settings)];
    case 'counter':
      return [
        shown('sum', 'number', baseline.sum, current.sum, 'shown only'),
        compareCounterRate(baseline, current, better, context),
      ];
    case 'gauge':
      return (['last', 'min', 'max'] as const).map((stat) =>
        shown(stat, 'number', baseline[stat], current[stat], 'shown only'),
      );
  }
}

/** A figure shown beside the others, with its change and no verdict. */
function shown(
  stat: CustomStatName,
  unit: CustomStatComparison['unit'],
  baseline: number | undefined,
  current: number | undefined,
  reason: string,
): CustomStatComparison {
  const b = baseline ?? null;
  const c = current ?? null;
  const change = b === null || c === null ? null : c - b;
  return {
    stat,
    unit,
    baseline: b,
    current: c,
    change,
    relativeChange: change === null || b === null || b === 0 ? null : change / b,
    margin: null,
    verdict: 'n/a',
    evidence: { kind: 'none', reason },
  };
}

/** Short, for a table cell; the method note says how to declare one (`better`). */
const NO_DIRECTION = 'no direction declared';

/** A verdict read as "higher is worse", turned round when higher is better. */
function directed(verdict: Verdict, better: MetricDirection): Verdict {
  if (better === 'lower') return verdict;
  return verdict === 'regressed' ? 'improved' : verdict === 'improved' ? 'regressed' : verdict;
}

function trendDistribution(metric: CustomMetricStats, run: string): Distribution {
  try {
    return decodeDistribution(metric.histogram ?? '');
  } catch (error) {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `${run}: the histogram of custom metric ${metric.name} is not valid (expected HDR compressed base64)`,
      { cause: error },
    );
  }
}

function trendPercentiles(
  baseline: CustomMetricStats,
  current: CustomMetricStats,
  better: MetricDirection | null,
  context: CustomCompareContext,
): CustomStatComparison[] {
  const random = createRandom(seedFor(`\u0000metric\u0000${current.name}`, context.settings.seed));
  const compared = compareLatency(
    trendDistribution(baseline, context.labels.baseline),
    trendDistribution(current, context.labels.current),
    ['p50', 'p95', 'p99'],
    context.settings,
    random,
    context.noise,
    { perUnit: TREND_SCALE, noun: 'samples' },
  );
  return compared.map(({ metric, ...rest }) => ({
    ...rest,
    stat: metric as CustomStatName,
    unit: current.unit === 'ms' ? 'ms' : 'number',
    ...(better === null
      ? { verdict: 'n/a' as const, evidence: { kind: 'none' as const, reason: NO_DIRECTION } }
      : { verdict: directed(rest.verdict, better) }),
  }));
}

function compareRate(
  baseline: CustomMetricStats,
  current: CustomMetricStats,
  better: MetricDirection | null,
  settings: CompareSettings,
): CustomStatComparison {
  const test = twoProportionTest(baseline.trues ?? 0, baseline.samples, current.trues ?? 0, current.samples);
  const alpha = 1 - settings.confidence;
  // The margin is taken on the share on the bad side, as the error rate's is on failures.
  const badShare = better === 'higher' ? 1 - test.baselineRate : test.baselineRate;
  const margin = Math.max(settings.maxRegression * badShare, settings.errorRateFloor);
  return {
    stat: 'rate',
    unit: 'fraction',
    baseline: test.baselineRate,
    current: test.currentRate,
    change: test.difference,
    relativeChange: test.baselineRate > 0 ? test.difference / test.baselineRate : null,
    margin,
    verdict:
      better === null ? 'n/a' : changeVerdict(test.difference, margin, test.pValue < alpha, better === 'higher'),
    evidence:
      better === null ? { kind: 'none', reason: NO_DIRECTION } : { kind: 'two-proportion', z: test.z, pValue: test.pValue, alpha },
  };
}

function compareCounterRate(
  baseline: CustomMetricStats,
  current: CustomMetricStats,
  better: MetricDirection | null,
  context: CustomCompareContext,
): CustomStatComparison {
  const figure = shown('perSecond', '/s', baseline.perSecond, current.perSecond, NO_DIRECTION);
  if (better === null) return figure;
  const base = baseline.perSecond ?? 0;
  if (!(base > 0)) return { ...figure, evidence: { kind: 'none', reason: 'no rate in the baseline' } };
  if (context.unlike.length > 0) {
    return { ...figure, evidence: { kind: 'none', reason: `not like for like: ${context.unlike.join('; ')}` } };
  }
  const margin = context.settings.maxRegression * base;
  return {
    ...figure,
    margin,
    verdict: changeVerdict(figure.change ?? 0, margin, true, better === 'higher'),
    evidence: { kind: 'ratio' },
  };
}
