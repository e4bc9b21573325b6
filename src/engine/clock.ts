/**
 * The engine's notion of time, injectable so schedules can be tested without waiting. `now()` is
 * monotonic milliseconds with sub-microsecond precision (performance.now()), never wall time, so
 * a clock adjustment mid-run cannot bend a latency.
 */

import { setTimeout as delay } from 'node:timers/promises';

export interface Clock {
  /** Monotonic milliseconds since an arbitrary origin. */
  now(): number;
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: async (ms, signal) => {
    if (ms <= 0 || signal?.aborted) return;
    try {
      await delay(ms, undefined, signal === undefined ? undefined : { signal });
    } catch (error) {
      if (!(error instanceof Error && error.name === 'AbortError')) throw error;
    }
  },
};
