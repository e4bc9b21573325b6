/**
 * What a stress test is, as `stress()` builds it and the stress runner consumes it: the
 * operation, the load, the levels and thresholds. Defined here, beside the code that runs it, so
 * that bench/ needs nothing from api/; `src/api/stress.ts` builds these and re-exports the types.
 */

import type { DurationInput, MetricCondition, ResourceThresholds } from '../bench-definition.js';

/**
 * An operation under stress. It gets the worker's number (0-based) and the worker's iteration
 * (0-based); a thrown error or rejected promise counts as a failed operation.
 */
export type StressOperation = (worker: number, iteration: number) => unknown;

/**
 * How much to run: each of `concurrency` workers runs `opsPerWorker` operations back to back,
 * or keeps going for `duration`. `concurrency` may be left out when `levels` is given.
 */
export type StressLoad =
  | { concurrency?: number; opsPerWorker: number; duration?: undefined }
  | { concurrency?: number; duration: DurationInput; opsPerWorker?: undefined };

export interface StressThresholds extends ResourceThresholds {
  /** Share of operations that succeeded: `'>95%'`. */
  successRate?: MetricCondition;
  errorRate?: MetricCondition;
  /** Number of failed operations: `'<10'`. */
  failures?: MetricCondition;
  /** Operations per second: `'>100/s'`. */
  ops?: MetricCondition;
  /** Latency of an operation. */
  mean?: MetricCondition;
  avg?: MetricCondition;
  min?: MetricCondition;
  max?: MetricCondition;
  median?: MetricCondition;
  /** With `levels`: throughput per worker relative to the lowest level: `'>70%'`. */
  scalingEfficiency?: MetricCondition;
  /** With `levels`: p95 relative to the lowest level: `'<3x'`. */
  degradation?: MetricCondition;
  /** Any latency percentile: `p95: '<200ms'`. */
  [percentile: `p${number}`]: MetricCondition | undefined;
}

export interface StressOptions {
  /** Judged at every level. Without thresholds, any failed operation fails the stress test. */
  thresholds?: StressThresholds;
  /** Run once per concurrency, lowest first: `[1, 5, 10]`. */
  levels?: readonly number[];
  /** Runs once before the first level; awaited. */
  setup?: () => unknown;
  /** Runs once after the last level, even when one failed; awaited. */
  teardown?: () => unknown;
  /** Memory series for `memoryGrowth`: `rss` (default) or the JS heap, `heapUsed`. */
  memory?: 'rss' | 'heapUsed';
  /** Time between CPU and memory samples (default `'100ms'`). */
  monitorInterval?: DurationInput;
}

export const STRESS_MARK: unique symbol = Symbol.for('volley.stress');

export interface StressDefinition {
  readonly [STRESS_MARK]: true;
  readonly kind: 'stress';
  readonly name: string;
  readonly op: StressOperation;
  readonly load: StressLoad;
  readonly options: StressOptions;
}

export function isStressDefinition(value: unknown): value is StressDefinition {
  return (
    typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[STRESS_MARK] === true
  );
}
