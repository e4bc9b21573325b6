/**
 * Decides the run's load model and numbers. In order of precedence:
 *   1. `--profile name` (a named level, built in or from the config file);
 *   2. `--stages …` (users following stages) or `--rate …` (the open model);
 *   3. the scenario's own `load`, in any of its forms;
 * and then the flags a user set explicitly (`-u`, `-r`, `-t`, `--iterations`, `--max-users`,
 * `--distribution`) override the matching numbers. Every problem is collected into one error
 * that names where each value came from.
 */

import type { LoadDefinition, StageDefinition } from './scenario-definition.js';
import { tryParseDuration } from '../config/duration.js';
import { BUILTIN_PROFILES, type ProfileLoad } from '../config/profiles.js';
import { tryParseRate } from '../config/rate.js';
import type { OptionName, RunOptions } from '../config/run-options.js';
import type { LoadPlan } from './executors/load-plan.js';
import type { Stage } from './executors/stages.js';
import { VolleyError } from '../errors.js';

export interface ResolvedLoad {
  plan: LoadPlan;
  /** Total iterations shared by all users (closed model), or null. */
  iterations: number | null;
}

export interface LoadSources {
  load: LoadDefinition | undefined;
  options: RunOptions;
  /** Options set by a flag, the environment or an env file (not defaults). */
  explicit: ReadonlySet<OptionName>;
  /** Profiles from the config file, over the built-in ones. */
  profiles?: Readonly<Record<string, ProfileLoad>>;
  /** The scenario file, for messages. */
  origin: string;
}

export function resolveLoad(sources: LoadSources): ResolvedLoad {
  const problems: string[] = [];
  const resolved = resolveInto(sources, problems);
  if (problems.length > 0 || resolved === undefined) {
    throw new VolleyError('VOLLEY_E_CONFIG', problems.join('\n'), { details: problems });
  }
  return resolved;
}

