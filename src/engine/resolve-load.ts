/**
 * Decides the run's load model and numbers. In order of precedence:
 *   1. `--profile name` (a named level, built in or from the config file);
 *   2. `--stages …` (users following stages) or `--rate …` (the open model);
 *   3. the scenario's own `load`, in any of its forms;
 * and then the flags a user set explicitly (`-u`, `-r`, `-t`, `--iterations`, `--max-users`,
 * `--distribution`) override the matching numbers. Every problem is collected into one error
 * that names where each value came from.
 */

import type { LoadDefinition } from './scenario-definition.js';
import { tryParseDuration } from '../core/units/duration.js';
import { BUILTIN_PROFILES, type ProfileLoad } from '../config/profiles.js';
import type { OptionName, RunOptions } from '../config/run-options.js';
import type { LoadPlan } from './executors/load-plan.js';
import type { Stage } from './executors/stages.js';
import { VolleyError } from '../errors.js';
import { LoadReader } from './load-reader.js';

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
  const fromFlags = resolveFromFlags(sources, problems);
  if (fromFlags !== null) return fromFlags;
  const reader = new LoadReader(sources, problems);
  // Read before anything else, as it always was: its problem is reported first.
  const timeUnitMs = reader.duration('timeUnit') ?? 1000;
  const overridden = resolveOverridden(sources, reader, problems);
  if (overridden !== null) return overridden;
  return resolveFromLoad(sources, reader, timeUnitMs, problems);
}

/**
 * A load chosen by flags alone: `--profile`, `--stages` or `--rate`. Null when none was given;
 * undefined when the one given is wrong (its problem is recorded).
 */
function resolveFromFlags(sources: LoadSources, problems: string[]): ResolvedLoad | undefined | null {
  const { options, explicit } = sources;
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
  if (explicit.has('stages') && options.stages !== null) {
    return {
      plan: { executor: 'ramping-users-stages', stages: options.stages, startUsers: 0 },
      iterations: null,
    };
  }
  if (explicit.has('rate') && options.rate !== null) {
    if (options.durationMs === null) problems.push('--rate needs a duration: add -t/--run-time (e.g. -t 1m)');
    return openPlan(sources, 'constant-arrival-rate', options.rate, [
      { durationMs: options.durationMs ?? 0, target: options.rate },
    ]);
  }
  return null;
}

/**
 * -u, -r and -t on a scenario whose load is a curve replace the curve with a plain ramp, as k6's
 * --vus / --duration replace its scenarios: a flag the user typed is never ignored. On an
 * arrival rate they are refused. Null when no such flag meets such a load.
 */
function resolveOverridden(
  sources: LoadSources,
  reader: LoadReader,
  problems: string[],
): ResolvedLoad | undefined | null {
  const { options, explicit } = sources;
  const load = reader.load;
  const plainFlags = (['users', 'spawnRate', 'durationMs'] as const).filter((name) => explicit.has(name));
  const curve = typeof load.shape === 'function' || load.steps !== undefined || load.stages !== undefined;
  const openModel = load.rate !== undefined || load.startRate !== undefined;
  if (plainFlags.length > 0 && curve && !openModel) {
    const shape = curveOf(reader);
    const peak = shape?.peak;
    if (peak === undefined && !explicit.has('users')) {
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
  if (openModel && (explicit.has('users') || explicit.has('spawnRate'))) {
    problems.push(
      `${flagNames(plainFlags.filter((flag) => flag !== 'durationMs'))}: ${sources.origin}'s load is an ` +
        'arrival rate, which starts users as needed; use --rate or --max-users instead',
    );
    return undefined;
  }
  return null;
}

/** A curve's peak users and length, read once: each read of a bad value would report it again. */
function curveOf(reader: LoadReader): { peak: number; durationMs: number } | undefined {
  const load = reader.load;
  if (load.steps !== undefined) {
    const steps = reader.number('steps', 1, true) ?? 1;
    const peak = Math.max(reader.number('from', 0, true) ?? 0, reader.number('to', 0, true) ?? 0);
    return { peak, durationMs: steps * (reader.duration('stepDuration') ?? 0) };
  }
  if (load.stages === undefined) return undefined;
  const stages = reader.stages('stages', 1000);
  return {
    peak: Math.max(0, ...stages.map((stage) => stage.target)),
    durationMs: stages.reduce((total, stage) => total + stage.durationMs, 0),
  };
}

/** The scenario's own `load`, in whichever of its forms it is written, with explicit flags over it. */
function resolveFromLoad(
  sources: LoadSources,
  reader: LoadReader,
  timeUnitMs: number,
  problems: string[],
): ResolvedLoad {
  const { options, explicit } = sources;
  const load = reader.load;
  if (typeof load.shape === 'function') {
    const maxUsers = explicit.has('maxUsers') ? (options.maxUsers as number) : (reader.number('maxUsers', 1, true) ?? 1000);
    return { plan: { executor: 'shape', shape: load.shape as never, maxUsers }, iterations: null };
  }
  if (load.steps !== undefined) return stepPlan(reader, problems);
  if (load.rate !== undefined) {
    const rate = reader.rate('rate', timeUnitMs) ?? 0;
    const durationMs = explicit.has('durationMs') ? options.durationMs : reader.duration('duration');
    if (durationMs === undefined || durationMs === null)
      problems.push(`${reader.at('duration')}: required with rate, e.g. '1m'`);
    const stages = [{ durationMs: durationMs ?? 0, target: rate }];
    return openPlan(sources, 'constant-arrival-rate', rate, stages, load, problems);
  }
  if (load.startRate !== undefined) {
    const startRate = reader.rate('startRate', timeUnitMs) ?? 0;
    const stages = reader.stages('stages', timeUnitMs);
    return openPlan(sources, 'ramping-arrival-rate', startRate, stages, load, problems);
  }
  if (load.stages !== undefined) {
    const stages = reader.stages('stages', 1000);
    return {
      plan: { executor: 'ramping-users-stages', stages, startUsers: reader.number('startUsers', 0) ?? 0 },
      iterations: null,
    };
  }
  if (load.iterationsPerUser !== undefined) {
    const users = explicit.has('users') ? options.users : (reader.number('users', 1, true) ?? 1);
    const iterations = reader.number('iterationsPerUser', 1, true) ?? 1;
    return { plan: { executor: 'per-user-iterations', users, iterations }, iterations: null };
  }
  return usersPlan(sources, {
    users: reader.number('users', 1, true) ?? 1,
    spawnRate: reader.number('spawnRate', 0),
    durationMs: reader.duration('duration') ?? null,
    iterations: reader.number('iterations', 1, true) ?? null,
  });
}

function stepPlan(reader: LoadReader, problems: string[]): ResolvedLoad {
  const steps = reader.number('steps', 1, true) ?? 1;
  const from = reader.number('from', 0, true) ?? 0;
  const to = reader.number('to', 0, true) ?? 0;
  const stepDurationMs = reader.duration('stepDuration');
  if (stepDurationMs === undefined) problems.push(`${reader.at('stepDuration')}: required, e.g. '30s'`);
  const spawnRate = reader.number('spawnRate', 0) ?? Number.POSITIVE_INFINITY;
  return {
    plan: { executor: 'step-load', steps, from, to, stepDurationMs: stepDurationMs ?? 0, spawnRate },
    iterations: null,
  };
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
