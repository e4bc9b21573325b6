/**
 * A run's live state in the Prometheus text exposition format, version 0.0.4: what a Prometheus
 * server (or any scraper that reads it: Grafana Agent, VictoriaMetrics, OpenTelemetry's
 * Prometheus receiver) collects from `/metrics` while a load test runs. Pure: the same state
 * renders to the same text, so a scrape costs one render and the run's tick costs nothing.
 *
 * Latencies are in seconds, Prometheus's base unit. Samples carry no timestamps: the scraper
 * stamps them with the scrape time, which is what a live gauge means.
 */

import type { LiveEndpointRow } from '../../metrics/live-row.js';
import type { CustomMetricStats, Result } from '../../metrics/result.js';
import type { LiveProgress, RunStartInfo } from '../output.js';

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface ExpositionState {
  /** The run's name: the `run` label of every sample (until the run's start names it). */
  scenario: string;
  /** Null until the run starts. */
  start: RunStartInfo | null;
  /** The latest live interval; null before the first. */
  progress: LiveProgress | null;
  /** Null until the run ends. */
  result: Result | null;
}

type MetricType = 'counter' | 'gauge' | 'summary';
type Labels = readonly (readonly [string, string])[];

interface Sample {
  /** `_sum` and `_count` of a summary; empty for the family's own samples. */
  suffix: string;
  labels: Labels;
  value: number;
}

interface Family {
  name: string;
  type: MetricType;
  help: string;
  samples: Sample[];
}

const QUANTILES = [
  ['0.5', 'p50Ms'],
  ['0.95', 'p95Ms'],
  ['0.99', 'p99Ms'],
] as const;

const PHASES = ['running', 'stopping', 'finished'] as const;

/** Backslash, double quote and line feed are the only characters a label value escapes. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** HELP text escapes backslash and line feed (a double quote stays as it is). */
export function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** A sample value as Go's ParseFloat reads it, which is what Prometheus uses. */
export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/**
 * Milliseconds (3 decimals, as the stats rows have them) to seconds, rounded to the microsecond
 * so 0.18 renders as `0.00018` rather than a float artefact like `0.00018000000000000001`.
 */
function seconds(ms: number): number {
  return Math.round(ms * 1000) / 1e6;
}

function family(name: string, type: MetricType, help: string): Family {
  return { name, type, help, samples: [] };
}

export function renderExposition(state: ExpositionState): string {
  const { progress, result, start } = state;
  // The run's own name, once it has started, is the one its Result carries.
  // `run` names the run (its scenario); `scenario` on a row names one of a file's named scenarios.
  const scenario: Labels = [['run', start?.scenario ?? state.scenario]];
  return [
    ...rowFamilies(scenario, progress),
    ...intervalFamilies(scenario, progress),
    ...runFamilies(scenario, state),
    ...customMetricFamilies(scenario, result?.metrics ?? progress?.metrics ?? []),
    ...verdictFamilies(scenario, result),
  ]
    .filter((metric) => metric.samples.length > 0)
    .map(renderFamily)
    .join('');
}

/** Per stats row since the start of the run: counts and latencies, and all rows' latencies together. */
function rowFamilies(scenario: Labels, progress: LiveProgress | null): Family[] {
  const requests = family('volley_requests_total', 'counter', 'Requests finished, per stats row.');
  const failures = family('volley_request_failures_total', 'counter', 'Requests that failed, per stats row.');
  const duration = family(
    'volley_request_duration_seconds',
    'summary',
    'Request duration per stats row: quantiles since the start of the run. _count is the requests ' +
      'finished and _sum is their mean duration times _count (the exact sum is not kept).',
  );
  const durationMax = family(
    'volley_request_duration_max_seconds',
    'gauge',
    'Longest request duration per stats row since the start of the run.',
  );
  const aggregated = family(
    'volley_aggregated_request_duration_seconds',
    'summary',
    'Request duration of all rows together (quantiles cannot be summed from the rows): ' +
      'quantiles since the start of the run; _sum is the mean duration times _count.',
  );
  for (const row of progress?.endpoints ?? []) {
    const labels: Labels = [
      ...scenario,
      ...(row.scenario === '' ? [] : ([['scenario', row.scenario]] as Labels)),
      ['user_class', row.userClass],
      ['method', row.method],
      ['name', row.name],
      // GET /a over HTTP/1.1 and over HTTP/2 are two rows: without it, two series of one label set.
      ...(row.protocol === undefined ? [] : ([['protocol', row.protocol]] as Labels)),
    ];
    requests.samples.push({ suffix: '', labels, value: row.requests });
    failures.samples.push({ suffix: '', labels, value: row.failures });
    duration.samples.push(...summarySamples(labels, row));
    if (row.maxMs !== null) durationMax.samples.push({ suffix: '', labels, value: seconds(row.maxMs) });
  }
  if (progress !== null) aggregated.samples.push(...summarySamples(scenario, progress.total));
  return [requests, failures, duration, durationMax, aggregated];
}

