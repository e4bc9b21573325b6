/**
 * How early a Node timer can fire by a precise clock: `setTimeout` counts from the event loop's
 * cached time, in whole milliseconds, so a server that waits 20 ms can answer after 19.x ms as
 * `performance.now()` sees it. A test that a server's delay shows in a measurement allows this.
 */
export const TIMER_EARLY_MS = 1;
