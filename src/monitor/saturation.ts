/**
 * Decides whether the load generator was saturated during a run, from its monitor samples.
 * A single busy sample is normal (GC, a burst of spawns); a condition counts only when it holds
 * for `consecutive` samples in a row. Each condition yields at most one warning, naming its
 * longest streak (the first, on a tie) and the peak within it, so a person can find the stretch
 * of the run whose latencies to distrust.
 *
 * A streak of samples i..j covers the intervals ending at t[i]..t[j], so it started at the end
 * of the sample before it (t[i-1], or 0) and lasted t[j] − t[i-1].
 */

import type { MonitorSample } from '../metrics/result.js';

export interface SaturationLimits {
  /** CPU above this percent of one core counts as saturated. */
  cpuPercent: number;
  /** Event-loop delay p99 above this many ms counts as saturated. */
  eventLoopDelayP99Ms: number;
  /** Samples in a row a condition must hold for before it is reported. */
  consecutive: number;
}

export const DEFAULT_SATURATION_LIMITS: Readonly<SaturationLimits> = Object.freeze({
  cpuPercent: 90,
  eventLoopDelayP99Ms: 50,
  consecutive: 3,
});

const ADVICE =
  "Latencies measured while saturated include volley's own queueing; use --workers or a smaller load.";

interface Streak {
  first: number;
  last: number;
  peak: number;
}

/** Warnings for a saturated generator, CPU first; empty when it kept up. */
export function detectSaturation(
  samples: readonly MonitorSample[],
  limits: Partial<SaturationLimits> = DEFAULT_SATURATION_LIMITS,
): string[] {
  const { cpuPercent, eventLoopDelayP99Ms, consecutive } = { ...DEFAULT_SATURATION_LIMITS, ...limits };
  if (!Number.isInteger(consecutive) || consecutive < 1) {
    throw new RangeError(`saturation: consecutive must be a positive integer, got ${consecutive}`);
  }
  const warnings: string[] = [];
  const cpu = longestStreak(samples, (s) => s.cpuPercent, cpuPercent);
  if (cpu !== undefined && cpu.last - cpu.first + 1 >= consecutive) {
    const peak = `${Math.round(cpu.peak)}%`;
    warnings.push(
      `The load generator was saturated: CPU above ${cpuPercent}% ${span(samples, cpu, peak)} ${ADVICE}`,
    );
  }
  const delay = longestStreak(samples, (s) => s.eventLoopDelayP99Ms, eventLoopDelayP99Ms);
  if (delay !== undefined && delay.last - delay.first + 1 >= consecutive) {
    const peak = `${Number(delay.peak.toFixed(1))} ms`;
    warnings.push(
      `The load generator was saturated: event-loop delay p99 above ${eventLoopDelayP99Ms} ms ${span(samples, delay, peak)} ${ADVICE}`,
    );
  }
  return warnings;
}

/** The longest run of samples whose value exceeds `limit` (the first on a tie). */
function longestStreak(
  samples: readonly MonitorSample[],
  value: (sample: MonitorSample) => number,
  limit: number,
): Streak | undefined {
  let best: Streak | undefined;
  let current: Streak | undefined;
  for (let i = 0; i < samples.length; i++) {
    const v = value(samples[i] as MonitorSample);
    if (!(v > limit)) {
      current = undefined;
      continue;
    }
    if (current === undefined) current = { first: i, last: i, peak: v };
    else {
      current.last = i;
      if (v > current.peak) current.peak = v;
    }
    if (best === undefined || current.last - current.first > best.last - best.first) best = { ...current };
  }
  return best;
}

/** `for 7 s (from 12 s, peak 98%).` */
function span(samples: readonly MonitorSample[], streak: Streak, peak: string): string {
  const from = streak.first === 0 ? 0 : (samples[streak.first - 1] as MonitorSample).t;
  const to = (samples[streak.last] as MonitorSample).t;
  return `for ${seconds(to - from)} (from ${seconds(from)}, peak ${peak}).`;
}

function seconds(s: number): string {
  return `${Number(s.toFixed(s < 10 ? 1 : 0))} s`;
}
