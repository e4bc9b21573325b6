/**
 * A virtual clock for engine tests: `now()` is a number the test moves, and `sleep()` parks a
 * timer that fires when the test advances past its due time (or at once when its signal aborts).
 * `advanceTo()` fires due timers one at a time in due order, letting every promise chain they
 * start settle before the next, so a schedule of minutes runs in milliseconds of real time.
 */

import type { Clock } from '../../../src/core/clock.js';

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

/** Lets every pending promise chain (and anything it defers with setImmediate) run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export class VirtualClock implements Clock {
  private time: number;
  private seq = 0;

  /** `start` is where time begins: a real clock's origin is any float, rarely 0. */
  constructor(start = 0) {
    this.time = start;
  }
  private timers: Timer[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (ms <= 0 || signal?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer: Timer = { at: this.time + ms, seq: this.seq++, fire: () => done() };
      const onAbort = (): void => done();
      const done = (): void => {
        this.timers = this.timers.filter((t) => t !== timer);
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
    });
  }

  /** Timers still waiting. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time to `target`, firing every timer due on the way in (due time, creation) order. */
  async advanceTo(target: number): Promise<void> {
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (due === undefined) break;
      this.time = Math.max(this.time, due.at); // after a stall, overdue timers fire late
      due.fire();
    }
    this.time = Math.max(this.time, target);
    await settle();
  }

  advanceBy(ms: number): Promise<void> {
    return this.advanceTo(this.time + ms);
  }

  /**
   * The process stands still for `ms`, as under another's synchronous work: time moves on at
   * once, and timers that fell due meanwhile fire late, at the next advance.
   */
  stall(ms: number): void {
    this.time += ms;
  }
}
