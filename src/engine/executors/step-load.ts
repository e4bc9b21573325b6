/**
 * Step load (seed 003's ramp_up_load): `steps` levels of users evenly from `from` to `to`, each
 * held for `stepDuration`, reached at `spawnRate` (or at once). Each step is a named phase, so the
 * result keeps a stats row per step: where latency bends is where capacity ends.
 *
 *   users ▲                    ┌────
 *         │            ┌───────┘
 *         │    ┌───────┘
 *         └────┘──────────────────────► t   (steps = 3)
 */

import { type ExecutionSegment, WHOLE } from '../segment.js';
import type { Executor, ExecutorRuntime } from './executor.js';
import { RampingUsersExecutor } from './ramping-users.js';
import { type Stage, stagesDurationMs } from './stages.js';

export interface StepLoadConfig {
  from: number;
  to: number;
  steps: number;
  stepDurationMs: number;
  /** Users started per second between steps; Infinity or 0: at once. */
  spawnRate: number;
}

/** The user count of each step, evenly spaced from `from` to `to`, rounded. */
export function stepLevels(config: StepLoadConfig): number[] {
  if (config.steps <= 1) return [Math.round(config.to)];
  return Array.from({ length: config.steps }, (_, k) =>
    Math.round(config.from + ((config.to - config.from) * k) / (config.steps - 1)),
  );
}

/** The stages of a step load, and when each step starts (ms). */
export function planStepLoad(config: StepLoadConfig): { stages: Stage[]; stepStartsMs: number[] } {
  const stages: Stage[] = [];
  const stepStartsMs: number[] = [];
  let level = 0;
  for (const target of stepLevels(config)) {
    stepStartsMs.push(stagesDurationMs(stages));
    const instant = !(config.spawnRate > 0) || !Number.isFinite(config.spawnRate);
    const rampMs = instant ? 0 : (Math.abs(target - level) / config.spawnRate) * 1000;
    stages.push({ durationMs: rampMs, target }, { durationMs: config.stepDurationMs, target });
    level = target;
  }
  return { stages, stepStartsMs };
}

export class StepLoadExecutor implements Executor {
  readonly kind = 'step-load';
  readonly maxUsers: number;
  readonly plannedDurationMs: number;
  private readonly users: RampingUsersExecutor;
  private readonly stepStartsMs: number[];
  private readonly levels: number[];

  constructor(config: StepLoadConfig, segment: ExecutionSegment = WHOLE) {
    const plan = planStepLoad(config);
    this.users = new RampingUsersExecutor({ stages: plan.stages }, segment);
    this.stepStartsMs = plan.stepStartsMs;
    this.levels = stepLevels(config);
    this.maxUsers = this.users.maxUsers;
    this.plannedDurationMs = stagesDurationMs(plan.stages);
  }

  async run(runtime: ExecutorRuntime): Promise<void> {
    const { clock, stopSignal } = runtime;
    const start = runtime.startedAt;
    const announce = async (): Promise<void> => {
      for (const [k, at] of this.stepStartsMs.entries()) {
        const wait = start + at - clock.now();
        if (wait > 0) await clock.sleep(wait, stopSignal);
        if (stopSignal.aborted) return;
        runtime.phase(`step ${k + 1}/${this.levels.length}: ${this.levels[k]} users`, this.levels[k]);
      }
    };
    await Promise.all([announce(), this.users.run(runtime)]);
  }
}
