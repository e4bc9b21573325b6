/**
 * A user class as the engine runs it: names resolved, weights validated, tasks in a fixed
 * order with their recorder scopes. Built once per run from the user's definitions.
 */

import type { CustomMetricDeclaration } from '../metrics/custom-metric.js';
import type { TaskFunction } from './vu-context.js';
import type { WaitTime } from './wait-time.js';

export interface TaskSpec {
  name: string;
  weight: number;
  tags: readonly string[];
  run: TaskFunction<object, unknown>;
}

export interface UserClassSpec {
  name: string;
  /** Share of spawned users, relative to other classes. */
  weight: number;
  /** An exact number of users of this class, taken before weighted shares. */
  fixedCount?: number | undefined;
  wait: WaitTime;
  /** Runs tasks in declaration order, round and round, instead of picking by weight. */
  sequential: boolean;
  /** Overrides the scenario host for this class. */
  host?: string | undefined;
  onStart?: TaskFunction<object, unknown> | undefined;
  onStop?: TaskFunction<object, unknown> | undefined;
  tasks: readonly TaskSpec[];
}

export interface ScenarioSpec {
  /** Empty for the default (single) scenario. */
  name: string;
  host?: string | undefined;
  classes: readonly UserClassSpec[];
  /** The run's declared custom metrics (what `vu.metric(name)` may name). */
  metrics?: readonly CustomMetricDeclaration[];
}
