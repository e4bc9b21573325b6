/**
 * The Result: one complete JSON document per run. Every report (summary, JSON, HTML, CSV,
 * JUnit, Markdown, compare) renders from it alone, so `volley report result.json` works long
 * after the run. Latencies are milliseconds; histograms are kept in HDR's compressed form
 * (microseconds) so comparisons can test whole distributions.
 */

import type { EndpointKey } from './endpoint-key.js';
import type { CustomMetricKind, MetricDirection } from './custom-metric.js';
import type { SlowRequest } from './slowest-requests.js';
import type { DecodedBodies } from './snapshot.js';

export const RESULT_SCHEMA_VERSION = 2;
/**
 * Schemas this volley still reads. Schema 2 records the load per scenario (`load.users`,
 * `load.scenarios`) and `options.users` / `spawnRate` / `durationMs` / `iterations` as the load
 * that ran; in schema 1 they were the option values, whatever the scenario's own load was.
 */
export const READABLE_RESULT_SCHEMAS: readonly number[] = [1, 2];

/** One scenario's load as it ran; the fields present depend on the executor. */
export interface ScenarioLoad {
  /** Empty for a file's single scenario. */
  scenario: string;
  executor: string;
  description: string;
  /** The most users this load plans (its pool's maximum for open models). */
  users: number;
  spawnRate?: number;
  durationMs?: number | null;
  iterations?: number;
  iterationsPerUser?: number;
  startUsers?: number;
  stages?: { durationMs: number; target: number }[];
  /** Open model: iterations per second at the start. */
  rate?: number;
  maxUsers?: number;
  distribution?: string;
  from?: number;
  to?: number;
  steps?: number;
  stepDurationMs?: number;
  /** When the scenario started, ms after the run (scenarios with a startTime). */
  startTimeMs?: number;
}

export interface RunLoad {
  executor: string;
  description: string;
  /** Schema 2: the most users the run planned, every scenario together. */
  users?: number;
  /** Schema 2: each scenario's load. */
  scenarios?: ScenarioLoad[];
}

/** Milliseconds, from an HDR histogram with 3 significant digits. */
export interface LatencyStats {
  min: number;
  mean: number;
  max: number;
  stdev: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
}

export interface RequestStats {
  requests: number;
  failures: number;
  /** Requests per second over the run's measured duration. */
  rps: number;
  latency: LatencyStats;
  /** Time to first byte. */
  ttfb: LatencyStats;
  statusCodes: Record<string, number>;
  bytesIn: number;
  bytesOut: number;
  /** Total durations in microseconds, HDR compressed base64 (for comparisons). */
  histogram: string;
}

export interface EndpointStats extends EndpointKey, RequestStats {
  tags: string[];
  /**
   * The row's slowest requests of the run, slowest first (`--slowest`, 5 by default), each with
   * when it started, its status or error, method, URL and headers (redacted). Absent in results
   * from before they were kept.
   */
  slowest?: SlowRequest[];
}

export interface UserClassStats extends RequestStats {
  scenario: string;
  user: string;
}

export interface ErrorEntry {
  kind: 'request' | 'task';
  message: string;
  count: number;
  /** ISO time of the first occurrence. */
  firstAt: string;
  /** `AuthUser POST /login`, or `AuthUser task login` for exceptions. */
  endpoint: string;
  key: EndpointKey;
}

export interface CheckEntry {
  scenario: string;
  user: string;
  name: string;
  passes: number;
  fails: number;
}

export interface ThresholdVerdict {
  /** As written: `p95<300ms`, or `AuthUser:successRate>=99%`. */
  expression: string;
  ok: boolean;
  /** The measured value in the expression's unit (ms, fraction, /s, count); null when no data. */
  actual: number | null;
  /** The measured value as a person reads it: `312.4ms`, `98.7%`. */
  actualText: string;
  abortOnFail: boolean;
  /** Why it failed, when not because of the comparison (no matching requests). */
  note?: string;
}

