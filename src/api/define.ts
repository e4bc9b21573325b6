/**
 * `defineUser` and `defineScenario`: how a scenario file describes its users and its load. They
 * return their argument (typed, and marked so the loader can find user classes among a module's
 * exports and name them after their export).
 */

import type { VuContext } from '../engine/vu-context.js';
import type { WaitTime } from '../engine/wait-time.js';
import type { ThresholdDefinition } from '../thresholds/index.js';
import type { DurationInput } from './wait-time.js';

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

export interface LoadDefinition {
  /** Concurrent virtual users; default 1. */
  users?: number;
  /** Users started per second; default: all users within the first second. */
  spawnRate?: number;
  /** `30s`, `5m`, `1h30m`; without it the run ends on `iterations` or by hand. */
  duration?: DurationInput;
  /** Total task iterations across all users, then stop. */
  iterations?: number;
  /** How long users may finish their current task when the run stops; default 30s. */
  gracefulStop?: DurationInput;
}

export interface HttpDefinition {
  /** Per-request timeout; default 60s. */
  timeout?: DurationInput;
  headers?: Record<string, string>;
  /** Keep-alive connections one user may open per origin (for concurrent requests); default 6. */
  connections?: number;
}

export interface ScenarioDefinition<Data = unknown> {
  name?: string;
  /** Base URL for relative paths: `http://127.0.0.1:8000`. */
  host?: string;
  /** User classes made with `defineUser` (each is generic over its own state type). */
  users: readonly DefinedUser[];
  load?: LoadDefinition;
  thresholds?: ThresholdDefinition[];
  /** Runs once before any user starts; its value is every user's `vu.data`. */
  setup?: () => Data | Promise<Data>;
  /** Runs once after the last user stops. */
  teardown?: (data: Data) => unknown;
  http?: HttpDefinition;
}

export const USER_MARK: unique symbol = Symbol.for('volley.user');
export const SCENARIO_MARK: unique symbol = Symbol.for('volley.scenario');

/** A user class as `defineUser` returns it: its definition, marked. */
export interface DefinedUser {
  readonly [USER_MARK]: true;
  readonly name?: string;
}

export function defineUser<State extends object = Record<string, unknown>, Data = unknown>(
  definition: UserDefinition<State, Data>,
): UserDefinition<State, Data> & DefinedUser {
  return Object.assign(definition, { [USER_MARK]: true as const });
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

export function defineScenario<Data = unknown>(
  definition: ScenarioDefinition<Data>,
): ScenarioDefinition<Data> {
  return Object.assign(definition, { [SCENARIO_MARK]: true });
}
