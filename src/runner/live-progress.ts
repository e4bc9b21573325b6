/**
 * What a tick tells live outputs (the status line, the web UI), and the checks each tick makes
 * on the figures so far (abortOnFail thresholds, an unreachable target).
 */

import type { LoadDriver } from '../engine/load-driver.js';
import type { IntervalSummary } from '../metrics/decoded-snapshot.js';
import type { RunAggregate } from '../metrics/run-aggregate.js';
import type { ReachabilityView } from './unreachable-target.js';
import type { LiveProgress } from '../outputs/output.js';
import { evaluateThreshold, type ThresholdSpec } from '../thresholds/index.js';

export function liveProgress(aggregate: RunAggregate, live: LoadDriver, last: IntervalSummary): LiveProgress {
  const metrics = aggregate.liveMetrics();
  return {
    ...(metrics === undefined ? {} : { metrics }),
    elapsedMs: aggregate.elapsedMs,
    plannedDurationMs: live.plannedDurationMs,
    users: live.activeUsers,
    rps: last.requests / last.seconds,
    p95Ms: last.p95Ms,
    failuresPerSec: last.failures / last.seconds,
    requests: aggregate.requests,
    failures: aggregate.failures,
    taskErrors: aggregate.taskErrors,
    phase: live.state.phase === 'running' ? 'running' : 'stopping',
    endpoints: aggregate.liveRows(),
    total: aggregate.liveTotal(),
    errors: aggregate.liveErrors(),
  };
}

/** What the unreachable-target check reads, the grouped errors only if it gets that far. */
export function reachabilityView(aggregate: RunAggregate): ReachabilityView {
  return {
    elapsedMs: aggregate.elapsedMs,
    requests: aggregate.requests,
    failures: aggregate.failures,
    get errors() {
      return aggregate.liveErrors();
    },
  };
}

/**
 * The first abortOnFail threshold that fails right now on real data, if any. "No data yet" (the
 * first seconds, a quiet window) is not a reason to abort; at the end it still fails the run.
 */
export function abortingFailure(
  thresholds: readonly ThresholdSpec[],
  aggregate: RunAggregate,
): ThresholdSpec | undefined {
  return thresholds.find((spec) => {
    if (!spec.abortOnFail) return false;
    const verdict = evaluateThreshold(spec, aggregate);
    return !verdict.ok && verdict.actual !== null;
  });
}
