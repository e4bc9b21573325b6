/**
 * What the web UI's server and page say to each other: the page reads a stream of these as
 * server-sent events (`/events`: `state`, `history`, `progress`, `reset`, `end`) and posts the start
 * form (`POST /api/start`), a new load (`POST /api/load`), reset (`POST /api/reset`) and stop
 * (`POST /api/stop`). Plain JSON, typed once here for both sides.
 */

import type { LiveEndpointRow, LiveErrorRow, LiveProgress } from '../outputs/output.js';

export type UiPhase = 'waiting' | 'running' | 'stopping' | 'finished';

/** The load a run starts with, as the start form shows and posts it (Locust's form). */
export interface UiStartForm {
  users: number;
  /** Users started per second. */
  spawnRate: number;
  /** A duration (`30s`, `5m`), or '' to run until stopped. */
  runTime: string;
  host: string;
  /** The user classes to run (the form's ticked boxes); absent or all of them: every class. */
  userClasses?: string[];
}

/** A new load for the running test (`POST /api/load`, the Edit control): Locust's "edit running test". */
export interface UiLoadChange {
  users: number;
  /** Users started (or stopped) per second on the way to the new count. */
  spawnRate: number;
}

/** Sent on connect and whenever the phase changes. */
export interface UiState {
  phase: UiPhase;
  /** The scenario's name and file (null in URL mode). */
  scenario: string;
  file: string | null;
  /** The form's values: the run's options before a start, what it started with after. */
  form: UiStartForm;
  /** False when the run was started from the command line (`--autostart`): no form. */
  startable: boolean;
  /**
   * The scenario's own load when it is not a plain number of users (`stages`, `an arrival
   * rate`, …): the form then sets only the host, and Start runs that load as written.
   */
  fixedLoad: string | null;
  /** Whether a finished run may be followed by a new one from the page (`POST /api/new`). */
  restartable: boolean;
  /** The user classes of the scenario, with their weights. */
  userClasses: { name: string; weight: number }[];
  /** ISO time the load started, once it has. */
  startedAt: string | null;
  /** The volley version, for the header. */
  version: string;
}

/** Sent every second while running: the live status line's figures and the endpoints table. */
export interface UiProgress extends LiveProgress {
  endpoints: LiveEndpointRow[];
  errors: LiveErrorRow[];
}

/**
 * One second of the charts. The whole list is sent when a page connects (`history`), so a page
 * opened (or reloaded) in the middle of a run draws it from the start.
 */
export interface UiHistoryPoint {
  /** Seconds since the start. */
  t: number;
  rps: number;
  failuresPerSec: number;
  p95Ms: number | null;
  users: number;
}

/** Sent once the run is over and its reports are ready. */
export interface UiEnd {
  /** `passed`, `failed` (a threshold failed), or `aborted` (stopped before its planned end). */
  verdict: 'passed' | 'failed' | 'aborted';
  thresholds: { expression: string; passed: boolean; actual: string }[];
  totals: {
    requests: number;
    failures: number;
    rps: number;
    p50Ms: number;
    p95Ms: number;
    p99Ms: number;
  };
  /** The load as run (`100 users at 10/s for 15s`), not the form's figures alone. */
  load: string;
  /** The HTML report and the JSON result, served by the UI. */
  reportUrl: string;
  resultUrl: string;
  warnings: string[];
}

export type { LiveEndpointRow, LiveErrorRow };
