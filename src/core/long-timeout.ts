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

/** A sleep in progress: how to end it early. */
interface Sleeper {
  readonly resolve: () => void;
  /** The sleepers on the same signal, or undefined without one. */
  readonly group: Set<Sleeper> | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  long: LongTimeout | undefined;
}

/**
 * The sleeps in progress on each signal, woken by one 'abort' listener per signal. A listener per
 * sleep would not do: an EventTarget finds a listener to remove by walking all of them, so with
 * thousands of users sleeping on the run's stop signal every wake-up walked thousands of
 * listeners, and the walks became most of a run's CPU.
 */
const sleepersBySignal = new WeakMap<AbortSignal, Set<Sleeper>>();

/** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
export function sleepLong(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted === true) return Promise.resolve();
  return new Promise((resolve) => {
    const sleeper: Sleeper = { resolve, group: signal && sleepersOn(signal), timer: undefined, long: undefined };
    if (ms <= MAX_TIMER_MS) sleeper.timer = setTimeout(wake, ms, sleeper);
    else sleeper.long = setLongTimeout(() => wake(sleeper), ms);
    sleeper.group?.add(sleeper);
  });
}

function wake(sleeper: Sleeper): void {
  sleeper.group?.delete(sleeper);
  sleeper.resolve();
}

function sleepersOn(signal: AbortSignal): Set<Sleeper> {
  let group = sleepersBySignal.get(signal);
  if (group === undefined) {
    const sleepers = new Set<Sleeper>();
    signal.addEventListener(
      'abort',
      () => {
        for (const sleeper of sleepers) {
          clearTimeout(sleeper.timer);
          sleeper.long?.clear();
          sleeper.resolve();
        }
        sleepers.clear();
      },
      { once: true },
    );
    sleepersBySignal.set(signal, sleepers);
    group = sleepers;
  }
  return group;
}
