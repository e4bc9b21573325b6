/**
 * The real clock: monotonic readings, sleeps that wait, and sleeps that end early (without
 * throwing) when their signal aborts.
 */

import { describe, expect, it } from 'vitest';
import { realClock } from '../../../src/core/clock.js';
import { TIMER_EARLY_MS } from '../../helpers/timer-slack.js';

describe('realClock', () => {
  it('never goes backwards', () => {
    let last = realClock.now();
    for (let i = 0; i < 1000; i++) {
      const now = realClock.now();
      expect(now).toBeGreaterThanOrEqual(last);
      last = now;
    }
  });

  it('sleeps for the time asked', async () => {
    const started = realClock.now();
    await realClock.sleep(20);
    expect(realClock.now() - started).toBeGreaterThanOrEqual(20 - TIMER_EARLY_MS);
  });

  it('wakes at once, without throwing, when the signal aborts', async () => {
    const controller = new AbortController();
    const started = realClock.now();
    const sleeping = realClock.sleep(60_000, controller.signal);
    controller.abort();
    await sleeping;
    expect(realClock.now() - started).toBeLessThan(1000);
    await realClock.sleep(60_000, controller.signal);
  });
});
