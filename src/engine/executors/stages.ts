/**
 * Stages: a load level that moves linearly from one target to the next over each stage's
 * duration (k6's `stages`). The level starts at `start` and is `stages[k].target` at the end of
 * stage k; a stage of zero duration is a jump.
 *
 *   target ▲      ┌──────┐
 *          │     ╱        ╲
 *          │    ╱          ╲___
 *          └───┴──────┴───┴────► t
 *           30s  2m    30s  1m
 */

export interface Stage {
  durationMs: number;
  target: number;
}

/** Total length of the stages. */
export function stagesDurationMs(stages: readonly Stage[]): number {
  return stages.reduce((sum, stage) => sum + stage.durationMs, 0);
}

/** The level at time `t` (ms from the start); after the last stage, its target. */
export function levelAt(stages: readonly Stage[], start: number, t: number): number {
  let from = start;
  let stageStart = 0;
  for (const stage of stages) {
    const stageEnd = stageStart + stage.durationMs;
    if (t < stageEnd) {
      const progress = stage.durationMs === 0 ? 1 : (t - stageStart) / stage.durationMs;
      return from + (stage.target - from) * progress;
    }
    from = stage.target;
    stageStart = stageEnd;
  }
  return from;
}

/** The highest level the stages reach. */
export function peakLevel(stages: readonly Stage[], start: number): number {
  return stages.reduce((max, stage) => Math.max(max, stage.target), start);
}
