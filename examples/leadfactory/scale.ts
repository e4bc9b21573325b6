/**
 * How long and how much the suite runs; the thresholds are the seed's at every scale.
 *
 * - default (CI): under 20 s for the three files: 100 calls per benchmark, concurrency levels
 *   of three quarters of a second, a 3 s step load, 3 s of sustained load for the memory check.
 * - `LEADFACTORY_SCALE=full`: the seed's pre-deployment run, a few minutes: 1,000 calls per
 *   benchmark, 10 s per concurrency level, a 60 s step load from 5 to 20 users, and 60 s of
 *   sustained load (enough garbage collections for the memory fit to mean a leak).
 */

export interface Scale {
  name: 'ci' | 'full';
  /** Measured calls of each single-operation benchmark. */
  benchIterations: number;
  /** Audit records written before the report-query benchmark (1,000 leads, each at least once). */
  reportTrail: number;
  /** Each level of a `levels` stress test (scaling, degradation). */
  levelDuration: string;
  /** Fixed-concurrency stress tests (concurrent checks, 8 users, cascade isolation). */
  concurrentDuration: string;
  /** Each step of the production step load (three steps: 5, 12, 20 users). */
  stepDuration: string;
  /** The memory-stability run. */
  sustainedDuration: string;
  /** The injected-failures run. */
  recoveryDuration: string;
  /** Per test: generous, so a slow machine fails on a threshold, not on a timeout. */
  testTimeoutMs: number;
}

const CI: Scale = {
  name: 'ci',
  benchIterations: 100,
  reportTrail: 1_000,
  levelDuration: '750ms',
  concurrentDuration: '750ms',
  stepDuration: '1s',
  sustainedDuration: '3s',
  recoveryDuration: '1s',
  testTimeoutMs: 60_000,
};

const FULL: Scale = {
  name: 'full',
  benchIterations: 1000,
  reportTrail: 10_000,
  levelDuration: '10s',
  concurrentDuration: '10s',
  stepDuration: '20s',
  sustainedDuration: '60s',
  recoveryDuration: '10s',
  testTimeoutMs: 300_000,
};

/** The scale named by `LEADFACTORY_SCALE` (`ci`, the default, or `full`). */
export function scaleFrom(value: string | undefined): Scale {
  if (value === undefined || value === '' || value === 'ci') return CI;
  if (value === 'full') return FULL;
  throw new Error(`LEADFACTORY_SCALE must be 'ci' or 'full', got '${value}'`);
}

export const SCALE = scaleFrom(process.env.LEADFACTORY_SCALE);
