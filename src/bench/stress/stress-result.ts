/**
 * What a stress test produces: per level (one without `levels`), the operation counts, success
 * rate, throughput, latency, grouped errors and the resources used, and across levels the
 * scaling rows. A discriminated union on `state`: setup or teardown throwing makes it `errored`.
 */

import type { LatencyStats, ThresholdVerdict } from '../../metrics/result.js';
import type { RunResources } from '../../monitor/resource-watch.js';
import type { CapturedError } from '../bench-result.js';
import type { ErrorGroup } from './error-groups.js';
import type { ScalingRow } from './scaling.js';
import type { StressWork } from './stress-options.js';

export interface StressLevelResult {
  concurrency: number;
  durationMs: number;
  /** Operations finished, successful or not. */
  ops: number;
  successes: number;
  failures: number;
  /** successes / ops (a fraction); 0 when nothing ran. */
  successRate: number;
  /** Operations finished per second of the level. */
  opsPerSec: number;
  /** Time per operation, ms (HDR percentiles, µs resolution). */
  latency: LatencyStats;
  /** Times per operation, µs, HDR compressed base64. */
  histogram: string;
  errors: ErrorGroup[];
  resources: RunResources;
  /** This level's verdicts (every threshold is judged at every level). */
  thresholds: ThresholdVerdict[];
  warnings: string[];
}

export interface CompletedStress {
  kind: 'stress';
  state: 'completed';
  name: string;
  /** Every threshold passed at every level; without thresholds, no operation failed. */
  ok: boolean;
  work: StressWork;
  levels: StressLevelResult[];
  /** One row per level when there are several, else empty. */
  scaling: ScalingRow[];
  /** All levels' verdicts, in level order. */
  thresholds: ThresholdVerdict[];
  durationMs: number;
  /** True when stopped early (the signal was aborted). */
  aborted: boolean;
}

export interface ErroredStress {
  kind: 'stress';
  state: 'errored';
  name: string;
  ok: false;
  phase: 'setup' | 'teardown';
  error: CapturedError;
}

export type StressResult = CompletedStress | ErroredStress;
