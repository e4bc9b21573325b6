/**
 * `compareResults(baseline, current)`: every endpoint (matched by scenario, user class, method
 * and name) and the totals, metric by metric, with a verdict each (see `metric-compare.ts` for
 * the tests), then the custom metrics (`custom-metric-compare.ts`). Rows present in one run only are listed as added or removed, without a verdict.
 * Pure and deterministic: the bootstrap's random stream is seeded per row from its key, so a
 * row's verdict does not depend on which other rows exist. The total row also measures how much
 * the runs' seconds disagree (per-second percentiles); endpoint rows, which have no time
 * series, are widened by the same factor.
 */

import { VolleyError } from '../errors.js';
import { type EndpointKey, endpointKeyId, formatEndpointKey } from '../metrics/endpoint-key.js';
import type { EndpointStats, RequestStats, Result } from '../metrics/result.js';
import {
  COMPARISON_SCHEMA_VERSION,
  type CompareSettings,
  type Comparison,
  METRICS,
  type MetricComparison,
  type RowComparison,
  type RowVerdict,
  type RunSummary,
} from './comparison.js';
import { compareCustomMetrics } from './custom-metric-compare.js';
import { type Distribution, decodeDistribution } from './distribution.js';
import { mannWhitney } from './mann-whitney.js';
import {
  compareErrorRate,
  compareLatency,
  compareThroughput,
  LATENCY_PERCENTILE,
  type LatencyMetric,
  type LatencyNoise,
  oneSidedMetric,
} from './metric-compare.js';
import { failedEntirely, unlikeness } from './likeness.js';
import { createRandom, seedFor } from './random.js';
import { type CompareOptions, resolveSettings } from './settings.js';

export const TOTAL_LABEL = 'Total';

/** Decodes a row's histogram, naming the run and the row when the data is corrupt. */
export function rowDistribution(stats: RequestStats, run: string, row: string): Distribution {
  try {
    return decodeDistribution(stats.histogram);
  } catch (error) {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `${run}: the latency histogram of ${row} is not valid (expected HDR compressed base64)`,
      { cause: error },
    );
  }
}

/**
 * All five metrics of two stats rows: the core of both `compare` and `history`. `unlike` lists
 * how the two runs differ (see likeness.ts): then throughput gets no verdict. A row that failed
 * entirely in both runs gets a verdict on its error rate only.
 */
export function compareStats(
  baseline: { stats: RequestStats; distribution: Distribution },
  current: { stats: RequestStats; distribution: Distribution },
  settings: CompareSettings,
  streamId: string,
  noise?: LatencyNoise,
  unlike: readonly string[] = [],
): MetricComparison[] {
  const metrics = allMetrics(baseline, current, settings, streamId, noise);
  const failedBoth = failedEntirely(baseline.stats) && failedEntirely(current.stats);
  return metrics.map((m) => {
    if (failedBoth && m.metric !== 'errorRate') return notJudged(m, 'every request failed in both runs');
    if (unlike.length > 0 && m.metric === 'rps') return notJudged(m, `not like for like: ${unlike.join('; ')}`);
    return m;
  });
}

function notJudged(metric: MetricComparison, reason: string): MetricComparison {
  return { ...metric, verdict: 'n/a', evidence: { kind: 'none', reason } };
}

function allMetrics(
  baseline: { stats: RequestStats; distribution: Distribution },
  current: { stats: RequestStats; distribution: Distribution },
  settings: CompareSettings,
  streamId: string,
  noise?: LatencyNoise,
): MetricComparison[] {
  const random = createRandom(seedFor(streamId, settings.seed));
  return [
    compareThroughput(baseline.stats, current.stats, settings),
    compareErrorRate(baseline.stats, current.stats, settings),
    ...compareLatency(
      baseline.distribution,
      current.distribution,
      ['p50', 'p95', 'p99'],
      settings,
      random,
      noise,
    ),
  ];
}

/** The per-second noise the total measured, for widening endpoint rows alike. */
function noiseFactors(total: RowComparison): Partial<Record<LatencyMetric, number>> {
  const factors: Partial<Record<LatencyMetric, number>> = {};
  for (const metric of total.metrics) {
    if (metric.evidence.kind === 'bootstrap' && metric.metric in LATENCY_PERCENTILE) {
      factors[metric.metric as LatencyMetric] = metric.evidence.noiseFactor;
    }
  }
  return factors;
}

export function rowVerdictOf(metrics: readonly Pick<MetricComparison, 'verdict'>[]): 'regressed' | 'improved' | 'unchanged' {
  if (metrics.some((m) => m.verdict === 'regressed')) return 'regressed';
  if (metrics.some((m) => m.verdict === 'improved')) return 'improved';
  return 'unchanged';
}

interface Labels {
  baseline: string;
  current: string;
}

