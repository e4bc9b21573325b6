/**
 * The scenarios a run executes: the file's one scenario (its `users` and `load`), or each of its
 * named `scenarios` (or only the one `--scenario` picks), each with its user classes, its load
 * resolved, its start time and its own thresholds (scoped to it).
 */

import { BUILTIN_METRICS } from '../metrics/builtin-metrics.js';
import type { CustomMetricDeclaration } from '../metrics/custom-metric.js';
import type { ScenarioDefinition, SubScenarioDefinition } from './scenario-definition.js';
import { tryParseDuration } from '../core/units/duration.js';
import type { ProfileLoad } from '../config/profiles.js';
import type { OptionName, RunOptions } from '../config/run-options.js';
import type { UserClassSpec } from './user-class.js';
import { VolleyError } from '../errors.js';
import {
  checkCustomMetricThresholds,
  parseThresholdExpression,
  parseThresholds,
  type ThresholdDefinition,
  type ThresholdSpec,
} from '../thresholds/index.js';
import { compileMetricDeclarations } from './metric-declarations.js';
import { compileUserClasses, exportNames, type TagFilter, userClassNames } from './compile-scenario.js';
import { type ResolvedLoad, resolveLoad } from './resolve-load.js';

export interface ScenarioUnit {
  /** Empty for a file's single scenario. */
  name: string;
  host: string | undefined;
  classes: UserClassSpec[];
  load: ResolvedLoad;
  startTimeMs: number;
  /** The run's declared custom metrics (the same for every unit). */
  metrics?: readonly CustomMetricDeclaration[];
}

export interface UnitsRequest {
  scenario: ScenarioDefinition<unknown>;
  exports: Record<string, unknown>;
  options: RunOptions;
  explicit: ReadonlySet<OptionName>;
  profiles: Readonly<Record<string, ProfileLoad>> | undefined;
  origin: string;
}

interface UnitsAndThresholds {
  units: ScenarioUnit[];
  /** The units' own thresholds (scoped to them). */
  thresholds: ThresholdSpec[];
}

export interface CompiledUnits {
  units: ScenarioUnit[];
  thresholds: ThresholdSpec[];
  /** What the run should say about how it was narrowed (thresholds of classes left out). */
  notes: string[];
}

/** The chosen profile's own criteria (config file profiles may carry some). */
function profileThresholds({ options, profiles }: UnitsRequest): ThresholdSpec[] {
  if (options.profile === null) return [];
  const thresholds = profiles?.[options.profile]?.thresholds ?? [];
  return parseThresholds(thresholds, `profile '${options.profile}'`);
}

export function compileUnits(request: UnitsRequest): CompiledUnits {
  const { scenario, options, origin } = request;
  const names = exportNames(request.exports);
  checkUserClasses(scenario, names, options.userClasses, origin);
  const global = [
    ...parseThresholds([...(scenario.thresholds ?? []), ...options.thresholds], origin),
    ...profileThresholds(request),
  ];
  const compiled = scenario.scenarios === undefined ? singleUnit(request, names) : namedUnits(request, names);
  const metrics = compileMetricDeclarations(scenario.metrics, origin);
  const thresholds = [...global, ...compiled.thresholds];
  // Protocols' built-in metrics (sse_events, ws_messages_received…) take thresholds undeclared.
  checkCustomMetricThresholds(thresholds, metrics, BUILTIN_METRICS.map((m) => m.declaration));
  const units = compiled.units.map((unit) => ({ ...unit, metrics }));
  return { units, ...withoutUnselected(thresholds, options.userClasses) };
}

/** The file's one scenario: its `users` and `load`. */
function singleUnit(request: UnitsRequest, names: ReadonlyMap<unknown, string>): UnitsAndThresholds {
  const { scenario, options, origin } = request;
  if (options.scenario !== null) {
    throw new VolleyError('VOLLEY_E_USAGE', `--scenario ${options.scenario}: ${origin} has no named scenarios`);
  }
  const classes = compileUserClasses({ users: scenario.users ?? [] }, names, tagFilter(options), origin);
  const host = options.host ?? undefined;
  return {
    units: [{ name: '', host, classes, load: loadFor(request, scenario.load, origin), startTimeMs: 0 }],
    thresholds: [],
  };
}

