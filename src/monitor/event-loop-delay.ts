/**
 * Event-loop delay per sample interval: a timer notes how late each of its firings is (the gap
 * since the previous firing, minus its period) into a `perf_hooks` histogram, whose p99 is read
 * and reset once per interval.
 *
 * The period follows the loop's utilization (`performance.eventLoopUtilization()`, which libuv
 * keeps for free). While the loop is busy, the timer fires every 10 ms, so a block is read to
 * within 10 ms. While it idles (under 30 % busy over a second), it fires every 100 ms, until a
 * firing finds the loop half busy since the previous one. Each firing of an idle loop is a
 * wake-up from sleep: 100 a second cost a generator on a 20 ms target about an eighth of its
 * CPU (0.2 CPU-s in a 10 s run of 24,000 requests). An idle loop has no queue to delay; a block
 * that starts while the period is 100 ms is still counted, but read up to 90 ms short, and the
 * firing after it switches back to 10 ms.
 *
 * Why not `monitorEventLoopDelay`, which does the same in C++: its `reset()` also forgets when
 * its timer last fired, so the first gap after every reset goes unrecorded. A block that starts
 * just after a sample is exactly that gap, and it vanished from every sample (reproduced with a
 * 150 ms busy loop). Here the previous firing time survives the reset, so every gap is counted
 * in the interval it ends in. One `performance.now()` and one `record()` per firing; the
 * utilization reading (a small object) once a second while busy, every firing while idle.
 */

import { createHistogram, performance, type EventLoopUtilization, type RecordableHistogram } from 'node:perf_hooks';

/** The period while the loop is busy: the resolution a block is read to. */
export const BUSY_PERIOD_MS = 10;
/** The period while the loop idles. */
export const IDLE_PERIOD_MS = 100;
/**
 * A busy loop whose utilization over the last second fell below this counts as idle: a queue
 * that is empty 70 % of the time keeps its waits a fraction of one callback's length.
 */
export const IDLE_UTILIZATION = 0.3;
/**
 * An idle loop whose utilization over the last firing reached this counts as busy. Higher than
 * the idle mark, so a short burst (a scavenge, a tick's work) does not switch the period back.
 */
export const BUSY_UTILIZATION = 0.5;
/** How long the busy period is kept before the utilization is looked at again; an idle one is looked at every firing. */
const BUSY_CHECK_MS = 1000;
const NS_PER_MS = 1e6;

/** The next timer period, at `periodMs` now, for a loop `utilization` busy (0..1) since the last check. */
export function periodFor(periodMs: number, utilization: number): number {
  if (periodMs === BUSY_PERIOD_MS) return utilization < IDLE_UTILIZATION ? IDLE_PERIOD_MS : BUSY_PERIOD_MS;
  return utilization >= BUSY_UTILIZATION ? BUSY_PERIOD_MS : IDLE_PERIOD_MS;
}

/** Firings between two looks at the utilization, at `periodMs`. */
function firingsPerCheck(periodMs: number): number {
  return periodMs === BUSY_PERIOD_MS ? BUSY_CHECK_MS / BUSY_PERIOD_MS : 1;
}

export class EventLoopDelay {
  readonly #histogram: RecordableHistogram = createHistogram();
  #timer: ReturnType<typeof setInterval> | undefined;
  #lastFiredAt = 0;
  #periodMs = BUSY_PERIOD_MS;
  /** The utilization reading at the last period decision. */
  #checkedAt: EventLoopUtilization = performance.eventLoopUtilization();
  #firingsToCheck = 0;

  /** The current timer period, ms. */
  get periodMs(): number {
    return this.#periodMs;
  }

  /** Starts at the busy period: a run begins by spawning its users. */
  start(): void {
    if (this.#timer !== undefined) return;
    this.#histogram.reset();
    this.#checkedAt = performance.eventLoopUtilization();
    this.#arm(BUSY_PERIOD_MS, performance.now());
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

  #arm(periodMs: number, now: number): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#periodMs = periodMs;
    this.#firingsToCheck = firingsPerCheck(periodMs);
    this.#lastFiredAt = now;
    this.#timer = setInterval(this.#fired, periodMs);
    this.#timer.unref();
  }

  readonly #fired = (): void => {
    const now = performance.now();
    const lateMs = now - this.#lastFiredAt - this.#periodMs;
    this.#lastFiredAt = now;
    // The histogram takes integers >= 1: an on-time firing records 1 ns.
    this.#histogram.record(Math.max(1, Math.round(lateMs * NS_PER_MS)));
    if (--this.#firingsToCheck > 0) return;
    const reading = performance.eventLoopUtilization();
    const period = periodFor(this.#periodMs, performance.eventLoopUtilization(reading, this.#checkedAt).utilization);
    this.#checkedAt = reading;
    if (period === this.#periodMs) this.#firingsToCheck = firingsPerCheck(period);
    else this.#arm(period, now);
  };
}
