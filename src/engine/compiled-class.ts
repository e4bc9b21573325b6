/**
 * A user class prepared for running: recorder scopes and task-error rows resolved once, and the
 * weighted task choice built, so a virtual user's loop does no lookups by name.
 */

import type { MetricsRecorder } from '../metrics/recorder.js';
import { ScopeRows } from './scope-rows.js';
import type { UserClassSpec } from './user-class.js';
import { WeightedChoice } from './weighted-choice.js';

/** The method column of rows that hold task-level errors (exceptions outside a request). */
export const TASK_METHOD = 'TASK';

export interface CompiledClass {
  readonly spec: UserClassSpec;
  readonly scenario: string;
  /** Recorder scope of each task, by task index. */
  readonly taskScopes: readonly number[];
  /** Row that collects each task's exceptions, by task index. */
  readonly taskErrorRows: readonly number[];
  /** Scope for requests made in onStart / onStop. */
  readonly lifecycleScope: number;
  readonly onStartErrorRow: number;
  readonly onStopErrorRow: number;
  readonly choice: WeightedChoice;
  /** The rows of `vu.measure()` and the scopes of `vu.group()`, resolved once per name. */
  readonly rows: ScopeRows;
}

export function compileClass(
  spec: UserClassSpec,
  scenario: string,
  recorder: MetricsRecorder,
): CompiledClass {
  const taskScopes = spec.tasks.map((task) => recorder.scope(scenario, spec.name, task.tags));
  const lifecycleScope = recorder.scope(scenario, spec.name, []);
  const rows = new ScopeRows(recorder, scenario, spec.name);
  spec.tasks.forEach((task, i) => rows.register(taskScopes[i] as number, task.tags));
  rows.register(lifecycleScope, []);
  return {
    spec,
    scenario,
    taskScopes,
    taskErrorRows: spec.tasks.map((task, i) =>
      recorder.endpoint(taskScopes[i] as number, TASK_METHOD, task.name),
    ),
    lifecycleScope,
    onStartErrorRow: recorder.endpoint(lifecycleScope, TASK_METHOD, 'onStart'),
    onStopErrorRow: recorder.endpoint(lifecycleScope, TASK_METHOD, 'onStop'),
    choice: new WeightedChoice(spec.tasks.map((task) => task.weight)),
    rows,
  };
}
