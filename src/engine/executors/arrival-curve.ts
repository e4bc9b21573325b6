/**
 * When the n-th arrival of an open-model run is due, for a rate that follows stages.
 *
 * The rate r(t) (arrivals per second) moves linearly within each stage, so the number of arrivals
 * due by time t, C(t) = ∫ r, is quadratic within a stage, and the time of the n-th arrival is the
 * root of C(t) = n. Every arrival time is computed from the plan, never by adding periods to
 * the previous time, so there is no drift however long the run: with a constant 200/s, arrival
 * 1,000,000 is due at exactly 5,000 s.
 */

import type { Stage } from './stages.js';

interface Segment {
  startMs: number;
  durationMs: number;
  fromRate: number;
  toRate: number;
  /** Arrivals due before this segment. */
  countBefore: number;
  /** Arrivals due within it. */
  count: number;
}

export class ArrivalCurve {
  private readonly segments: Segment[] = [];
  /** Arrivals due over the whole curve. */
  readonly total: number;
  readonly durationMs: number;

  /** `stages` targets are rates per second; the rate starts at `startRate`. */
  constructor(stages: readonly Stage[], startRate: number) {
    let rate = startRate;
    let startMs = 0;
    let countBefore = 0;
    for (const stage of stages) {
      const count = ((rate + stage.target) / 2) * (stage.durationMs / 1000);
      this.segments.push({
        startMs,
        durationMs: stage.durationMs,
        fromRate: rate,
        toRate: stage.target,
        countBefore,
        count,
      });
      countBefore += count;
      startMs += stage.durationMs;
      rate = stage.target;
    }
    this.total = countBefore;
    this.durationMs = startMs;
  }

  /** The rate (per second) at `t` ms. */
  rateAt(t: number): number {
    for (const s of this.segments) {
      if (t < s.startMs + s.durationMs) {
        return s.durationMs === 0
          ? s.toRate
          : s.fromRate + ((s.toRate - s.fromRate) * (t - s.startMs)) / s.durationMs;
      }
    }
    return 0;
  }

  /** The time (ms) at which `n` arrivals are due, or null when the curve ends first. */
  timeOf(n: number): number | null {
    if (n > this.total + 1e-9) return null;
    for (const s of this.segments) {
      if (n > s.countBefore + s.count + 1e-9 || s.durationMs === 0) continue;
      const need = Math.max(0, n - s.countBefore);
      // C(τ) = (r0·τ + (r1 − r0)·τ² / (2T)) / 1000 = need, solved in its numerically stable form.
      const a = (s.toRate - s.fromRate) / (2 * s.durationMs * 1000);
      const b = s.fromRate / 1000;
      const discriminant = b * b + 4 * a * need;
      const tau = need === 0 ? 0 : (2 * need) / (b + Math.sqrt(Math.max(0, discriminant)));
      return s.startMs + Math.min(tau, s.durationMs);
    }
    return null;
  }
}