/** The last live interval: users, throughput, failures, p95. */
function intervalFamilies(scenario: Labels, progress: LiveProgress | null): Family[] {
  const users = gauge('volley_users', 'Virtual users alive.', scenario, progress?.users ?? 0);
  const rps = gauge(
    'volley_requests_per_second',
    'Requests finished per second over the last live interval.',
    scenario,
    progress?.rps ?? 0,
  );
  const failureRate = gauge(
    'volley_failures_per_second',
    'Failed requests per second over the last live interval.',
    scenario,
    progress?.failuresPerSec ?? 0,
  );
  const intervalP95 = family(
    'volley_interval_request_duration_p95_seconds',
    'gauge',
    '95th percentile request duration over the last live interval (absent when no request finished in it).',
  );
  if (progress !== null && progress.p95Ms !== null)
    intervalP95.samples.push({ suffix: '', labels: scenario, value: seconds(progress.p95Ms) });
  return [users, rps, failureRate, intervalP95];
}

/** The run's clock and phase: elapsed, planned length, start time, current phase. */
function runFamilies(scenario: Labels, state: ExpositionState): Family[] {
  const { progress, result, start } = state;
  const elapsedMs = result?.durationMs ?? progress?.elapsedMs ?? 0;
  const elapsed = gauge('volley_run_elapsed_seconds', 'Time since the run started.', scenario, seconds(elapsedMs));
  const plannedMs = progress?.plannedDurationMs ?? start?.plannedDurationMs ?? null;
  const planned = family(
    'volley_run_planned_duration_seconds',
    'gauge',
    'How long the run is planned to last (absent when it has no fixed length).',
  );
  if (plannedMs !== null) planned.samples.push({ suffix: '', labels: scenario, value: seconds(plannedMs) });
  const startTime = family(
    'volley_run_start_time_seconds',
    'gauge',
    'When the run started, in seconds since the Unix epoch.',
  );
  const startedAtMs = start === null ? NaN : Date.parse(start.startedAt);
  if (Number.isFinite(startedAtMs))
    startTime.samples.push({ suffix: '', labels: scenario, value: startedAtMs / 1000 });

  const currentPhase = result !== null ? 'finished' : (progress?.phase ?? null);
  const phase = family(
    'volley_run_phase',
    'gauge',
    'The run phase: 1 for the current one, 0 for the others (all 0 before the first live interval).',
  );
  for (const name of PHASES)
    phase.samples.push({ suffix: '', labels: [...scenario, ['phase', name]], value: name === currentPhase ? 1 : 0 });
  return [elapsed, planned, startTime, phase];
}

function gauge(name: string, help: string, labels: Labels, value: number): Family {
  return { name, type: 'gauge', help, samples: [{ suffix: '', labels, value }] };
}

/** Quantiles for a row that has latencies, then `_sum` and `_count` always. */
function summarySamples(labels: Labels, row: LiveEndpointRow): Sample[] {
  const samples: Sample[] = [];
  for (const [quantile, field] of QUANTILES) {
    const ms = row[field];
    if (ms !== null) samples.push({ suffix: '', labels: [...labels, ['quantile', quantile]], value: seconds(ms) });
  }
  samples.push({ suffix: '_sum', labels, value: Math.round(row.avgMs * 1000 * row.requests) / 1e6 });
  samples.push({ suffix: '_count', labels, value: row.requests });
  return samples;
}

const TREND_QUANTILES = [
  ['0.5', 'med'],
  ['0.9', 'p90'],
  ['0.95', 'p95'],
  ['0.99', 'p99'],
] as const;

