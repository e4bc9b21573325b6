/**
 * A closed-model load given a new number of users while it runs (the web UI's Edit, Locust's
 * "edit running test"): the stages as they ran up to that moment, then a ramp from the level
 * there to the new count at the new spawn rate, held for the rest of the run. Planning users over
 * these stages (user-intervals.ts) keeps everyone started so far, starts the missing users in
 * order, and stops the newest first when the count falls, as a ramp down does.
 */

import { levelAt, type Stage } from './stages.js';

/** The stages up to `atMs` (ms since the start), then a ramp to `users` at `spawnRate` per second. */
export function retargetStages(
  stages: readonly Stage[],
  startLevel: number,
  atMs: number,
  users: number,
  spawnRate: number,
): Stage[] {
  const kept: Stage[] = [];
  let elapsed = 0;
  for (const stage of stages) {
    if (elapsed + stage.durationMs > atMs) break;
    kept.push(stage);
    elapsed += stage.durationMs;
  }
  const level = levelAt(stages, startLevel, atMs);
  // The stage running at `atMs` ends there, at the level it had reached (or the last level holds).
  if (atMs > elapsed) kept.push({ durationMs: atMs - elapsed, target: level });
  const instant = !(spawnRate > 0) || !Number.isFinite(spawnRate);
  kept.push({ durationMs: instant ? 0 : (Math.abs(users - level) / spawnRate) * 1000, target: users });
  return kept;
}
