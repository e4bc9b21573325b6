/**
 * Shared pieces of the metrics tests: a recorder on a hand-moved clock, the exact nearest-rank
 * percentile of raw samples (the definition HDR histograms approximate), and the skewed sample
 * set the latency tests use.
 */

import { IntervalRecorder } from '../../../src/metrics/interval-recorder.js';

export interface ManualRecorder {
  recorder: IntervalRecorder;
  /** Sets the recorder's "ms since the run started". */
  at(ms: number): void;
}

export function manualRecorder(worker = 0): ManualRecorder {
  let now = 0;
  const recorder = new IntervalRecorder({ worker, now: () => now });
  return {
    recorder,
    at(ms) {
      now = ms;
    },
  };
}

/** Nearest rank: the smallest sample with at least p% of the samples at or below it. */
export function exactPercentile(sorted: readonly number[], p: number): number {
  // p·n/100 with floating-point noise removed first (99.9 × 10 000 is 999 000.0000000001), or
  // the ceiling would step one rank too far.
  const rank = Math.max(1, Math.ceil(Math.round(p * sorted.length * 1e6) / 1e8));
  return sorted[rank - 1] as number;
}

export function relativeError(actual: number, exact: number): number {
  return Math.abs(actual - exact) / exact;
}

/** 1 … 10 000 µs, shuffled deterministically so recording order plays no part. */
export function uniformSamples(): number[] {
  const values = Array.from({ length: 10_000 }, (_, i) => i + 1);
  // 7919 is prime and coprime to 10 000, so i → 7919·i mod 10 000 permutes the indices.
  return values.map((_, i) => values[(i * 7919) % 10_000] as number);
}

/**
 * 10 000 skewed samples (µs): 9 000 log-spaced in 100 µs–5 ms, 900 in 20–200 ms, 90 in 1–2 s and
 * 10 in 30–90 s (past the histogram's initial one-minute range, so it must grow).
 */
export function skewedSamples(): number[] {
  const out: number[] = [];
  const band = (n: number, lo: number, hi: number): void => {
    for (let i = 0; i < n; i++) out.push(Math.round(lo * (hi / lo) ** (i / (n - 1))));
  };
  band(9000, 100, 5000);
  band(900, 20_000, 200_000);
  band(90, 1_000_000, 2_000_000);
  band(10, 30_000_000, 90_000_000);
  return out;
}
