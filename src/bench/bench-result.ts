/**
 * What a benchmark produces: a discriminated union on `state`, as tinybench's results are. A
 * benchmark whose function (or setup, or teardown) threw is `errored`, with the error captured
 * rather than thrown: one broken benchmark does not stop the others from running.
 */

import type { ThresholdVerdict } from '../metrics/result.js';
import type { RunResources } from '../monitor/resource-watch.js';
import type { BenchStats } from './statistics.js';

export interface CompletedBench {
  kind: 'bench';
  state: 'completed';
  name: string;
  /** Every threshold passed (true when there are none). */
  ok: boolean;
  /** `async` when the function returned a promise when probed, and so was awaited. */
  mode: 'sync' | 'async';
  stats: BenchStats;
  /** Cost of one turn of the measuring loop, subtracted from every sample, ns. */
  overheadNs: number;
  warmupCalls: number;
  /** Times per call, nanoseconds, HDR compressed base64. */
  histogram: string;
  thresholds: ThresholdVerdict[];
  resources: RunResources;
  /** Reasons to distrust the numbers (a saturated process, a watched process that exited). */
  warnings: string[];
}

export type BenchPhase = 'setup' | 'probe' | 'warmup' | 'measure' | 'teardown';

export interface CapturedError {
  message: string;
  /** The error's class name (`TypeError`), or the type of what was thrown. */
  name: string;
  stack: string | null;
}

export interface ErroredBench {
  kind: 'bench';
  state: 'errored';
  name: string;
  ok: false;
  /** Where it failed. */
  phase: BenchPhase;
  error: CapturedError;
  /** Calls measured before the error. */
  completedCalls: number;
}

export type BenchResult = CompletedBench | ErroredBench;

export function captureError(error: unknown): CapturedError {
  if (error instanceof Error) {
    return { message: error.message, name: error.name, stack: error.stack ?? null };
  }
  return { message: String(error), name: typeof error, stack: null };
}
