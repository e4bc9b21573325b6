/**
 * The options of a run, resolved: every source merged and every value parsed. This is what the
 * runner reads and what the Result records under `options`.
 */

import { availableParallelism } from 'node:os';
import { DEFAULT_ACCEPT_ENCODING } from '../protocols/http/content-decoding.js';
import { DEFAULT_MAX_BODY_SIZE } from '../protocols/http/types.js';

export interface RunOptions {
  /** Base URL for relative request paths; null when the scenario uses absolute URLs only. */
  host: string | null;
  users: number;
  /** Users started per second. */
  spawnRate: number;
  /** Run length in ms; null runs until iterations are spent or the run is stopped by hand. */
  durationMs: number | null;
  /** Total task iterations, then stop; null for no limit. */
  iterations: number | null;
  gracefulStopMs: number;
  /** Only tasks with one of these tags run (empty: all). */
  tags: string[];
  /** Tasks with one of these tags never run. */
  excludeTags: string[];
  /** Only these user classes run (empty: all), as Locust's `locust -f file.py ClassA ClassB`. */
  userClasses: string[];
  /** Default per-request timeout. */
  timeoutMs: number;
  /** Extra threshold expressions (from --threshold / VOLLEY_THRESHOLDS). */
  thresholds: string[];
  /** Where to write the Result JSON; null for nowhere. */
  json: string | null;
  quiet: boolean;
  /** Seeds every user's random source (task choice, wait times). */
  seed: number;
  /** Keep-alive connections per user and origin. */
  connections: number;
  /** Redirects a request follows (0: none; the 3xx is the response). */
  maxRedirects: number;
  /** Accept any TLS certificate (a test system's self-signed one). */
  insecure: boolean;
  /** The most response body bytes kept for the script; the rest is counted and dropped. */
  maxBodySize: number;
  /** Count response bodies without keeping any (k6's discardResponseBodies). */
  discardResponseBodies: boolean;
  /** The `accept-encoding` requests send; false for none. */
  acceptEncoding: string | false;
  /** Show credentials (authorization, cookies, token parameters) in error messages and reports. */
  showSecrets: boolean;
  /** Closed-model stages (`--stages 30s:100,5m:100,30s:0`); replace the scenario's load. */
  stages: { durationMs: number; target: number }[] | null;
  /** Open model: iterations per second (`--rate 200/s`); replaces the scenario's load. */
  rate: number | null;
  /** Open model: most users the pool may start. */
  maxUsers: number | null;
  /** Open model: spacing of arrivals. */
  distribution: 'even' | 'poisson' | null;
  /** A named load level (`--profile heavy`); replaces the scenario's load. */
  profile: string | null;
  /** Run only this one of a file's several scenarios (`--scenario checkout`). */
  scenario: string | null;
  /** Worker threads sharing the load: by default one per core (`auto`); 1 runs in this process. */
  workers: number;
}

export type OptionName = keyof RunOptions;

export const DEFAULT_OPTIONS: Readonly<Omit<RunOptions, 'spawnRate'>> = Object.freeze({
  host: null,
  users: 1,
  durationMs: null,
  iterations: null,
  gracefulStopMs: 30_000,
  tags: [],
  excludeTags: [],
  userClasses: [],
  timeoutMs: 60_000,
  thresholds: [],
  json: null,
  quiet: false,
  seed: 1,
  connections: 6,
  maxRedirects: 10,
  insecure: false,
  maxBodySize: DEFAULT_MAX_BODY_SIZE,
  discardResponseBodies: false,
  acceptEncoding: DEFAULT_ACCEPT_ENCODING,
  showSecrets: false,
  stages: null,
  rate: null,
  maxUsers: null,
  distribution: null,
  profile: null,
  scenario: null,
  workers: defaultWorkers(),
});

/** `--workers auto`: one worker per core, up to 16 (beyond that, merging costs more than it gives). */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(16, availableParallelism()));
}
