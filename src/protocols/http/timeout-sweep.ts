/**
 * The coarse timeout sweep: one unref'd interval for every open connection of this thread, so a
 * request reads no clock and arms no timer of its own (short timeouts get a precise timer in
 * `exchange.ts`). It runs only while a connection is open.
 */

/** What the sweep calls on each open connection every `SWEEP_MS`. */
export interface Swept {
  sweep(): void;
}

/** How often the coarse timeouts are checked and idle time counted. */
export const SWEEP_MS = 500;

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
