/**
 * `poisson(rate)`: a wait time that makes one user's tasks a Poisson process. Real traffic is not
 * evenly spaced: independent clients arrive at random, so gaps between requests are exponential
 * and bursts happen. `between()` spaces tasks uniformly and hides what bursts do to queues; this
 * helper reproduces them (Locust has no equivalent). Draws come from the user's own seeded
 * random source, so a run is reproducible with `--seed`.
 */

import type { WaitTime } from '../engine/wait-time.js';

/**
 * Exponential waits with mean `1 / ratePerSecond` seconds, e.g. `poisson(2)` waits 500 ms on
 * average. The wait does not subtract the task's duration: it is the gap between one task's end
 * and the next one's start, so a user's own rate is below `ratePerSecond` by its task time. For
 * a Poisson load on the server, use the open model instead: `load: { rate, distribution: 'poisson' }`.
 */
export function poisson(ratePerSecond: number): WaitTime {
  if (typeof ratePerSecond !== 'number' || !(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) {
    throw new RangeError(`poisson(${String(ratePerSecond)}): expected a rate per second > 0`);
  }
  const meanMs = 1000 / ratePerSecond;
  return {
    description: `poisson(${ratePerSecond}/s)`,
    // Inverse transform: -ln(U) is exponential with mean 1 for U uniform in (0, 1]; `1 - next()`
    // maps [0, 1) to (0, 1], so the logarithm is never of zero.
    next: (_taskMs, random) => -Math.log(1 - random.next()) * meanMs,
  };
}