export interface TimeSeriesPoint {
  /** Seconds since the run started, at the end of the interval. */
  t: number;
  users: number;
  rps: number;
  failuresPerSec: number;
  /** Latency percentiles of the requests finished in this second, ms; null when none. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/**
 * One reading of a watched process (volley's own, or a `--monitor-pid` target), as
 * `src/monitor/` takes it and a Result, a benchmark or a stress level keeps it.
 */
export interface MonitorSample {
  /**
   * When the sample's interval ended: seconds (3 decimals) since the watch started. A run starts
   * its watch with the run, a benchmark with its measured calls, a stress test with each level.
   * Named `t` because that is the key in every Result and bench report written so far.
   */
  t: number;
  /** CPU use of the process over the interval (user + system), percent of one core. */
  cpuPercent: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Event-loop delay p99 in the sample interval, ms. */
  eventLoopDelayP99Ms: number;
}

export interface MonitoredProcess {
  pid: number;
  /** Its command name (`node`, `postgres`). */
  command: string;
  samples: MonitorSample[];
  /** Why the series ends early (the process exited), or null. */
  note: string | null;
}

export interface HostInfo {
  hostname: string;
  platform: string;
  arch: string;
  cpus: number;
  node: string;
}

/** One named phase of the run (a step of a step load): its own stats row. */
export interface PhaseStats {
  name: string;
  /** Seconds since the run started. */
  fromS: number;
  toS: number;
  /** Most users alive during the phase. */
  users: number;
  requests: number;
  failures: number;
  rps: number;
  /** Failures / requests, a fraction. */
  errorRate: number;
  latency: LatencyStats;
}

export type RunOutcome = 'passed' | 'failed' | 'aborted';

export interface Result {
  /** RESULT_SCHEMA_VERSION when written by this volley; older files read as 1. */
  schema: number;
  /** volley's version. */
  volley: string;
  ok: boolean;
  outcome: RunOutcome;
  /**
   * Why the run was aborted (threshold with abortOnFail, Ctrl-C), or stopped early as failed
   * (nothing listening at the target), when it was.
   */
  abortReason?: string;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  scenario: { file: string | null; name: string };
  /** The resolved options the run used (plain JSON). */
  options: Record<string, unknown>;
  host: HostInfo;
  totals: RequestStats & {
    iterations: number;
    droppedIterations: number;
    /**
     * Requests sent again after a kept-alive connection dropped them unanswered; each failed
     * attempt is also among the failed requests. Absent in results from before it was counted.
     */
    retries?: number;
    /**
     * Compressed bodies decoded because the script read them, with their wire and decoded sizes
     * (`bytesIn` counts wire bytes). Absent in results from before it was counted.
     */
    decoded?: DecodedBodies;
    checks: { passes: number; fails: number };
  };
  /** The load model as run: `100 users at 10/s for 300s`, `200/s (up to 400 users, even)`. */
  load: RunLoad;
  endpoints: EndpointStats[];
  userClasses: UserClassStats[];
  /** Stats per phase (steps of a step load); empty when the load has none. */
  phases: PhaseStats[];
  errors: ErrorEntry[];
  checks: CheckEntry[];
  thresholds: ThresholdVerdict[];
  timeSeries: TimeSeriesPoint[];
  monitor: {
    generator: MonitorSample[];
    /** Other processes sampled during the run (`--monitor-pid`), such as the service under test. */
    targets?: MonitoredProcess[];
  };
  /** Per-worker counts and health, when the load ran on several workers. */
  workers?: { worker: number; requests: number; failures: number; lost: string | null }[];
  /** The declared custom metrics that were recorded, by name; absent when there were none. */
  metrics?: CustomMetricStats[];
  /** Reasons to distrust the numbers (a saturated generator, for one). */
  warnings: string[];
}

/**
 * One custom metric over the whole run (see custom-metric.ts). The fields present depend on its
 * kind: counter `sum`, `perSecond`; gauge `last`, `min`, `max`; rate `trues`, `rate`; trend
 * `avg`, `min`, `max`, `med`, `p90`, `p95`, `p99` and its `histogram`.
 */
export interface CustomMetricStats {
  name: string;
  kind: CustomMetricKind;
  /** `ms`: a trend of durations in milliseconds. */
  unit?: 'ms';
  /** Which way is better, as declared (absent: the kind's default, see `defaultDirection`). */
  better?: MetricDirection;
  /** Values recorded (a counter's adds, a gauge's sets, a rate's values, a trend's values). */
  samples: number;
  sum?: number;
  perSecond?: number;
  last?: number;
  min?: number;
  max?: number;
  trues?: number;
  /** The fraction of values that were true. */
  rate?: number;
  avg?: number;
  med?: number;
  p90?: number;
  p95?: number;
  p99?: number;
  /** Trend: values × TREND_SCALE, HDR compressed base64. */
  histogram?: string;
}
