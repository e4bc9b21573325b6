/**
 * What a benchmark is, as `bench()` builds it and the bench runner consumes it: the function, its
 * options and thresholds. Defined here, beside the code that runs it, so that bench/ needs nothing
 * from api/; `src/api/bench.ts` builds these and re-exports the types for scenario authors.
 */

import type { DurationInput } from '../core/units/duration.js';

export type { DurationInput };

/** A condition on one metric: `'<50ms'`, `'>1000/s'`, or several: `['<50ms', '>1ms']`. */
export type MetricCondition = string | readonly string[];

/**
 * Conditions on the resources used while a benchmark measures or a stress test runs: volley's
 * own process, and the processes given with `--monitor-pid` (`target…`, the highest of them).
 */
export interface ResourceThresholds {
  /** Highest RSS: `'<500MB'`. */
  peakMemory?: MetricCondition;
  /** Mean RSS. */
  meanMemory?: MetricCondition;
  /** Fitted memory growth (leak detection): `'<50MB'`. */
  memoryGrowth?: MetricCondition;
  /** CPU, percent of one core: `'<90%'`. */
  peakCpu?: MetricCondition;
  meanCpu?: MetricCondition;
  targetPeakMemory?: MetricCondition;
  targetMemoryGrowth?: MetricCondition;
  targetPeakCpu?: MetricCondition;
}

/**
 * Pass/fail criteria of a benchmark, each metric a condition. Latencies take durations
 * (`'<50ms'`, a bare number is ms), `ops` a rate (`'>1000/s'`), `rme` a percentage, memory sizes
 * bytes with a unit (`'<500MB'`), CPU a percent of one core (`'<80%'`).
 */
export interface BenchThresholds extends ResourceThresholds {
  /** Mean time per call. */
  mean?: MetricCondition;
  /** Same as `mean`. */
  avg?: MetricCondition;
  min?: MetricCondition;
  max?: MetricCondition;
  /** 50th percentile; also `p50`. */
  median?: MetricCondition;
  /** Sample standard deviation. */
  stdev?: MetricCondition;
  /** Calls per second. */
  ops?: MetricCondition;
  /** Relative margin of error of the mean (95% confidence): `'<5%'`. */
  rme?: MetricCondition;
  /** Any percentile: `p95: '<150ms'`, `p99.9: '<1s'`. */
  [percentile: `p${number}`]: MetricCondition | undefined;
}

export interface BenchOptions {
  /** Measure exactly this many calls. Give this or `time` (default: `time: '1s'`). */
  iterations?: number;
  /** Measure calls for this long: `'5s'`, or a number of seconds. */
  time?: DurationInput;
  /**
   * Unmeasured calls first: a number of calls, or a duration (`'200ms'`). Default: up to 10
   * calls or 100 ms, whichever ends first. 0 turns it off.
   */
  warmup?: number | string;
  /** Runs once before the benchmark (connect, seed data); awaited. */
  setup?: () => unknown;
  /** Runs once after it, even when it failed; awaited. */
  teardown?: () => unknown;
  /**
   * Runs before every call of the function, outside the timed span: to put the system into the
   * state the call starts from (a fault to recover from, a fresh record to delete). Also before
   * the probe and warm-up calls, as tinybench does. Awaited when it returns a promise; the
   * function's own sync/async mode is unchanged. If it throws, the benchmark fails with
   * `beforeEach failed: …`. A `time` budget is wall-clock, so the hooks' time counts against it.
   */
  beforeEach?: () => unknown;
  /**
   * Runs after every call of the function, outside the timed span (undo what `beforeEach` or the
   * call did). Awaited when it returns a promise; not run after a call that threw. If it throws,
   * the benchmark fails with `afterEach failed: …`.
   */
  afterEach?: () => unknown;
  thresholds?: BenchThresholds;
}

export const BENCH_MARK: unique symbol = Symbol.for('volley.bench');

/** A benchmark as `bench()` returns it. */
export interface BenchDefinition {
  readonly [BENCH_MARK]: true;
  readonly kind: 'bench';
  readonly name: string;
  /** Called once per iteration; a returned promise is awaited (see `runBench`). */
  readonly fn: () => unknown;
  readonly options: BenchOptions;
}

export function isBenchDefinition(value: unknown): value is BenchDefinition {
  return (
    typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BENCH_MARK] === true
  );
}
