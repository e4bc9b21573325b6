/**
 * What threshold evaluation needs from the measurements: the merged figures of every stats row
 * a selector matches, over the whole run or over a trailing window. The aggregator implements
 * it; thresholds depend only on this shape.
 */

import type { CustomMetricKind } from './custom-metric.js';

export interface RowFilter {
  scenario?: string;
  user?: string;
  /** Matches a row's name, or `METHOD name` (`POST /api/login`). */
  name?: string;
  method?: string;
  tag?: string;
  /**
   * A `vu.group()` path: selects the rows recorded inside that group, nested groups included
   * (`checkout` selects rows of `checkout` and of `checkout › pay`), not the group's own row.
   */
  group?: string;
  /**
   * A protocol (`http/1.1`, `h2`, `ws`, `sse`, `grpc`): selects that protocol's rows. `http/1.1`
   * selects HTTP rows that carry no other protocol.
   */
  protocol?: string;
  /**
   * A named phase (a step of a step load): its name, or the start of it up to `/` or `:`
   * (`step 3` selects `step 3/5: 30 users`). It selects the phase's requests as a whole.
   */
  phase?: string;
}

export interface MergedStats {
  /** Rows the filter matched (0 means the selector matched nothing). */
  rows: number;
  requests: number;
  failures: number;
  /** Seconds the figures cover (the run so far, or the window). */
  seconds: number;
  /** Latency in milliseconds; null when there were no requests. */
  latency: {
    min: number;
    max: number;
    mean: number;
    /** Percentile in (0, 100], from the merged HDR histogram. */
    percentile(p: number): number;
  } | null;
  checks: { passes: number; fails: number };
}

/**
 * Memory figures of a run's processes, bytes; null where nothing was sampled. Growth is null
 * too when the run was too short to fit a trend; the peak needs only one sample.
 */
export interface MemoryFigures {
  growthBytes: number | null;
  peakBytes: number;
}

export interface ResourceFigures {
  /** volley's own process. */
  generator: MemoryFigures | null;
  /** The processes `--monitor-pid` watched (the largest figure among them). */
  targets: MemoryFigures | null;
}

/** A custom metric over the run, for its thresholds (see custom-metric.ts). */
export interface CustomMetricFigures {
  kind: CustomMetricKind;
  samples: number;
  /** Counter: the sum; rate: the trues; trend: the sum of values. */
  sum: number;
  min: number;
  max: number;
  /** Gauge: the last value set. */
  last: number;
  /** Seconds the figures cover: the run so far, or the window (for a counter's rate). */
  seconds: number;
  /** Trend: a percentile in (0, 100] from its merged histogram. */
  percentile(p: number): number;
}

export interface StatsSource {
  /**
   * A custom metric's figures over the whole run, or with `windowMs` over the trailing window;
   * null when it recorded nothing there.
   */
  customMetric?(name: string, windowMs?: number): CustomMetricFigures | null;
  /** Memory of the run's processes, once the run has ended (absent while it runs). */
  resources?(): ResourceFigures;
  /** `windowMs` restricts the figures to the trailing window; omitted means the whole run. */
  select(filter: RowFilter, windowMs?: number): MergedStats;
}
