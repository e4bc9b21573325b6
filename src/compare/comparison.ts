/**
 * What `volley compare` produces: plain, serializable data (it is also the `--json` output), so
 * the terminal, Markdown and HTML renderers and `volley history` all read one shape. Latencies
 * are milliseconds, rates fractions, throughput requests per second.
 */

import type { CustomMetricKind, MetricDirection } from '../metrics/custom-metric.js';
import type { EndpointKey } from '../metrics/endpoint-key.js';
import type { DistributionShift } from './mann-whitney.js';

export const COMPARISON_SCHEMA_VERSION = 1;

export type MetricName = 'rps' | 'errorRate' | 'p50' | 'p95' | 'p99';

export const METRICS: readonly MetricName[] = ['rps', 'errorRate', 'p50', 'p95', 'p99'];

/** `unchanged` reads "no significant change"; `n/a` means one side has no data to compare. */
export type Verdict = 'regressed' | 'improved' | 'unchanged' | 'n/a';

/** Why the verdict is what it is: which test ran, and what it found. */
export type Evidence =
  | {
      kind: 'bootstrap';
      confidence: number;
      /**
       * Interval of current − baseline (ms) that the verdict uses: the bootstrap interval over
       * requests, widened to the per-second noise where that is larger (`time-blocks.ts`).
       */
      low: number;
      high: number;
      /** The bootstrap alone: requests resampled as independent draws. */
      requests: { low: number; high: number; resamples: number; samples: [number, number] };
      /** Half-width of the per-second (batch means) interval, ms; null without 3 seconds a run. */
      seconds: { halfWidth: number; blocks: [number, number] } | null;
      /**
       * Per-second noise ÷ bootstrap half-width (>= 1). On the total it is measured; endpoint
       * rows (which have no per-second series) have their bootstrap interval widened by it.
       */
      noiseFactor: number;
    }
  | { kind: 'two-proportion'; z: number; pValue: number; alpha: number }
  | { kind: 'ratio' }
  | { kind: 'none'; reason: string };

export interface MetricComparison {
  metric: MetricName;
  unit: 'ms' | 'fraction' | '/s';
  baseline: number | null;
  current: number | null;
  /** current − baseline, in `unit`. */
  change: number | null;
  /** change / baseline; null when the baseline is 0 or missing. */
  relativeChange: number | null;
  /** The smallest change (in `unit`) that counts, whichever way. */
  margin: number | null;
  verdict: Verdict;
  evidence: Evidence;
}

/** The unit of a compared value: a custom metric's plain numbers are `number`. */
export type ComparedUnit = MetricComparison['unit'] | 'number';

/** A custom metric's figure: a trend's `avg`, `p50`…; a counter's `sum`, `perSecond`; … */
export type CustomStatName = 'avg' | 'p50' | 'p95' | 'p99' | 'sum' | 'perSecond' | 'rate' | 'last' | 'min' | 'max';

/** One figure of a custom metric, compared as a request row's metric is. */
export interface CustomStatComparison extends Omit<MetricComparison, 'metric' | 'unit'> {
  stat: CustomStatName;
  unit: ComparedUnit;
}

/**
 * A custom metric of either run (see `custom-metric-compare.ts` for how each kind is judged). A
 * metric only one run has is listed as added or removed, with no figures compared.
 */
export interface CustomMetricComparison {
  name: string;
  kind: CustomMetricKind;
  /** `ms`: a trend of durations in milliseconds. */
  unit?: 'ms';
  /** The direction its verdicts use (declared, or the kind's default); null: shown, never judged. */
  better: MetricDirection | null;
  presence: RowPresence;
  verdict: RowVerdict;
  samples: { baseline: number | null; current: number | null };
  stats: CustomStatComparison[];
  /** Why nothing was compared, when nothing was (the runs declare it as different kinds). */
  note?: string;
}

export type RowPresence = 'both' | 'added' | 'removed';

export type RowVerdict = 'regressed' | 'improved' | 'unchanged' | 'added' | 'removed';

export interface RowComparison {
  /** `Total`, or `AuthUser POST /login`. */
  label: string;
  /** Null for the total. */
  key: EndpointKey | null;
  presence: RowPresence;
  /** Regressed if any metric regressed; improved if any improved and none regressed. */
  verdict: RowVerdict;
  requests: { baseline: number | null; current: number | null };
  metrics: MetricComparison[];
  /** Whole-distribution shift of latency (Mann–Whitney); informational, not a verdict. */
  shift: DistributionShift | null;
}

export interface RunSummary {
  /** The file name, or what the caller called the run. */
  label: string;
  scenario: string;
  startedAt: string;
  volley: string;
  load: string;
  durationMs: number;
  requests: number;
}

export interface CompareSettings {
  /** Fraction of the baseline a change must exceed to count (0.1 = 10%). */
  maxRegression: number;
  /** Error-rate changes smaller than this many (fractional) points never count. */
  errorRateFloor: number;
  confidence: number;
  resamples: number;
  /** Most values resampled per run (see `bootstrap.ts`). */
  sampleCap: number;
  /**
   * A percentile is judged only when both runs have at least this many requests beyond it
   * (p99 of 500 requests is decided by 5 of them: too few to tell noise from change).
   */
  minTail: number;
  seed: number;
}

export interface Comparison {
  schema: typeof COMPARISON_SCHEMA_VERSION;
  baseline: RunSummary;
  current: RunSummary;
  settings: CompareSettings;
  verdict: 'regressed' | 'improved' | 'unchanged';
  /** Metric rows (totals, endpoints and custom metrics' figures) with each verdict. */
  counts: { regressed: number; improved: number; unchanged: number };
  total: RowComparison;
  endpoints: RowComparison[];
  /** The custom metrics of either run, by name; absent when neither run has any. */
  metrics?: CustomMetricComparison[];
  /** Reasons the two runs may not be comparable (different load, a suspect generator). */
  warnings: string[];
}

export const VERDICT_TEXT: Record<Verdict | RowVerdict, string> = {
  regressed: 'regressed',
  improved: 'improved',
  unchanged: 'no significant change',
  'n/a': 'n/a',
  added: 'added',
  removed: 'removed',
};

export const METRIC_TEXT: Record<MetricName, string> = {
  rps: 'requests/s',
  errorRate: 'error rate',
  p50: 'p50',
  p95: 'p95',
  p99: 'p99',
};