/** Each of the file's named `scenarios` (or the one `--scenario` picks), with its own thresholds. */
function namedUnits(request: UnitsRequest, names: ReadonlyMap<unknown, string>): UnitsAndThresholds {
  const { scenario, options, origin } = request;
  if (scenario.users !== undefined) {
    throw new VolleyError('VOLLEY_E_SCENARIO', `${origin}: give either users (one scenario) or scenarios, not both`);
  }
  const units: ScenarioUnit[] = [];
  const thresholds: ThresholdSpec[] = [];
  for (const [name, sub] of chosenScenarios(request, names)) {
    const where = `${origin} scenarios.${name}`;
    const classes = compileUserClasses({ users: sub.users }, names, tagFilter(options), where).map((spec) =>
      withScenarioTags(spec, sub),
    );
    const startTimeMs = sub.startTime === undefined ? 0 : startTime(sub.startTime, where);
    const host = sub.host ?? options.host ?? undefined;
    units.push({ name, host, classes, load: loadFor(request, sub.load, where), startTimeMs });
    thresholds.push(...parseThresholds((sub.thresholds ?? []).map((def) => scoped(def, name)), where));
  }
  return { units, thresholds };
}

/** The named scenarios this run executes: those with a selected user class, or the one picked. */
function chosenScenarios(
  request: UnitsRequest,
  names: ReadonlyMap<unknown, string>,
): [string, SubScenarioDefinition][] {
  const { options, origin } = request;
  const entries = Object.entries(request.scenario.scenarios ?? {}).filter(
    // Named user classes leave out the scenarios that have none of them.
    ([, sub]) =>
      options.userClasses.length === 0 ||
      userClassNames(sub.users, names).some((name) => options.userClasses.includes(name)),
  );
  const chosen = options.scenario === null ? entries : entries.filter(([name]) => name === options.scenario);
  if (chosen.length === 0) {
    const available = entries.map(([name]) => name).join(', ');
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      options.scenario === null
        ? `${origin}: scenarios is empty`
        : `--scenario: no scenario '${options.scenario}' in ${origin} (available: ${available})`,
    );
  }
  return chosen;
}

function tagFilter(options: RunOptions): TagFilter {
  return { tags: options.tags, excludeTags: options.excludeTags, userClasses: options.userClasses };
}

/** Every named user class must exist: a typo would otherwise run nothing, or the wrong users. */
function checkUserClasses(
  scenario: ScenarioDefinition<unknown>,
  names: ReadonlyMap<unknown, string>,
  selected: readonly string[],
  origin: string,
): void {
  if (selected.length === 0) return;
  const known = [
    ...userClassNames(scenario.users, names),
    ...Object.values(scenario.scenarios ?? {}).flatMap((sub) => userClassNames(sub.users, names)),
  ];
  const unknown = selected.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new VolleyError(
      'VOLLEY_E_USAGE',
      `user class ${unknown.map((name) => `'${name}'`).join(', ')} not found in ${origin} ` +
        `(its user classes: ${[...new Set(known)].join(', ')})`,
    );
  }
}

/**
 * A threshold on a user class the run left out cannot be judged: it is set aside and said so,
 * rather than failing for want of requests. Every other threshold stands, so a selector that
 * matches nothing still fails.
 */
function withoutUnselected(
  thresholds: ThresholdSpec[],
  selected: readonly string[],
): { thresholds: ThresholdSpec[]; notes: string[] } {
  if (selected.length === 0) return { thresholds, notes: [] };
  const left = thresholds.filter((t) => t.filter.user !== undefined && !selected.includes(t.filter.user));
  return {
    thresholds: thresholds.filter((t) => !left.includes(t)),
    notes:
      left.length === 0
        ? []
        : [
            `Not judged, their user classes did not run: ${left.map((t) => t.expression).join(', ')}.`,
          ],
  };
}

function loadFor(request: UnitsRequest, load: ScenarioDefinition['load'], origin: string): ResolvedLoad {
  return resolveLoad({
    load,
    options: request.options,
    explicit: request.explicit,
    ...(request.profiles === undefined ? {} : { profiles: request.profiles }),
    origin,
  });
}

function withScenarioTags(spec: UserClassSpec, sub: SubScenarioDefinition): UserClassSpec {
  const tags = sub.tags ?? [];
  if (tags.length === 0) return spec;
  return {
    ...spec,
    tasks: spec.tasks.map((task) => ({ ...task, tags: [...new Set([...task.tags, ...tags])] })),
  };
}

/** A scenario's own threshold judges its own requests: add `scenario=<name>` to its selector. */
function scoped(definition: ThresholdDefinition, scenario: string): ThresholdDefinition {
  if (typeof definition !== 'string')
    return definition.scenario === undefined ? { ...definition, scenario } : definition;
  let hasSelector = false;
  try {
    hasSelector = Object.keys(parseThresholdExpression(definition).filter).length > 0;
  } catch {
    return definition; // parseThresholds reports it, with its origin.
  }
  return hasSelector ? `scenario=${scenario},${definition}` : `scenario=${scenario}:${definition}`;
}

function startTime(value: string | number, where: string): number {
  const ms = typeof value === 'number' ? value * 1000 : tryParseDuration(value);
  if (ms === undefined)
    throw new VolleyError(
      'VOLLEY_E_SCENARIO',
      `${where}.startTime: expected a duration like 30s, got '${value}'`,
    );
  return ms;
}
