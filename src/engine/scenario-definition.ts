/**
 * The scenario model: what a scenario file describes (users, tasks, load, sub-scenarios, HTTP
 * defaults) and the marks that let the loader recognise user classes and scenarios among a
 * module's exports. The authoring face (`src/api/define.ts`) builds these; the engine compiles them.
 */

import type { CustomMetricKind } from '../metrics/custom-metric.js';
import type { ThresholdDefinition } from '../thresholds/index.js';
import type { VuContext } from './vu-context.js';
import type { DurationInput, WaitTime } from './wait-time.js';

export type Task<State extends object = Record<string, unknown>, Data = unknown> = (
  vu: VuContext<State, Data>,
) => unknown;

export interface TaskDefinition<State extends object = Record<string, unknown>, Data = unknown> {
  /** Shown in stats of task errors; defaults to the key (object form) or `task<N>`. */
  name?: string;
  /** Relative chance of being picked after each wait; default 1. */
  weight?: number;
  /** For `--tags` / `--exclude-tags` and tag-selected thresholds. */
  tags?: string[];
  run: Task<State, Data>;
}

export interface UserDefinition<State extends object = Record<string, unknown>, Data = unknown> {
  /** Defaults to the name of the export that holds the definition. */
  name?: string;
  /** Share of spawned users relative to other classes; default 1. */
  weight?: number;
  /** Exactly this many users of the class (taken before weighted shares). */
  fixedCount?: number;
  /** Pause after each task; default `constant(0)`. */
  wait?: WaitTime;
  /** Run tasks in declaration order (round and round) instead of by weight. */
  sequential?: boolean;
  /** Overrides the scenario's host for this class. */
  host?: string;
  /** Runs once when the user starts (log in, create fixtures); an exception ends the user. */
  onStart?: Task<State, Data>;
  /** Runs once when the user stops (unless the run is killed). */
  onStop?: Task<State, Data>;
  /** A list, or an object whose keys are task names: `{ login: async ({ http }) => … }`. */
  tasks:
    | TaskDefinition<State, Data>[]
    | Record<string, Task<State, Data> | Omit<TaskDefinition<State, Data>, 'name'>>;
}

/** Locust's form: `users` started at `spawnRate` per second, held for `duration`. */
export interface UsersLoad {
  /** Concurrent virtual users; default 1. */
  users?: number;
  /** Users started per second; default: all users within the first second. */
  spawnRate?: number;
  /** `30s`, `5m`, `1h30m`; without it the run ends on `iterations` or by hand. */
  duration?: DurationInput;
  /** Total task iterations shared by all users, then stop. */
  iterations?: number;
  /** How long users may finish their current task when the run stops; default 30s. */
  gracefulStop?: DurationInput;
}

export interface StageDefinition {
  duration: DurationInput;
  target: number;
}

/** Users that follow stages (k6's ramping-vus); ramping down stops the newest users gracefully. */
export interface StagesLoad {
  stages: StageDefinition[];
  /** Users at the start; default 0. */
  startUsers?: number;
  gracefulStop?: DurationInput;
}

/** Each of `users` users runs exactly `iterationsPerUser` tasks ("N requests with concurrency C"). */
export interface PerUserIterationsLoad {
  users: number;
  iterationsPerUser: number;
  gracefulStop?: DurationInput;
}

interface OpenModelOptions {
  /** Users started before the first arrival; default: a tenth of the peak rate, at least 1. */
  preAllocatedUsers?: number;
  /** Most users the pool may start; an arrival that finds none free is dropped (and counted). */
  maxUsers?: number;
  /** `even` (default) spaces arrivals exactly; `poisson` draws exponential gaps, like real traffic. */
  distribution?: 'even' | 'poisson';
  gracefulStop?: DurationInput;
}

/** The open model at a constant rate (k6's constant-arrival-rate): `rate: '200/s'` or 200 per `timeUnit`. */
export interface ArrivalRateLoad extends OpenModelOptions {
  rate: number | string;
  /** The unit of a numeric `rate`; default 1s. */
  timeUnit?: DurationInput;
  duration: DurationInput;
}

/** The open model with a rate that follows stages (k6's ramping-arrival-rate); targets are rates. */
export interface RampingArrivalRateLoad extends OpenModelOptions {
  startRate: number | string;
  stages: StageDefinition[];
  /** The unit of numeric rates; default 1s. */
  timeUnit?: DurationInput;
}

/** Asked once a second (Locust's LoadTestShape): users wanted, an arrival rate, or null to stop. */
export interface ShapeLoad {
  shape: (elapsedSeconds: number) => { users: number; spawnRate?: number } | { rate: number } | null;
  /** Cap on users; default 1000. */
  maxUsers?: number;
  gracefulStop?: DurationInput;
}