function resolveInto(sources: LoadSources, problems: string[]): ResolvedLoad | undefined {
  const { options, explicit } = sources;
  const set = (name: OptionName) => explicit.has(name);
  const at = (path: string) => `${sources.origin} load.${path}`;

  if (options.profile !== null) {
    const profiles = { ...BUILTIN_PROFILES, ...sources.profiles };
    const profile = profiles[options.profile];
    if (profile === undefined) {
      problems.push(
        `--profile: unknown profile '${options.profile}' (available: ${Object.keys(profiles).join(', ')})`,
      );
      return undefined;
    }
    const durationMs = tryParseDuration(profile.duration) ?? null;
    return usersPlan(sources, {
      users: profile.users,
      spawnRate: profile.spawnRate,
      durationMs,
      iterations: null,
    });
  }
  if (set('stages') && options.stages !== null) {
    return {
      plan: { executor: 'ramping-users-stages', stages: options.stages, startUsers: 0 },
      iterations: null,
    };
  }
  if (set('rate') && options.rate !== null) {
    if (options.durationMs === null) problems.push('--rate needs a duration: add -t/--run-time (e.g. -t 1m)');
    return openPlan(sources, 'constant-arrival-rate', options.rate, [
      { durationMs: options.durationMs ?? 0, target: options.rate },
    ]);
  }

  const load = (sources.load ?? {}) as Record<string, unknown>;
  const numberAt = (key: string, min: number, whole = false): number | undefined => {
    const value = load[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !(value >= min) || (whole && !Number.isInteger(value))) {
      problems.push(
        `${at(key)}: expected ${whole ? 'a whole number' : 'a number'} >= ${min}, got ${String(value)}`,
      );
      return undefined;
    }
    return value;
  };
  const durationAt = (key: string): number | undefined => {
    const value = load[key];
    if (value === undefined) return undefined;
    const ms =
      typeof value === 'number'
        ? value * 1000
        : typeof value === 'string'
          ? tryParseDuration(value)
          : undefined;
    if (ms === undefined)
      problems.push(`${at(key)}: expected a duration like 30s or 5m, got ${String(value)}`);
    return ms;
  };
  const stagesAt = (key: string, timeUnitMs: number): Stage[] => {
    const raw = load[key];
    if (!Array.isArray(raw) || raw.length === 0) {
      problems.push(`${at(key)}: expected a list of { duration, target }`);
      return [];
    }
    return (raw as StageDefinition[]).map((stage, i) => {
      const durationMs =
        typeof stage?.duration === 'number'
          ? stage.duration * 1000
          : tryParseDuration(String(stage?.duration));
      if (durationMs === undefined)
        problems.push(`${at(`${key}[${i}].duration`)}: expected a duration, got ${String(stage?.duration)}`);
      if (typeof stage?.target !== 'number' || !(stage.target >= 0)) {
        problems.push(`${at(`${key}[${i}].target`)}: expected a number >= 0, got ${String(stage?.target)}`);
      }
      return { durationMs: durationMs ?? 0, target: ((stage?.target as number) * 1000) / timeUnitMs };
    });
  };
  const rateAt = (key: string, timeUnitMs: number): number | undefined => {
    const value = load[key];
    if (typeof value === 'number' && value >= 0) return (value * 1000) / timeUnitMs;
    const parsed = typeof value === 'string' ? tryParseRate(value) : undefined;
    if (parsed === undefined)
      problems.push(`${at(key)}: expected a rate like 200/s or a number, got ${String(value)}`);
    return parsed;
  };
  const timeUnitMs = durationAt('timeUnit') ?? 1000;

  // -u, -r and -t on a scenario whose load is a curve replace the curve with a plain ramp, as
  // k6's --vus / --duration replace its scenarios: a flag the user typed is never ignored.
  const plainFlags = (['users', 'spawnRate', 'durationMs'] as const).filter(set);
  const curve = typeof load.shape === 'function' || load.steps !== undefined || load.stages !== undefined;
  const openModel = load.rate !== undefined || load.startRate !== undefined;
  if (plainFlags.length > 0 && curve && !openModel) {
    // Read once: each read of a bad value would report it again.
    const curveOf = (): { peak: number; durationMs: number } | undefined => {
      if (load.steps !== undefined) {
        const steps = numberAt('steps', 1, true) ?? 1;
        const peak = Math.max(numberAt('from', 0, true) ?? 0, numberAt('to', 0, true) ?? 0);
        return { peak, durationMs: steps * (durationAt('stepDuration') ?? 0) };
      }
      if (load.stages === undefined) return undefined;
      const stages = stagesAt('stages', 1000);
      return {
        peak: Math.max(0, ...stages.map((stage) => stage.target)),
        durationMs: stages.reduce((total, stage) => total + stage.durationMs, 0),
      };
    };
    const shape = curveOf();
    const peak = shape?.peak;
    if (peak === undefined && !set('users')) {
      problems.push(
        `${flagNames(plainFlags)}: ${sources.origin}'s load is a shape; give -u too to replace it with a plain ramp`,
      );
      return undefined;
    }
    return usersPlan(sources, {
      users: peak ?? options.users,
      spawnRate: undefined,
      durationMs: shape?.durationMs ?? null,
      iterations: null,
    });
  }
  if (openModel && (set('users') || set('spawnRate'))) {
    problems.push(
      `${flagNames(plainFlags.filter((flag) => flag !== 'durationMs'))}: ${sources.origin}'s load is an ` +
        'arrival rate, which starts users as needed; use --rate or --max-users instead',
    );
    return undefined;
  }

  if (typeof load.shape === 'function') {
    const maxUsers = set('maxUsers') ? (options.maxUsers as number) : (numberAt('maxUsers', 1, true) ?? 1000);
    return { plan: { executor: 'shape', shape: load.shape as never, maxUsers }, iterations: null };
  }
  if (load.steps !== undefined) {
    const steps = numberAt('steps', 1, true) ?? 1;
    const from = numberAt('from', 0, true) ?? 0;
    const to = numberAt('to', 0, true) ?? 0;
    const stepDurationMs = durationAt('stepDuration');
    if (stepDurationMs === undefined) problems.push(`${at('stepDuration')}: required, e.g. '30s'`);
    const spawnRate = numberAt('spawnRate', 0) ?? Number.POSITIVE_INFINITY;
    return {
      plan: { executor: 'step-load', steps, from, to, stepDurationMs: stepDurationMs ?? 0, spawnRate },
      iterations: null,
    };
  }
  if (load.rate !== undefined) {
    const rate = rateAt('rate', timeUnitMs) ?? 0;
    const durationMs = set('durationMs') ? options.durationMs : durationAt('duration');
    if (durationMs === undefined || durationMs === null)
      problems.push(`${at('duration')}: required with rate, e.g. '1m'`);
    return openPlan(
      sources,
      'constant-arrival-rate',
      rate,
      [{ durationMs: durationMs ?? 0, target: rate }],
      load,
      problems,
    );
  }
  if (load.startRate !== undefined) {
    const startRate = rateAt('startRate', timeUnitMs) ?? 0;
    return openPlan(
      sources,
      'ramping-arrival-rate',
      startRate,
      stagesAt('stages', timeUnitMs),
      load,
      problems,
    );
  }
  if (load.stages !== undefined) {
    const stages = stagesAt('stages', 1000);
    return {
      plan: { executor: 'ramping-users-stages', stages, startUsers: numberAt('startUsers', 0) ?? 0 },
      iterations: null,
    };
  }
  if (load.iterationsPerUser !== undefined) {
    const users = set('users') ? options.users : (numberAt('users', 1, true) ?? 1);
    const iterations = numberAt('iterationsPerUser', 1, true) ?? 1;
    return { plan: { executor: 'per-user-iterations', users, iterations }, iterations: null };
  }
  return usersPlan(sources, {
    users: numberAt('users', 1, true) ?? 1,
    spawnRate: numberAt('spawnRate', 0),
    durationMs: durationAt('duration') ?? null,
    iterations: numberAt('iterations', 1, true) ?? null,
  });
}

