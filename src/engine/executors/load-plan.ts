/**
 * A load, normalized: which executor runs and with what numbers. The runner builds one from the
 * scenario's `load`, a profile and flags; `createExecutor` turns it into the executor for a
 * segment of the load.
 */

import type { ExecutionSegment } from '../segment.js';
import { ArrivalRateExecutor } from './arrival-rate.js';
import type { ArrivalDistribution } from './arrivals.js';
import type { Executor } from './executor.js';
import { PerUserIterationsExecutor } from './per-user-iterations.js';
import { RampingUsersExecutor } from './ramping-users.js';
import { ShapeExecutor, type ShapeFunction } from './shape.js';
import type { Stage } from './stages.js';
import { StepLoadExecutor } from './step-load.js';

export type LoadPlan =
  | { executor: 'ramping-users'; users: number; spawnRate: number; durationMs: number | null }
  | { executor: 'ramping-users-stages'; stages: Stage[]; startUsers: number }
  | { executor: 'per-user-iterations'; users: number; iterations: number }
  | {
      executor: 'constant-arrival-rate' | 'ramping-arrival-rate';
      startRate: number;
      stages: Stage[];
      preAllocatedUsers: number;
      maxUsers: number;
      distribution: ArrivalDistribution;
    }
  | { executor: 'shape'; shape: ShapeFunction; maxUsers: number }
  | {
      executor: 'step-load';
      from: number;
      to: number;
      steps: number;
      stepDurationMs: number;
      spawnRate: number;
    };

export function createExecutor(plan: LoadPlan, segment: ExecutionSegment, seed: number): Executor {
  switch (plan.executor) {
    case 'ramping-users':
      return new RampingUsersExecutor(plan, segment);
    case 'ramping-users-stages':
      return new RampingUsersExecutor({ stages: plan.stages, startUsers: plan.startUsers }, segment);
    case 'per-user-iterations':
      return new PerUserIterationsExecutor(plan, segment);
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate':
      return new ArrivalRateExecutor({ ...plan, kind: plan.executor, seed }, segment);
    case 'shape':
      return new ShapeExecutor(plan, segment);
    case 'step-load':
      return new StepLoadExecutor(plan, segment);
  }
}

/** Users the run may need at most: how many user-class slots to plan. */
export function peakUsers(plan: LoadPlan): number {
  switch (plan.executor) {
    case 'ramping-users':
    case 'per-user-iterations':
      return plan.users;
    case 'ramping-users-stages':
      return Math.ceil(plan.stages.reduce((max, stage) => Math.max(max, stage.target), plan.startUsers));
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate':
    case 'shape':
      return plan.maxUsers;
    case 'step-load':
      return Math.max(plan.from, plan.to);
  }
}

/** `1 user`, `100 users`. */
function usersText(users: number): string {
  return users === 1 ? '1 user' : `${users} users`;
}

/** A short description for people: `100 users at 10/s for 5m`, `200/s for 1m`. */
export function describePlan(plan: LoadPlan): string {
  switch (plan.executor) {
    case 'ramping-users':
      return `${usersText(plan.users)} at ${plan.spawnRate}/s${plan.durationMs === null ? '' : ` for ${plan.durationMs / 1000}s`}`;
    case 'ramping-users-stages':
      return `stages ${plan.stages.map((s) => `${s.durationMs / 1000}s→${s.target}`).join(', ')}`;
    case 'per-user-iterations':
      return `${usersText(plan.users)} × ${plan.iterations} iterations`;
    case 'constant-arrival-rate':
      return `${plan.startRate}/s (up to ${usersText(plan.maxUsers)}, ${plan.distribution})`;
    case 'ramping-arrival-rate':
      return `rate from ${plan.startRate}/s: ${plan.stages.map((s) => `${s.durationMs / 1000}s→${s.target}/s`).join(', ')}`;
    case 'shape':
      return `shape (up to ${usersText(plan.maxUsers)})`;
    case 'step-load':
      return `${plan.steps} steps from ${plan.from} to ${plan.to} users, ${plan.stepDurationMs / 1000}s each`;
  }
}
