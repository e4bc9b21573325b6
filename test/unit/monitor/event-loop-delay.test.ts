import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import {
  BUSY_PERIOD_MS,
  EventLoopDelay,
  IDLE_PERIOD_MS,
  periodFor,
} from '../../../src/monitor/event-loop-delay.js';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function block(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // The event loop cannot run timers until this ends.
  }
}

describe('EventLoopDelay', () => {
  it('reads near zero on an idle loop', async () => {
    const delay = new EventLoopDelay();
    delay.start();
    try {
      await sleep(100);
      const p99 = delay.takeP99Ms();
      expect(p99).toBeGreaterThanOrEqual(0);
      // Idle, yet a busy machine can keep the process waiting for a core for tens of ms; still
      // below the 100 ms that the next test reads for a 120 ms block.
      expect(p99).toBeLessThan(100);
    } finally {
      delay.stop();
    }
  });

  it('counts a block that starts right after a read (the gap a reset must not forget)', async () => {
    const delay = new EventLoopDelay();
    delay.start();
    try {
      await sleep(30);
      delay.takeP99Ms();
      block(120);
      await sleep(15);
      expect(delay.takeP99Ms()).toBeGreaterThan(100);
      // Read and reset: nothing has fired since.
      expect(delay.takeP99Ms()).toBe(0);
    } finally {
      delay.stop();
    }
  });

  it('records nothing once stopped', async () => {
    const delay = new EventLoopDelay();
    delay.start();
    delay.stop();
    await sleep(40);
    expect(delay.takeP99Ms()).toBe(0);
  });

  it('starts at the busy period, so the first second of a run is read to within 10 ms', () => {
    const delay = new EventLoopDelay();
    delay.start();
    try {
      expect(delay.periodMs).toBe(BUSY_PERIOD_MS);
    } finally {
      delay.stop();
    }
  });

  it('slows to the idle period on an idle loop, and a block brings the busy period back and is counted', async () => {
    const delay = new EventLoopDelay();
    delay.start();
    try {
      // The first look at the utilization comes a second after the start.
      await sleep(1300);
      expect(delay.periodMs).toBe(IDLE_PERIOD_MS);
      delay.takeP99Ms();
      block(250);
      await sleep(IDLE_PERIOD_MS + 50);
      expect(delay.periodMs).toBe(BUSY_PERIOD_MS);
      // Started anywhere in a 100 ms period, a 250 ms block reads at least 150 ms late.
      expect(delay.takeP99Ms()).toBeGreaterThan(140);
    } finally {
      delay.stop();
    }
  });
});

describe('periodFor', () => {
  it('keeps the busy period while the loop is busy 30 % of the time or more', () => {
    expect(periodFor(BUSY_PERIOD_MS, 0.3)).toBe(BUSY_PERIOD_MS);
    expect(periodFor(BUSY_PERIOD_MS, 1)).toBe(BUSY_PERIOD_MS);
    expect(periodFor(BUSY_PERIOD_MS, 0.29)).toBe(IDLE_PERIOD_MS);
  });

  it('leaves the idle period only when the loop was half busy, not for a short burst', () => {
    expect(periodFor(IDLE_PERIOD_MS, 0.38)).toBe(IDLE_PERIOD_MS);
    expect(periodFor(IDLE_PERIOD_MS, 0.5)).toBe(BUSY_PERIOD_MS);
    expect(periodFor(IDLE_PERIOD_MS, 0)).toBe(IDLE_PERIOD_MS);
  });
});
