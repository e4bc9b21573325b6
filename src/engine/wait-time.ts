/**
 * How long a virtual user waits after each task. The helpers users write (`between`,
 * `constant`, `constantPacing`, `constantThroughput`) build these in `src/api/wait-time.ts`;
 * the engine only calls `next()`, once per task, with the user's own seeded random source.
 */

import type { Random } from '../core/random.js';

export interface WaitTime {
  /** For people: `between(1s, 3s)`. */
  readonly description: string;
  /**
   * Milliseconds to wait after a task that took `taskMs` (pacing helpers subtract it).
   * Must not allocate: it runs once per task.
   */
  next(taskMs: number, random: Random): number;
}
