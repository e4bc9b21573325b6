/**
 * Threshold types: what a user writes (`ThresholdDefinition`, a string or an object in a
 * scenario's `thresholds`) and what the parser turns it into (`ThresholdSpec`, one comparison of
 * one metric over one selection of stats rows). Everything after parsing works on specs only.
 */

import type { RowFilter } from '../metrics/stats-source.js';

/** How the measured value is compared with the threshold's value. */
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==';

/**
 * The figure a threshold tests, and so its unit: latencies in milliseconds, rates as fractions
 * in [0, 1], `rps` in requests per second, counts as integers.
 */
export type ThresholdMetric =
  | { kind: 'latency'; stat: 'avg' | 'min' | 'max' }
  | {
      kind: 'latency';
      stat: 'percentile';
      /** In (0, 100]; `median` is 50. */
      percentile: number;
    }
  | { kind: 'rate'; which: 'success' | 'error' | 'checks' }
  | { kind: 'rps' }
  | { kind: 'count'; which: 'requests' | 'failures' }
  /** Memory of volley's process or of the `--monitor-pid` processes, bytes; judged at the end. */
  | { kind: 'memory'; which: 'growth' | 'peak'; of: 'generator' | 'targets' }
  | {
      /** A declared custom metric (`metric=cost_usd:p95<0.02`); see custom-metric-threshold.ts. */
      kind: 'custom';
      name: string;
      stat: 'avg' | 'min' | 'max' | 'percentile' | 'rate' | 'perSecond' | 'count' | 'last';
      /** For `percentile`: in (0, 100]. */
      percentile: number;
      /** Set once checked against the declarations: the metric's kind, and a trend in ms. */
      metricKind?: 'counter' | 'gauge' | 'rate' | 'trend';
      ms?: boolean;
    };

/** One parsed threshold: a comparison of one metric over the rows `filter` selects. */
export interface ThresholdSpec {
  /** As a person reads it: `p95<300ms`, `AuthUser:successRate>=99%`, `p95<=200ms over 30s`. */
  expression: string;
  /** Which stats rows the metric is computed over; `{}` means every request. */
  filter: RowFilter;
  metric: ThresholdMetric;
  op: ComparisonOperator;
  /** In the metric's unit: ms, fraction, per second or count. */
  value: number;
  /** Stop the run as soon as this threshold fails during it. */
  abortOnFail: boolean;
  /** Judge only the trailing window of this many ms instead of the whole run. */
  windowMs?: number;
}

/**
 * A condition on one metric: an operator and a value, e.g. `'<=200ms'`, `'>=99%'`, `'>100/s'`.
 * Operators: `<`, `<=`, `>`, `>=`, `==`. Several conditions on the same metric go in an array:
 * `['<500ms', '>1ms']`.
 */
export type ThresholdCondition = string | readonly string[];

/**
 * The object form of a threshold, for a scenario's `thresholds` array. Selector keys choose the
 * requests; every metric key adds one condition on them.
 *
 * @example
 * { user: 'AuthUser', successRate: '>=99%', p95: '<=200ms' }      // two thresholds
 * { name: 'POST /api/v1/generation/create', p95: '<=500ms' }
 * { tag: 'smoke', errorRate: '<1%', abortOnFail: true, window: '30s' }
 */
export interface ThresholdObject {
  /** Only requests made by this user class (its `defineUser` name). */
  user?: string;
  /** Only requests with this name, or `METHOD name` (`'GET /health'`). */
  name?: string;
  /** Only requests with this HTTP method (`'POST'`). */
  method?: string;
  /** Only requests made by tasks carrying this tag. */
  tag?: string;
  /** Only requests from this scenario, when a run has several. */
  scenario?: string;
  /** Only rows recorded inside this `vu.group()` path or a group nested in it (`'checkout'`). */
  group?: string;
  /**
   * Only the requests of this phase (a step of a step load), by its name or the start of it
   * (`'step 3'` for `step 3/5: 30 users`); on its own, without other selectors or a window.
   */
  phase?: string;
  /**
   * A declared custom metric, instead of requests (`metric: 'cost_usd', p95: '<0.02'`); stands
   * alone, without the selector keys. Its stats are `avg`, `min`, `max`, `med`, `pNN`, `rate`,
   * `count` and `last`, as its kind has them.
   */
  metric?: string;
  /** Stop the run as soon as one of these conditions fails while it runs. Default false. */
  abortOnFail?: boolean;
  /** Judge only the trailing window (`'30s'`, or a number of seconds) instead of the whole run. */
  window?: string | number;

  /** Number of requests (integer): `'>=1000'`. */
  count?: ThresholdCondition;
  /** Same as `count`. */
  requests?: ThresholdCondition;
  /** Number of failed requests (integer): `'<10'`. */
  failures?: ThresholdCondition;
  /** Share of requests that succeeded: `'>=99%'` or `'>=0.99'`. */
  successRate?: ThresholdCondition;
  /** Share of requests that failed: `'<1%'`. */
  errorRate?: ThresholdCondition;
  /** Same as `errorRate`. */
  failRate?: ThresholdCondition;
  /** Requests per second: `'>100/s'`, `'>6000/m'` or `'>100'`. */
  rps?: ThresholdCondition;
  /** Mean latency: `'<=200ms'`, `'<1.5s'`; a bare number is milliseconds. */
  avg?: ThresholdCondition;
  /** Same as `avg`. */
  mean?: ThresholdCondition;
  /** Fastest request's latency. */
  min?: ThresholdCondition;
  /** Slowest request's latency: `'<2s'`. */
  max?: ThresholdCondition;
  /** 50th percentile latency: `'<50ms'`. */
  median?: ThresholdCondition;
  /** Same as `median`. */
  med?: ThresholdCondition;
  /** Share of checks that passed: `'>=99%'`. */
  checks?: ThresholdCondition;
  /** With `metric`: a rate's fraction true (`'>90%'`), or a counter's sum per second (`'>5/s'`). */
  rate?: ThresholdCondition;
  /** With `metric`: a gauge's last value. */
  last?: ThresholdCondition;
  /** A latency percentile: `p95`, `p99.9`, `'p(99.9)'`, with a duration: `p95: '<300ms'`. */
  [percentile: `p${number}` | `p(${number})`]: ThresholdCondition | undefined;
}

/**
 * A threshold as a scenario or the CLI gives it: the object form, or a string
 * `[selector:]metric op value`.
 *
 * String examples: `'p95<300ms'`, `'errorRate<1%'`, `'rps>100/s'`, `'AuthUser:successRate>=99%'`,
 * `'name=GET /health:p99<50ms'`, `'tag=smoke,method=GET:p95<100ms'`. The selector is a
 * comma-separated list of `user=`, `name=`, `method=`, `tag=`, `scenario=` parts, or a bare user
 * class name.
 */
export type ThresholdDefinition = string | ThresholdObject;
