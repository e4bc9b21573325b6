/**
 * The run's prepare phase: what it will execute, decided before anything starts. The scenario is
 * compiled into units (each scenario's classes, load and start time) and thresholds, a local load
 * is checked against this machine, and the run gets its name. Everything here throws at once on a
 * bad scenario, before setup() runs.
 */

import type { OptionName, RunOptions } from '../config/run-options.js';
import { checkUsersFit, machineCapacity, type MachineCapacity } from '../config/machine-limits.js';
import { createExecutor, describePlan, peakUsers } from '../engine/executors/load-plan.js';
import type { ScenarioDefinition } from '../engine/scenario-definition.js';
import { compileUnits, type ScenarioUnit } from '../engine/scenario-units.js';
import { WHOLE } from '../engine/segment.js';
import type { ThresholdSpec } from '../thresholds/index.js';
import type { RunRequest } from './start-run.js';

export interface RunPlan {
  /** The scenario file, or `scenario`, for messages. */
  origin: string;
  scenarioName: string;
  options: RunOptions;
  explicit: ReadonlySet<OptionName>;
  units: ScenarioUnit[];
  thresholds: ThresholdSpec[];
  /** What the run should say about how it was narrowed. */
  notes: string[];
  /** The longest threshold window, which the aggregate keeps. */
  windowMs: number;
  tickMs: number;
}

export function planRun(request: RunRequest): RunPlan {
  const { options } = request;
  const origin = request.file ?? 'scenario';
  const explicit = request.explicit ?? new Set<OptionName>();
  const { units, thresholds, notes } = compileUnits({
    scenario: request.scenario,
    exports: request.exports ?? {},
    options,
    explicit,
    profiles: request.profiles,
    origin,
  });
  // Remote workers run on their own machines; local runs must fit in this one.
  if (request.transport === undefined) checkLoadFits(units, machineCapacity());
  return {
    origin,
    scenarioName: runName(request.scenario, request.file),
    options,
    explicit,
    units,
    thresholds,
    notes,
    windowMs: thresholds.reduce((max, spec) => Math.max(max, spec.windowMs ?? 0), 0),
    tickMs: request.tickMs ?? 1000,
  };
}

/** What a run is called in its result and live outputs: the scenario's name, else its file's. */
export function runName(scenario: ScenarioDefinition<unknown>, file: string | null): string {
  return scenario.name ?? (file === null ? 'scenario' : baseName(file));
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.[cm]?[jt]s$/, '');
}

/** Refuses a load whose users (every scenario's together) this machine cannot hold. */
function checkLoadFits(units: readonly ScenarioUnit[], capacity: MachineCapacity): void {
  const users = units.reduce((sum, unit) => sum + peakUsers(unit.load.plan), 0);
  const described = units.map((unit) => describePlan(unit.load.plan)).join('; ');
  checkUsersFit(users, described, capacity);
}

/** Planned length and users of the whole load, for displays (workers plan their own shares). */
export function plannedShape(
  units: readonly ScenarioUnit[],
  seed: number,
): { plannedDurationMs: number | null; maxUsers: number } {
  let end: number | null = 0;
  let maxUsers = 0;
  for (const unit of units) {
    const executor = createExecutor(unit.load.plan, WHOLE, seed);
    maxUsers += executor.maxUsers;
    end =
      end === null || executor.plannedDurationMs === null
        ? null
        : Math.max(end, unit.startTimeMs + executor.plannedDurationMs);
  }
  return { plannedDurationMs: end, maxUsers };
}