/**
 * The scenario's custom metrics (`volley_metric_*`, label `metric`), in their own units (a trend
 * in ms stays in ms, as its name says it is), cumulative since the start of the run.
 */
function customMetricFamilies(scenario: Labels, metrics: readonly CustomMetricStats[]): Family[] {
  const counter = family('volley_metric_counter_total', 'counter', 'Custom counter metrics: the sum added.');
  const gaugeLast = family('volley_metric_gauge', 'gauge', 'Custom gauge metrics: the last value set.');
  const gaugeMin = family('volley_metric_gauge_min', 'gauge', 'Custom gauge metrics: the least value set.');
  const gaugeMax = family('volley_metric_gauge_max', 'gauge', 'Custom gauge metrics: the most value set.');
  const rate = family('volley_metric_rate_ratio', 'gauge', 'Custom rate metrics: the fraction of values that were true.');
  const rateCount = family('volley_metric_rate_samples_total', 'counter', 'Custom rate metrics: values recorded.');
  const trend = family(
    'volley_metric_trend',
    'summary',
    'Custom trend metrics: quantiles since the start of the run (3 significant digits); _sum is the exact sum of values.',
  );
  const trendMin = family('volley_metric_trend_min', 'gauge', 'Custom trend metrics: the least value recorded.');
  const trendMax = family('volley_metric_trend_max', 'gauge', 'Custom trend metrics: the most value recorded.');
  for (const metric of metrics) {
    const labels: Labels = [...scenario, ['metric', metric.name]];
    const sample = (target: Family, value: number | undefined, suffix = ''): void => {
      target.samples.push({ suffix, labels, value: value ?? 0 });
    };
    switch (metric.kind) {
      case 'counter':
        sample(counter, metric.sum);
        break;
      case 'gauge':
        sample(gaugeLast, metric.last);
        sample(gaugeMin, metric.min);
        sample(gaugeMax, metric.max);
        break;
      case 'rate':
        sample(rate, metric.rate);
        sample(rateCount, metric.samples);
        break;
      case 'trend':
        for (const [quantile, field] of TREND_QUANTILES)
          trend.samples.push({ suffix: '', labels: [...labels, ['quantile', quantile]], value: metric[field] ?? 0 });
        sample(trend, (metric.avg ?? 0) * metric.samples, '_sum');
        sample(trend, metric.samples, '_count');
        sample(trendMin, metric.min);
        sample(trendMax, metric.max);
        break;
    }
  }
  return [counter, gaugeLast, gaugeMin, gaugeMax, rate, rateCount, trend, trendMin, trendMax];
}

/** The verdicts, once the run has ended. */
function verdictFamilies(scenario: Labels, result: Result | null): Family[] {
  if (result === null) return [];
  const passed = gauge(
    'volley_run_passed',
    'Whether the run passed (1) or failed or was aborted (0); present once it has ended.',
    scenario,
    result.ok ? 1 : 0,
  );
  const outcome = family(
    'volley_run_outcome',
    'gauge',
    'How the run ended: 1 for its outcome, 0 for the others; present once it has ended.',
  );
  for (const name of ['passed', 'failed', 'aborted'] as const)
    outcome.samples.push({ suffix: '', labels: [...scenario, ['outcome', name]], value: result.outcome === name ? 1 : 0 });
  // The same expression given twice (in the scenario and a profile) is one series: it passes
  // only if every copy did.
  const byExpression = new Map<string, boolean>();
  for (const verdict of result.thresholds)
    byExpression.set(verdict.expression, (byExpression.get(verdict.expression) ?? true) && verdict.ok);
  const thresholds = family(
    'volley_threshold_passed',
    'gauge',
    'Whether each threshold passed (1) or failed (0), as written; present once the run has ended.',
  );
  for (const [expression, ok] of byExpression)
    thresholds.samples.push({ suffix: '', labels: [...scenario, ['threshold', expression]], value: ok ? 1 : 0 });
  return [passed, outcome, thresholds];
}

function renderFamily(metric: Family): string {
  const lines = [`# HELP ${metric.name} ${escapeHelp(metric.help)}`, `# TYPE ${metric.name} ${metric.type}`];
  for (const sample of metric.samples) {
    const labels = sample.labels.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',');
    lines.push(`${metric.name}${sample.suffix}{${labels}} ${formatSampleValue(sample.value)}`);
  }
  return `${lines.join('\n')}\n`;
}
