/**
 * Decides how a run ended, from what stopped it and what it measured:
 * - aborted: a threshold with abortOnFail stopped it, or it was interrupted before its planned end;
 * - failed early: nothing was listening at the target (every request of the first seconds was
 *   refused), with that as its reason;
 * - failed: a threshold failed, or (when the scenario sets no thresholds) any request, task or
 *   check failed, as Locust fails a run with errors by default;
 * - passed: otherwise.
 */

import type { StopReason } from '../engine/load-engine.js';
import type { RunOutcome, ThresholdVerdict } from '../metrics/result.js';

export interface VerdictInput {
  reason: StopReason;
  /** Whether the run had a planned end (duration or iterations) that an interrupt cut short. */
  hadPlannedEnd: boolean;
  abortedBy: string | undefined;
  /** Why the target was judged unreachable, when that stopped the run. */
  unreachable?: string | undefined;
  thresholds: readonly ThresholdVerdict[];
  failures: number;
  taskErrors: number;
  checkFails: number;
}

export interface Verdict {
  outcome: RunOutcome;
  ok: boolean;
  abortReason?: string;
}

export function decideVerdict(input: VerdictInput): Verdict {
  if (input.reason === 'threshold') {
    return {
      outcome: 'aborted',
      ok: false,
      abortReason: `${input.abortedBy === undefined ? 'a threshold' : `threshold ${input.abortedBy}`} failed (abortOnFail)`,
    };
  }
  if (input.reason === 'unreachable') {
    return { outcome: 'failed', ok: false, abortReason: input.unreachable ?? 'nothing is listening at the target' };
  }
  if (input.reason === 'interrupted' && input.hadPlannedEnd) {
    return { outcome: 'aborted', ok: false, abortReason: 'interrupted before its planned end' };
  }
  const ok =
    input.thresholds.length > 0
      ? input.thresholds.every((t) => t.ok)
      : input.failures === 0 && input.taskErrors === 0 && input.checkFails === 0;
  return { outcome: ok ? 'passed' : 'failed', ok };
}
