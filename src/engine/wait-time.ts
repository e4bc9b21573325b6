/**
 * How long a virtual user waits after each task. The helpers users write (`between`,
 * `constant`, `constantPacing`, `constantThroughput`) live here and `src/api/wait-time.ts` hands
 * them to scenarios; the engine only calls `next()`, once per task, with the user's own seeded
 * random source. Durations are strings (`'1s'`, `'250ms'`) or numbers of seconds, the Locust
 * convention (`between(1, 3)`).
 */

import { type DurationInput, parseDuration } from '../core/units/duration.js';
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

export type { DurationInput };

/** A duration as a user writes it, in milliseconds: a bare number is seconds. */
export function toMs(value: DurationInput, what: string): number {
  return typeof value === 'number' ? parseDuration(value * 1000, what) : parseDuration(value, what);
}

/** A uniformly random wait in [min, max] after each task. */
export function between(min: DurationInput, max: DurationInput): WaitTime {
  const lo = toMs(min, 'between(min)');
  const hi = toMs(max, 'between(max)');
  if (hi < lo) throw new RangeError(`between(${min}, ${max}): max is below min`);
  return {
    description: `between(${min}, ${max})`,
    next: (_taskMs, random) => random.between(lo, hi),
  };
}

/** The same wait after every task; `constant(0)` runs tasks back to back. */
export function constant(wait: DurationInput): WaitTime {
  const ms = toMs(wait, 'constant(wait)');
  return { description: `constant(${wait})`, next: () => ms };
}

/**
 * Starts a task at most once every `interval`: the wait is the interval minus the time the task
 * took (zero if it took longer), so each user keeps a steady pace whatever the latency.
 */
export function constantPacing(interval: DurationInput): WaitTime {
  const ms = toMs(interval, 'constantPacing(interval)');
  return {
    description: `constantPacing(${interval})`,
    next: (taskMs) => (taskMs < ms ? ms - taskMs : 0),
  };
}

/** Each user runs at most `tasksPerSecond` tasks per second (the inverse of constantPacing). */
export function constantThroughput(tasksPerSecond: number): WaitTime {
  if (!(tasksPerSecond > 0) || !Number.isFinite(tasksPerSecond)) {
    throw new RangeError(`constantThroughput(${tasksPerSecond}): expected a number of tasks per second > 0`);
  }
  const paced = constantPacing(1 / tasksPerSecond);
  return { description: `constantThroughput(${tasksPerSecond})`, next: paced.next };
}
