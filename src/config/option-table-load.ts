/**
 * The option table's first part: what a run targets and how much load it puts on it. See
 * option-spec.ts for what each field means; option-table.ts joins the parts.
 */

import {
  defaultWorkers,
  distribution,
  duration,
  list,
  nonEmptyText,
  positiveDuration,
  positiveInt,
  positiveNumber,
  rate,
  seed,
  stages,
  url,
  workers,
} from './option-schemas.js';
import type { OptionSpec } from './option-spec.js';

export const LOAD_OPTIONS = {
  /** Base URL for relative request paths; null when the scenario uses absolute URLs only. */
  host: {
    schema: url,
    default: null,
    help: 'base URL for relative request paths',
    group: 'Target:',
    flag: { name: 'host', short: 'H', value: '<url>' },
    env: 'VOLLEY_HOST',
    configKey: 'host',
    scenarioPath: 'host',
    api: { name: 'host', takes: 'string' },
  },
  /** Run only this one of a file's several scenarios (`--scenario checkout`). */
  scenario: {
    schema: nonEmptyText('a scenario name'),
    default: null,
    help: "run only this one of the file's named scenarios",
    group: 'Target:',
    flag: { name: 'scenario', value: '<name>' },
    env: 'VOLLEY_SCENARIO',
  },
  users: {
    schema: positiveInt('a number of users'),
    default: 1,
    help: 'concurrent virtual users (default 1)',
    group: 'Load:',
    flag: { name: 'users', short: 'u', value: '<n>' },
    env: 'VOLLEY_USERS',
    configKey: 'users',
    api: { name: 'users', takes: 'number' },
  },
  /** Users started per second; by default all users start within the first second. */
  spawnRate: {
    schema: positiveNumber('users per second'),
    help: 'users started per second (default: all within 1s)',
    group: 'Load:',
    flag: { name: 'spawnRate', short: 'r', value: '<n>' },
    env: 'VOLLEY_SPAWN_RATE',
    configKey: 'spawnRate',
    api: { name: 'spawnRate', takes: 'number' },
  },
  /** Run length in ms; null runs until iterations are spent or the run is stopped by hand. */
  durationMs: {
    schema: positiveDuration,
    default: null,
    unit: 'seconds',
    help: 'stop after this long: 30s, 5m, 1h30m',
    group: 'Load:',
    flag: { name: 'runTime', short: 't', value: '<duration>' },
    env: 'VOLLEY_RUN_TIME',
    configKey: 'runTime',
    api: { name: 'duration', takes: 'duration' },
  },
  /** Total task iterations, then stop; null for no limit. */
  iterations: {
    schema: positiveInt('a number of iterations'),
    default: null,
    help: 'stop after this many task iterations in total',
    group: 'Load:',
    flag: { name: 'iterations', value: '<n>' },
    env: 'VOLLEY_ITERATIONS',
    configKey: 'iterations',
    api: { name: 'iterations', takes: 'number' },
  },
  /** Closed-model stages (`--stages 30s:100,5m:100,30s:0`); replace the scenario's load. */
  stages: {
    schema: stages,
    default: null,
    help: "users following stages, replacing the scenario's load: '30s:100,5m:100,30s:0'",
    group: 'Load:',
    flag: { name: 'stages', value: '<stages>' },
    env: 'VOLLEY_STAGES',
    configKey: 'stages',
    api: { name: 'stages', takes: 'string' },
  },
  /** Open model: iterations per second (`--rate 200/s`); replaces the scenario's load. */
  rate: {
    schema: rate,
    default: null,
    help: "open model: start iterations at this rate, replacing the scenario's load: 200/s",
    group: 'Load:',
    flag: { name: 'rate', value: '<rate>' },
    env: 'VOLLEY_RATE',
    configKey: 'rate',
    api: { name: 'rate', takes: 'rate' },
  },
  /** Open model: most users the pool may start. */
  maxUsers: {
    schema: positiveInt('a number of users'),
    default: null,
    help: 'open model: most users to start (arrivals beyond are dropped and counted)',
    group: 'Load:',
    flag: { name: 'maxUsers', value: '<n>' },
    env: 'VOLLEY_MAX_USERS',
    configKey: 'maxUsers',
    api: { name: 'maxUsers', takes: 'number' },
  },
  /** Open model: spacing of arrivals. */
  distribution: {
    schema: distribution,
    default: null,
    help: 'open model: evenly spaced or Poisson arrivals',
    group: 'Load:',
    flag: { name: 'distribution', value: '<even|poisson>' },
    env: 'VOLLEY_DISTRIBUTION',
    configKey: 'distribution',
    api: { name: 'distribution', takes: 'schema' },
  },
  /** A named load level (`--profile heavy`); replaces the scenario's load. */
  profile: {
    schema: nonEmptyText('a profile name'),
    default: null,
    help: 'a named load: quick, moderate, heavy, stress, normal, peak, extreme',
    group: 'Load:',
    flag: { name: 'profile', value: '<name>' },
    env: 'VOLLEY_PROFILE',
    configKey: 'profile',
    api: { name: 'profile', takes: 'string' },
  },
  /** Only tasks with one of these tags run (empty: all). */
  tags: {
    schema: list,
    default: [],
    help: 'only run tasks with one of these tags (comma-separated)',
    group: 'Load:',
    flag: { name: 'tags', value: '<tags>' },
    env: 'VOLLEY_TAGS',
    configKey: 'tags',
    api: { name: 'tags', takes: 'strings' },
  },
  /** Tasks with one of these tags never run. */
  excludeTags: {
    schema: list,
    default: [],
    help: 'never run tasks with one of these tags (comma-separated)',
    group: 'Load:',
    flag: { name: 'excludeTags', value: '<tags>' },
    env: 'VOLLEY_EXCLUDE_TAGS',
    configKey: 'excludeTags',
    api: { name: 'excludeTags', takes: 'strings' },
  },
  /** Only these user classes run (empty: all), as Locust's `locust -f file.py ClassA ClassB`. */
  userClasses: {
    schema: list,
    default: [],
    help: 'run only these user classes, as Locust does: volley run load.ts LeaseUser',
    group: 'Target:',
    argument: { name: 'userClasses', spelled: 'user classes' },
    env: 'VOLLEY_USER_CLASSES',
    configKey: 'userClasses',
    api: { name: 'userClasses', takes: 'strings' },
  },
  gracefulStopMs: {
    schema: duration,
    default: 30_000,
    unit: 'seconds',
    help: 'time users get to finish their task when the run stops (default 30s)',
    group: 'Load:',
    flag: { name: 'gracefulStop', value: '<duration>' },
    env: 'VOLLEY_GRACEFUL_STOP',
    configKey: 'gracefulStop',
    scenarioPath: 'load.gracefulStop',
    api: { name: 'gracefulStop', takes: 'duration' },
  },
  /** Seeds every user's random source (task choice, wait times). */
  seed: {
    schema: seed,
    default: 1,
    help: 'seed for task choice and wait times (default 1)',
    group: 'Load:',
    flag: { name: 'seed', value: '<n>' },
    env: 'VOLLEY_SEED',
    configKey: 'seed',
    api: { name: 'seed', takes: 'number' },
  },
  /** Worker threads sharing the load: by default one per core (`auto`); 1 runs in this process. */
  workers: {
    schema: workers,
    default: defaultWorkers,
    help: 'worker threads sharing the load (default auto: one per core, up to 16, no more than the users; 1: this process)',
    group: 'Workers and distributed:',
    flag: { name: 'workers', value: '<n|auto>' },
    env: 'VOLLEY_WORKERS',
  },
} as const satisfies Record<string, OptionSpec>;
