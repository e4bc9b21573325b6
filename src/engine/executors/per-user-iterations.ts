/**
 * Per-user iterations (k6's per-vu-iterations; seed 003's "N requests with concurrency C"): `users`
 * users each run exactly `iterations` tasks, then stop. The run ends when the last one finishes.
 */

import { type ExecutionSegment, SegmentOwnership, WHOLE } from '../segment.js';
import type { Executor, ExecutorRuntime } from './executor.js';

export interface PerUserIterationsConfig {
  users: number;
  iterations: number;
}

/** The pure plan: the global indices of the users this segment runs, all at the start. */
export function planPerUserIterations(
  config: PerUserIterationsConfig,
  segment: ExecutionSegment = WHOLE,
): number[] {
  const ownership = new SegmentOwnership(segment);
  const users: number[] = [];
  for (let index = 0; index < config.users; index++) if (ownership.owns(index)) users.push(index);
  return users;
}

export class PerUserIterationsExecutor implements Executor {
  readonly kind = 'per-user-iterations';
  readonly maxUsers: number;
  readonly plannedDurationMs = null;
  private readonly users: number[];

  constructor(
    private readonly config: PerUserIterationsConfig,
    segment: ExecutionSegment = WHOLE,
  ) {
    this.users = planPerUserIterations(config, segment);
    this.maxUsers = this.users.length;
  }

  async run({ spawn }: ExecutorRuntime): Promise<void> {
    await Promise.all(this.users.map((index) => spawn(index, { iterations: this.config.iterations })));
  }
}
