import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { EventLoopDelay } from '../../../src/monitor/event-loop-delay.js';

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
});
