/**
 * Durations beyond what one Node timer holds (2^31-1 ms) are waited in chunks, not cut to 1 ms.
 */

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_MS, setLongTimeout, sleepLong } from '../../../src/core/long-timeout.js';

const HOUR = 3_600_000;

describe('setLongTimeout', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires a 700-hour timer after 700 hours, not after 1 ms', () => {
    const fire = vi.fn();
    setLongTimeout(fire, 700 * HOUR);
    vi.advanceTimersByTime(1000);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MAX_TIMER_MS);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(700 * HOUR - MAX_TIMER_MS - 1000 - 1);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('is cancelled by clear(), in any chunk', () => {
    const fire = vi.fn();
    const timeout = setLongTimeout(fire, 2 * MAX_TIMER_MS + 5);
    vi.advanceTimersByTime(MAX_TIMER_MS + 10);
    timeout.clear();
    vi.advanceTimersByTime(2 * MAX_TIMER_MS);
    expect(fire).not.toHaveBeenCalled();
  });

  it('fires a short timer as setTimeout would', () => {
    const fire = vi.fn();
    setLongTimeout(fire, 50);
    vi.advanceTimersByTime(49);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('refuses a duration that is not finite', () => {
    expect(() => setLongTimeout(() => undefined, Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });
});

describe('sleepLong', () => {
  it('resolves early when its signal aborts', async () => {
    const stop = new AbortController();
    const slept = sleepLong(1000 * HOUR, stop.signal);
    stop.abort();
    await expect(slept).resolves.toBeUndefined();
  });

  it('wakes every sleeper on a signal when it aborts, and each alone when its time is up', async () => {
    vi.useFakeTimers();
    try {
      const stop = new AbortController();
      const woken: number[] = [];
      for (const ms of [10, 20, 30]) void sleepLong(ms * 1000, stop.signal).then(() => woken.push(ms));
      await vi.advanceTimersByTimeAsync(10_000);
      expect(woken).toEqual([10]);
      stop.abort();
      await vi.advanceTimersByTimeAsync(0);
      expect(woken).toEqual([10, 20, 30]);
      // Their timers are cleared: nothing fires later.
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('resolves at once on a signal already aborted', async () => {
    const stop = new AbortController();
    stop.abort();
    await expect(sleepLong(1000 * HOUR, stop.signal)).resolves.toBeUndefined();
  });
});
