/**
 * The coarse timeout sweep of every protocol client: one unref'd interval for every HTTP/1.1
 * connection, HTTP/2 client and WebSocket client of this thread that has something to time, so a
 * request or a wait reads no clock and arms no timer of its own. Timeouts of `SWEPT_TIMEOUT_MS`
 * or more are left to it and fire up to `SWEEP_MS` late; shorter ones get a precise timer. It
 * runs only while something is tracked.
 */

/** What the sweep calls on each open connection every `SWEEP_MS`. */
export interface Swept {
  sweep(): void;
}

/** How often the coarse timeouts are checked and idle time counted. */
export const SWEEP_MS = 500;

/** Timeouts this long or longer (the default is 60 s) are left to the sweep; shorter ones get a timer. */
export const SWEPT_TIMEOUT_MS = 10_000;

const open = new Set<Swept>();
let interval: NodeJS.Timeout | undefined;

function sweepAll(): void {
  for (const each of open) each.sweep();
}

/** `connection` is open: the sweep includes it (and starts, if it is the first). */
export function track(connection: Swept): void {
  open.add(connection);
  if (interval === undefined) {
    interval = setInterval(sweepAll, SWEEP_MS);
    interval.unref();
  }
}

/** `connection` closed: the sweep leaves it (and stops, if it was the last). */
export function untrack(connection: Swept): void {
  open.delete(connection);
  if (open.size === 0 && interval !== undefined) {
    clearInterval(interval);
    interval = undefined;
  }
}
