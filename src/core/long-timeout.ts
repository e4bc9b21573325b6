/**
 * Timers for durations people give (a run's length, a grace period, a start time). Node's own
 * timers hold at most 2^31-1 ms (about 24.8 days) and turn anything longer into 1 ms, which would
 * end a 600-hour run after its first request; here a long wait is a chain of shorter ones.
 */

/** The longest delay one Node timer holds. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export interface LongTimeout {
  clear(): void;
}

/** Calls `fire` once after `ms` (any finite length); `clear()` cancels it. */
export function setLongTimeout(fire: () => void, ms: number): LongTimeout {
  if (!Number.isFinite(ms)) throw new RangeError(`a timer needs a finite duration, got ${ms}`);
  const dueAt = Date.now() + Math.max(0, ms);
  let timer: ReturnType<typeof setTimeout>;
  const arm = (remaining: number): void => {
    timer = setTimeout(() => {
      const left = dueAt - Date.now();
      // Only the chunks before the last re-arm; the last one fires as Node would.
      if (remaining > MAX_TIMER_MS && left > 0) arm(left);
      else fire();
    }, Math.min(remaining, MAX_TIMER_MS));
  };
  arm(Math.max(0, ms));
  return { clear: () => clearTimeout(timer) };
}

/** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
export function sleepLong(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted === true) return Promise.resolve();
  return new Promise((resolve) => {
    const onAbort = (): void => {
      timeout.clear();
      resolve();
    };
    const timeout = setLongTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