/** `steps` levels evenly from `from` to `to` users, each held `stepDuration`, with stats per step. */
export interface StepLoad {
  steps: number;
  from: number;
  to: number;
  stepDuration: DurationInput;
  /** Users started per second between steps; default: at once. */
  spawnRate?: number;
  gracefulStop?: DurationInput;
}

export type LoadDefinition =
  | UsersLoad
  | StagesLoad
  | PerUserIterationsLoad
  | ArrivalRateLoad
  | RampingArrivalRateLoad
  | ShapeLoad
  | StepLoad;

export interface HttpDefinition {
  /** Per-request timeout; default 60s. */
  timeout?: DurationInput;
  headers?: Record<string, string>;
  /** Keep-alive connections one user may open per origin (for concurrent requests); default 6. */
  connections?: number;
  /** Redirects a request follows (301, 302, 303, 307, 308); default 10, 0 for none. */
  maxRedirects?: number;
  /** Accept any TLS certificate, for a test system with a self-signed one; default false. */
  insecure?: boolean;
  /**
   * Response body bytes kept for the script: bytes, or a size (`'4MiB'`); default 4 MiB. Every
   * byte is counted; past the cap the rest is dropped and `res.truncated` is true.
   */
  maxBodySize?: number | string;
  /** Count response bodies without keeping them (`res.body` empty), as k6's option; default false. */
  discardResponseBodies?: boolean;
  /** The `accept-encoding` requests send; default `'gzip, deflate, br'`, false for none. */
  acceptEncoding?: string | false;
  /**
   * The HTTP version requests use: 1.1 (the default) or 2 (HTTP/2: h2 over TLS for https://, h2c
   * with prior knowledge for http://). A request's own `httpVersion` overrides it. See docs/http2.md.
   */
  version?: 1 | 1.1 | 2;
}

/**
 * One of several scenarios in a file (k6's `scenarios`): its own users, load, start time, tags and
 * thresholds. Scenarios run in parallel; `startTime` delays one (to run them one after another).
 */
export interface SubScenarioDefinition {
  users: readonly DefinedUser[];
  load?: LoadDefinition;
  /** Delay before this scenario starts, from the start of the run; default 0. */
  startTime?: DurationInput;
  /** Added to every task of the scenario (for --tags and tag thresholds). */
  tags?: string[];
  /** Judged on this scenario's requests only. */
  thresholds?: ThresholdDefinition[];
  /** Overrides the file's host. */
  host?: string;
}

export interface ScenarioDefinition<Data = unknown> {
  name?: string;
  /** Base URL for relative paths: `http://127.0.0.1:8000`. */
  host?: string;
  /** User classes made with `defineUser` (each is generic over its own state type). */
  users?: readonly DefinedUser[];
  load?: LoadDefinition;
  /** Several named scenarios instead of `users` / `load`: each runs with its own load. */
  scenarios?: Record<string, SubScenarioDefinition>;
  /** Judged on every request of the run (of every scenario). */
  thresholds?: ThresholdDefinition[];
  /** Runs once before any user starts; its value is every user's `vu.data`. */
  setup?: () => Data | Promise<Data>;
  /** Runs once after the last user stops. */
  teardown?: (data: Data) => unknown;
  http?: HttpDefinition;
  /**
   * Custom metrics tasks record with `vu.metric(name).add(value)`: name → `'counter'`, `'gauge'`,
   * `'rate'` or `'trend'` (or `{ kind: 'trend', unit: 'ms' }` for durations); at most 100.
   * `better: 'lower' | 'higher'` says which way is better, for `volley compare`'s verdicts.
   */
  metrics?: Record<string, CustomMetricKind | { kind: CustomMetricKind; unit?: 'ms'; better?: 'lower' | 'higher' }>;
}

export const USER_MARK: unique symbol = Symbol.for('volley.user');
export const SCENARIO_MARK: unique symbol = Symbol.for('volley.scenario');

/** A user class as `defineUser` returns it: its definition, marked. */
export interface DefinedUser {
  readonly [USER_MARK]: true;
  readonly name?: string;
}

export function isDefinedUser(value: unknown): value is DefinedUser {
  return (
    typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[USER_MARK] === true
  );
}

export function isDefinedScenario(value: unknown): value is ScenarioDefinition<unknown> {
  return (
    typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SCENARIO_MARK] === true
  );
}

/** Marks a user class, so the loader finds it among a module's exports (see defineUser). */
export function markUser<Definition extends object>(definition: Definition): Definition & DefinedUser {
  return Object.assign(definition, { [USER_MARK]: true as const });
}

/** Marks a scenario, so the loader knows a module's default export is one (see defineScenario). */
export function markScenario<Definition extends object>(definition: Definition): Definition {
  return Object.assign(definition, { [SCENARIO_MARK]: true });
}
