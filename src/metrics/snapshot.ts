/**
 * The Snapshot: one interval's worth of measurements, the single currency between the recorder
 * (which produces one per flush), the aggregator (which merges them), workers (which ship them)
 * and live outputs. It is plain JSON: histograms travel in HDR histogram's compressed base64
 * form, so merging across threads and machines is exact.
 */

import type { CustomMetricKind, MetricDirection } from './custom-metric.js';
import type { EndpointKey } from './endpoint-key.js';
import type { SnapshotSlowRequest } from './slowest-requests.js';

export const SNAPSHOT_VERSION = 1;

export interface SnapshotEndpoint {
  key: EndpointKey;
  /** Tags of every task that recorded into this row. */
  tags: string[];
  requests: number;
  failures: number;
  bytesIn: number;
  bytesOut: number;
  /** Count per HTTP status; "0" means no response (connection error, timeout). */
  statusCodes: Record<string, number>;
  /** Total duration of each request, microseconds, HDR compressed base64. */
  latency: string;
  /** Time to first byte (response headers), microseconds, HDR compressed base64. */
  ttfb: string;
  /**
   * The row's slowest requests kept since the last flush, slowest first, at most the worker's
   * `--slowest` per row (absent: none new). The aggregate merges them into the run's slowest.
   */
  slowest?: SnapshotSlowRequest[];
}

export interface SnapshotError {
  key: EndpointKey;
  /** `request`: a failed request (status, network error, failed check); `task`: an exception. */
  kind: 'request' | 'task';
  message: string;
  count: number;
  /** First occurrence within the interval, ms since the run started. */
  firstAtMs: number;
}

export interface SnapshotCheck {
  scenario: string;
  user: string;
  name: string;
  passes: number;
  fails: number;
}

export interface Snapshot {
  version: typeof SNAPSHOT_VERSION;
  /** Worker index that produced it; 0 in a single-process run. */
  worker: number;
  /** Interval bounds, ms since the run started (a shared origin across workers). */
  fromMs: number;
  toMs: number;
  /** Virtual users alive at the end of the interval. */
  users: number;
  /** The named phase (a step, a level) the interval belongs to, when the load has phases. */
  phase: string | null;
  /** Task iterations completed in the interval. */
  iterations: number;
  /** Iterations that were due but could not start (open-model executors). */
  droppedIterations: number;
  /** Requests sent again after a kept-alive connection dropped them (absent: none counted). */
  retries?: number;
  /** Compressed bodies the scripts read, decoded: how many, their wire and decoded sizes. */
  decoded?: DecodedBodies;
  endpoints: SnapshotEndpoint[];
  errors: SnapshotError[];
  checks: SnapshotCheck[];
  /** The declared custom metrics that had samples in the interval (absent: none). */
  metrics?: SnapshotMetric[];
}

/**
 * One custom metric's interval (see custom-metric.ts). Every field merges exactly across workers:
 * samples and sums add, min and max take the extreme, the gauge's last value is the latest by
 * time, trend histograms add.
 */
export interface SnapshotMetric {
  name: string;
  kind: CustomMetricKind;
  unit?: 'ms';
  /** The declared direction, when there is one (for `volley compare`). */
  better?: MetricDirection;
  /** Values recorded: a counter's adds, a gauge's sets, a rate's trues and falses, a trend's values. */
  samples: number;
  /** Counter: the sum added; rate: how many were true; trend: the sum of values; gauge: 0. */
  sum: number;
  /** Gauge and trend: the least and most value recorded (0 for the other kinds). */
  min: number;
  max: number;
  /** Gauge: the last value set, and when (ms since the run started). */
  last: number;
  lastAtMs: number;
  /** Trend: values × TREND_SCALE, HDR compressed base64; '' for the other kinds. */
  histogram: string;
}

/** Compressed response bodies decoded because a script read them (the rest stay as they came). */
export interface DecodedBodies {
  bodies: number;
  /** Their size as received. */
  wireBytes: number;
  /** Their size once decoded. */
  bytes: number;
}