const FLAG_NAMES: Record<'users' | 'spawnRate' | 'durationMs', string> = {
  users: '-u/--users',
  spawnRate: '-r/--spawn-rate',
  durationMs: '-t/--run-time',
};

function flagNames(flags: readonly ('users' | 'spawnRate' | 'durationMs')[]): string {
  return flags.map((flag) => FLAG_NAMES[flag]).join(', ');
}

/** Locust's form, with explicit flags overriding each number. */
function usersPlan(
  { options, explicit }: LoadSources,
  base: {
    users: number;
    spawnRate: number | undefined;
    durationMs: number | null;
    iterations: number | null;
  },
): ResolvedLoad {
  const users = explicit.has('users') ? options.users : base.users;
  const spawnRate = explicit.has('spawnRate') ? options.spawnRate : (base.spawnRate ?? users);
  const durationMs = explicit.has('durationMs') ? options.durationMs : base.durationMs;
  const iterations = explicit.has('iterations') ? options.iterations : base.iterations;
  return { plan: { executor: 'ramping-users', users, spawnRate, durationMs }, iterations };
}

function openPlan(
  { options, explicit, origin }: LoadSources,
  executor: 'constant-arrival-rate' | 'ramping-arrival-rate',
  startRate: number,
  stages: Stage[],
  load: Record<string, unknown> = {},
  problems: string[] = [],
): ResolvedLoad {
  const peak = stages.reduce((max, stage) => Math.max(max, stage.target), startRate);
  const loadMax = typeof load.maxUsers === 'number' ? load.maxUsers : undefined;
  const maxUsers = explicit.has('maxUsers')
    ? (options.maxUsers as number)
    : (loadMax ?? Math.max(50, Math.ceil(peak * 2)));
  const loadPre = typeof load.preAllocatedUsers === 'number' ? load.preAllocatedUsers : undefined;
  const preAllocatedUsers = Math.min(maxUsers, loadPre ?? Math.max(1, Math.ceil(peak / 10)));
  const loadDistribution = load.distribution;
  if (loadDistribution !== undefined && loadDistribution !== 'even' && loadDistribution !== 'poisson') {
    problems.push(
      `${origin} load.distribution: expected 'even' or 'poisson', got ${String(loadDistribution)}`,
    );
  }
  const distribution =
    explicit.has('distribution') && options.distribution !== null
      ? options.distribution
      : loadDistribution === 'poisson'
        ? 'poisson'
        : 'even';
  return {
    plan: { executor, startRate, stages, preAllocatedUsers, maxUsers, distribution },
    iterations: null,
  };
}
