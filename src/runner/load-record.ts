/**
 * The load a run actually ran, as the result records it: per scenario, the executor and its
 * numbers (users, spawn rate, stages, rate, shape), and for the whole run the most users it
 * planned. Reports read this, not the -u / -r options, which a scenario's own load, a profile,
 * stages or a rate replace.
 */

import type { LoadPlan } from '../engine/executors/load-plan.js';
import { describePlan, peakUsers } from '../engine/executors/load-plan.js';
import type { RunOptions } from '../config/run-options.js';
import type { RunLoad, ScenarioLoad } from '../metrics/result.js';
import type { ScenarioUnit } from '../engine/scenario-units.js';

/** The plan's numbers, without what JSON cannot hold (a shape's function). */
function planFigures(plan: LoadPlan): Omit<ScenarioLoad, 'scenario' | 'description' | 'users'> {
  switch (plan.executor) {
    case 'ramping-users':
      return { executor: plan.executor, spawnRate: plan.spawnRate, durationMs: plan.durationMs };
    case 'ramping-users-stages':
      return { executor: plan.executor, startUsers: plan.startUsers, stages: plan.stages.map((s) => ({ ...s })) };
    case 'per-user-iterations':
      return { executor: plan.executor, iterationsPerUser: plan.iterations };
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate':
      return {
        executor: plan.executor,
        rate: plan.startRate,
        stages: plan.stages.map((s) => ({ ...s })),
        maxUsers: plan.maxUsers,
        distribution: plan.distribution,
      };
    case 'shape':
      return { executor: plan.executor, maxUsers: plan.maxUsers };
    case 'step-load':
      return {
        executor: plan.executor,
        from: plan.from,
        to: plan.to,
        steps: plan.steps,
        stepDurationMs: plan.stepDurationMs,
        spawnRate: plan.spawnRate,
      };
  }
}

export function loadRecord(units: readonly ScenarioUnit[]): Required<RunLoad> {
  const scenarios = units.map(
    (unit): ScenarioLoad => ({
      scenario: unit.name,
      description: describePlan(unit.load.plan),
      users: peakUsers(unit.load.plan),
      ...planFigures(unit.load.plan),
      ...(unit.load.iterations === null ? {} : { iterations: unit.load.iterations }),
      ...(unit.startTimeMs === 0 ? {} : { startTimeMs: unit.startTimeMs }),
    }),
  );
  return {
    executor: [...new Set(scenarios.map((s) => s.executor))].join(', '),
    description: scenarios
      .map((s) => `${s.scenario === '' ? '' : `${s.scenario}: `}${s.description}`)
      .join('; '),
    // Scenarios may run one after another (startTime): their sum is an upper bound, as planned.
    users: scenarios.reduce((sum, s) => sum + s.users, 0),
    scenarios,
  };
}

/**
 * The options as they applied: `users`, `spawnRate`, `durationMs` and `iterations` are those of
 * the load that ran when one users-at-a-rate load ran (a scenario's own `load` replaces the
 * defaults), and the peak users otherwise, so no report reads "1 user" for a 100-user run.
 */
export function appliedOptions(options: RunOptions, load: Required<RunLoad>): RunOptions {
  const only = load.scenarios.length === 1 ? load.scenarios[0] : undefined;
  const applied: RunOptions = { ...options, users: load.users };
  if (only?.executor === 'ramping-users') {
    applied.spawnRate = only.spawnRate ?? options.spawnRate;
    applied.durationMs = only.durationMs ?? null;
  }
  if (only !== undefined) applied.iterations = only.iterations ?? null;
  return applied;
}
