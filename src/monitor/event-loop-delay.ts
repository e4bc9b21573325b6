/**
 * Event-loop delay per sample interval: a 10 ms timer notes how late each of its firings is
 * (the gap since the previous firing, minus 10 ms) into a `perf_hooks` histogram, whose p99 is
 * read and reset once per interval.
 *
 * Why not `monitorEventLoopDelay`, which does the same in C++: its `reset()` also forgets when
 * its timer last fired, so the first gap after every reset goes unrecorded. A block that starts
 * just after a sample is exactly that gap, and it vanished from every sample (reproduced with a
 * 150 ms busy loop). Here the previous firing time survives the reset, so every gap is counted
 * in the interval it ends in. 100 callbacks a second, one `performance.now()` and one
 * `record()` each, nothing allocated.
 */

import { createHistogram, performance, type RecordableHistogram } from 'node:perf_hooks';

export const EVENT_LOOP_RESOLUTION_MS = 10;
const NS_PER_MS = 1e6;

export class EventLoopDelay {
  readonly #histogram: RecordableHistogram = createHistogram();
  #timer: ReturnType<typeof setInterval> | undefined;
  #lastFiredAt = 0;

  start(): void {
    if (this.#timer !== undefined) return;
    this.#histogram.reset();
    this.#lastFiredAt = performance.now();
    this.#timer = setInterval(this.#fired, EVENT_LOOP_RESOLUTION_MS);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer === undefined) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** The p99 delay since the previous call, ms (0 when the timer has not fired since). */
  takeP99Ms(): number {
    const histogram = this.#histogram;
    if (histogram.count === 0) return 0;
    const p99 = histogram.percentile(99) / NS_PER_MS;
    histogram.reset();
    return p99;
  }

  readonly #fired = (): void => {
    const now = performance.now();
    const lateMs = now - this.#lastFiredAt - EVENT_LOOP_RESOLUTION_MS;
    this.#lastFiredAt = now;
    // The histogram takes integers >= 1: an on-time firing records 1 ns.
    this.#histogram.record(Math.max(1, Math.round(lateMs * NS_PER_MS)));
  };
}
