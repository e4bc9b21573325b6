/**
 * The reporter interface. An output is a set of optional lifecycle hooks, in the manner of
 * vitest's reporters and k6's `output.Output`: the run calls `onStart` once, `onProgress` once
 * per live interval, and `onEnd` once with the complete Result. Outputs only consume data; they
 * never sit on the request path, so a slow one delays reporting, never measuring.
 */

import type { LiveEndpointRow, LiveErrorRow } from '../metrics/live-row.js';
import type { IntervalRow } from '../metrics/interval-rows.js';
import type { CustomMetricStats, Result } from '../metrics/result.js';

/** What is known when the run starts, before any request. */
export interface RunStartInfo {
  scenario: string;
  /** The scenario file, or null for a URL-only or programmatic run. */
  file: string | null;
  /** The target base URL. */
  host: string;
  /** ISO time. */
  startedAt: string;
  /** Null when the run has no fixed length (iterations, a shape that decides when to stop). */
  plannedDurationMs: number | null;
  /** Peak planned virtual users; null for arrival-rate runs that size the pool themselves. */
  plannedUsers: number | null;
  /** The resolved options (plain JSON). */
  options: Record<string, unknown>;
}

/** One live interval, as the aggregator sees it after merging every worker's snapshot. */
export interface LiveProgress {
  elapsedMs: number;
  plannedDurationMs: number | null;
  /** Virtual users alive now. */
  users: number;
  /** Last-interval figures. */
  rps: number;
  p95Ms: number | null;
  failuresPerSec: number;
  /** Cumulative figures since the start. */
  requests: number;
  failures: number;
  /** Exceptions thrown by tasks and hooks so far (not requests: they never reach `failures`). */
  taskErrors: number;
  phase: 'running' | 'stopping';
  /** Every stats row so far, cumulative (the web UI's table; the status line ignores it). */
  endpoints: readonly LiveEndpointRow[];
  /** All rows together, cumulative, named `Aggregated`. */
  total: LiveEndpointRow;
  /** The most frequent error groups so far, most frequent first. */
  errors: readonly LiveErrorRow[];
  /** The custom metrics recorded so far, cumulative (absent: none). */
  metrics?: readonly CustomMetricStats[];
  /**
   * This interval's figures per row, every worker's merged (rows with requests only). Present
   * only when an output asks for them (`wantsIntervalRows`): merging costs a histogram per row.
   */
  interval?: readonly IntervalRow[];
}


export interface Output {
  /** A short stable name (`summary`, `json`), for messages about the output itself. */
  readonly name: string;
  /** Whether `onProgress` needs `LiveProgress.interval` (the tick's figures per row). */
  readonly wantsIntervalRows?: boolean;
  onStart?(info: RunStartInfo): void | Promise<void>;
  /** Called on the aggregation tick; must return quickly and never throw for a write to a TTY. */
  onProgress?(progress: LiveProgress): void;
  onEnd?(result: Result): void | Promise<void>;
}

/** The stream shape outputs write to: `process.stdout`, `process.stderr`, or a test double. */
export interface TextStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export type { LiveEndpointRow, LiveErrorRow };
