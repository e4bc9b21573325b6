/**
 * The one notion of time for measuring and scheduling (the engine's executors, the benchmark
 * loop), injectable so schedules and loops can be tested on a virtual clock without waiting.
 * `now()` is monotonic milliseconds with sub-microsecond precision (performance.now()), never
 * wall time, so a clock adjustment mid-run cannot bend a latency. Code that only reads the time
 * takes `Pick<Clock, 'now'>`.
 */

import { sleepLong } from './long-timeout.js';

export interface Clock {
  /** Monotonic milliseconds since an arbitrary origin. */
  now(): number;
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.now(),
  // Split into chunks Node's timers can hold, so a 600-hour run is not cut to 1 ms.
  sleep: (ms, signal) => sleepLong(ms, signal),
};