function compareRow(
  key: EndpointKey | null,
  baseline: RequestStats,
  current: RequestStats,
  settings: CompareSettings,
  labels: Labels,
  noise: LatencyNoise,
  unlike: readonly string[],
): RowComparison {
  const label = key === null ? TOTAL_LABEL : formatEndpointKey(key);
  const baselineDistribution = rowDistribution(baseline, labels.baseline, label);
  const currentDistribution = rowDistribution(current, labels.current, label);
  const metrics = compareStats(
    { stats: baseline, distribution: baselineDistribution },
    { stats: current, distribution: currentDistribution },
    settings,
    key === null ? '\u0000total' : endpointKeyId(key),
    noise,
    unlike,
  );
  return {
    label,
    key,
    presence: 'both',
    verdict: rowVerdictOf(metrics),
    requests: { baseline: baseline.requests, current: current.requests },
    metrics,
    shift: mannWhitney(baselineDistribution, currentDistribution),
  };
}

function oneSidedRow(key: EndpointKey, stats: RequestStats, side: 'baseline' | 'current'): RowComparison {
  const verdict: RowVerdict = side === 'baseline' ? 'removed' : 'added';
  return {
    label: formatEndpointKey(key),
    key,
    presence: verdict,
    verdict,
    requests: {
      baseline: side === 'baseline' ? stats.requests : null,
      current: side === 'current' ? stats.requests : null,
    },
    metrics: METRICS.map((metric) => oneSidedMetric(metric, stats, side)),
    shift: null,
  };
}

function keyOf(row: EndpointKey): EndpointKey {
  return { scenario: row.scenario, user: row.user, name: row.name, method: row.method };
}

function summary(result: Result, label: string): RunSummary {
  return {
    label,
    scenario: result.scenario.name,
    startedAt: result.startedAt,
    volley: result.volley,
    load: result.load.description,
    durationMs: result.durationMs,
    requests: result.totals.requests,
  };
}

function warningsFor(baseline: Result, current: Result, unlike: readonly string[]): string[] {
  const warnings: string[] = [];
  if (unlike.length > 0) {
    warnings.push(
      `NOT LIKE FOR LIKE: the runs differ in ${unlike.join('; ')}. Throughput is not judged, and ` +
        'latency and errors may differ for that reason alone.',
    );
  }
  for (const [side, result] of [
    ['baseline', baseline],
    ['current', current],
  ] as const) {
    if (result.outcome === 'aborted') {
      warnings.push(`the ${side} run was aborted${result.abortReason ? ` (${result.abortReason})` : ''}`);
    }
    for (const warning of result.warnings) warnings.push(`${side} run: ${warning}`);
  }
  return warnings;
}

export function compareResults(baseline: Result, current: Result, options: CompareOptions = {}): Comparison {
  const settings = resolveSettings(options);
  const labels = {
    baseline: options.baselineLabel ?? 'baseline',
    current: options.currentLabel ?? 'current',
  };
  const unlike = unlikeness(baseline, current);
  const total = compareRow(
    null,
    baseline.totals,
    current.totals,
    settings,
    labels,
    { kind: 'seconds', baseline: baseline.timeSeries, current: current.timeSeries },
    unlike,
  );
  const endpointNoise: LatencyNoise = { kind: 'factor', factors: noiseFactors(total) };

  const currentById = new Map<string, EndpointStats>();
  for (const row of current.endpoints) {
    const id = endpointKeyId(row);
    if (!currentById.has(id)) currentById.set(id, row);
  }
  const seen = new Set<string>();
  const endpoints: RowComparison[] = [];
  for (const row of baseline.endpoints) {
    const id = endpointKeyId(row);
    if (seen.has(id)) continue;
    seen.add(id);
    const match = currentById.get(id);
    endpoints.push(
      match === undefined
        ? oneSidedRow(keyOf(row), row, 'baseline')
        : compareRow(keyOf(row), row, match, settings, labels, endpointNoise, unlike),
    );
  }
  for (const [id, row] of currentById) {
    if (!seen.has(id)) endpoints.push(oneSidedRow(keyOf(row), row, 'current'));
  }

  const metrics = compareCustomMetrics(baseline.metrics, current.metrics, {
    settings,
    labels,
    noise: endpointNoise,
    unlike,
  });
  const compared = [
    ...[total, ...endpoints].filter((row) => row.presence === 'both').flatMap((row) => row.metrics),
    ...(metrics ?? []).filter((metric) => metric.presence === 'both').flatMap((metric) => metric.stats),
  ];
  const counts = {
    regressed: compared.filter((m) => m.verdict === 'regressed').length,
    improved: compared.filter((m) => m.verdict === 'improved').length,
    unchanged: compared.filter((m) => m.verdict === 'unchanged').length,
  };
  return {
    schema: COMPARISON_SCHEMA_VERSION,
    baseline: summary(baseline, labels.baseline),
    current: summary(current, labels.current),
    settings,
    verdict: rowVerdictOf(compared),
    counts,
    total,
    endpoints,
    ...(metrics === undefined ? {} : { metrics }),
    warnings: warningsFor(baseline, current, unlike),
  };
}
