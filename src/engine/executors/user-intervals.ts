/**
 * When each user is active, for a user count that follows stages (the closed model).
 *
 * User i is active while the level is above i. So as the level rises through i, user i starts;
 * as it falls to i or below, user i stops (gracefully: it finishes its task). The most recently
 * started users are the first to stop, as in k6's ramping-vus. A user index that is started again
 * later (the level rises again) gets a new interval and a fresh user.
 *
 * Locust's form (N users at r per second) is the single stage { N / r seconds → N }: user i starts
 * at i / r seconds.
 */

import { type ExecutionSegment, SegmentOwnership, WHOLE } from '../segment.js';
import type { Stage } from './stages.js';

export interface UserInterval {
  /** Global user index. */
  index: number;
  /** When the user starts, ms after the run starts. */
  startMs: number;
  /** When the user is asked to stop; null: when the run ends. */
  stopMs: number | null;
}

/** Every interval of every user this segment owns, ordered by start time. */
export function planUserIntervals(
  stages: readonly Stage[],
  segment: ExecutionSegment = WHOLE,
  startLevel = 0,
): UserInterval[] {
  const ownership = new SegmentOwnership(segment);
  const open = new Map<number, UserInterval>();
  const intervals: UserInterval[] = [];
  const begin = (index: number, at: number): void => {
    if (!ownership.owns(index) || open.has(index)) return;
    const interval: UserInterval = { index, startMs: at, stopMs: null };
    open.set(index, interval);
    intervals.push(interval);
  };
  const end = (index: number, at: number): void => {
    const interval = open.get(index);
    if (interval === undefined) return;
    interval.stopMs = at;
    open.delete(index);
  };

  let level = Math.max(0, startLevel);
  for (let i = 0; i < Math.ceil(level); i++) begin(i, 0);
  let stageStart = 0;
  for (const stage of stages) {
    const from = level;
    const to = Math.max(0, stage.target);
    const at = (crossing: number): number =>
      stage.durationMs === 0 ? stageStart : stageStart + ((crossing - from) * stage.durationMs) / (to - from);
    if (to > from) {
      // Rising through level i (from ≤ i < to) starts user i, at the moment the level equals i.
      for (let i = Math.ceil(from); i < to; i++) if (i >= from) begin(i, at(i));
    } else if (to < from) {
      // Falling to level i or below (to ≤ i < from) stops user i, highest first.
      for (let i = Math.ceil(from) - 1; i >= Math.ceil(to); i--) end(i, at(i));
    }
    level = to;
    stageStart += stage.durationMs;
  }
  return intervals.sort((a, b) => a.startMs - b.startMs || a.index - b.index);
}
