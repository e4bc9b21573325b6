/**
 * Custom metrics, as k6 has them: a scenario declares them by name and kind, tasks record into
 * them through `vu.metric(name).add(value)`. Four kinds:
 *
 * - `counter`: adds values (each at least 0); shows the sum and the sum per second;
 * - `gauge`: sets a value; shows the last one set (by time, across workers), the least and most;
 * - `rate`: counts true and false (a number counts as true when it is not 0); shows the fraction true;
 * - `trend`: records values (each at least 0) in an HDR histogram; shows avg, min, max, percentiles.
 *
 * Trend values are kept in the histogram as integers of TREND_SCALE per unit (so 0.012 USD is
 * 12,000), with 3 significant digits: a percentile is exact to 0.1% of its value, down to
 * 0.000001 (smaller values read as 0) and up to about 9e9. Their min, max and average are kept
 * exactly beside the histogram.
 */

export const CUSTOM_METRIC_KINDS = ['counter', 'gauge', 'rate', 'trend'] as const;

export type CustomMetricKind = (typeof CUSTOM_METRIC_KINDS)[number];

/** Trend values are scaled by this into the histogram's integers. */
export const TREND_SCALE = 1e6;

/** Declared custom metrics a run may have (they are declared, so the number is bounded). */
export const MAX_CUSTOM_METRICS = 100;

/** A metric name: lower case letters, digits and underscores, starting with a letter. */
export const CUSTOM_METRIC_NAME = /^[a-z][a-z0-9_]*$/;

/** Which way a metric is better, for `volley compare`'s verdicts (see `defaultDirection`). */
export type MetricDirection = 'lower' | 'higher';

export const METRIC_DIRECTIONS: readonly MetricDirection[] = ['lower', 'higher'];

export interface CustomMetricDeclaration {
  name: string;
  kind: CustomMetricKind;
  /** `ms`: a trend of durations in milliseconds, shown like a latency. */
  unit?: 'ms';
  /** Which way is better, when the declaration says (`{ kind: 'counter', better: 'higher' }`). */
  better?: MetricDirection;
}

/**
 * The direction `volley compare` judges a metric by when its declaration names none: a trend is
 * better lower (like a latency), a rate better higher (like a success rate); a counter or gauge
 * has no direction, so it is shown and never judged.
 */
export function defaultDirection(kind: CustomMetricKind): MetricDirection | null {
  return kind === 'trend' ? 'lower' : kind === 'rate' ? 'higher' : null;
}

export function isMetricDirection(value: unknown): value is MetricDirection {
  return value === 'lower' || value === 'higher';
}

export function isCustomMetricKind(value: unknown): value is CustomMetricKind {
  return typeof value === 'string' && (CUSTOM_METRIC_KINDS as readonly string[]).includes(value);
}
