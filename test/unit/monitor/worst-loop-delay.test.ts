/** The worst worker event-loop delay per monitor interval. */

import { describe, expect, it } from 'vitest';
import { WorstLoopDelay } from '../../../src/monitor/worst-loop-delay.js';

describe('WorstLoopDelay', () => {
  it('takes the worst report since the previous take, then starts over', () => {
    const delay = new WorstLoopDelay();
    delay.note(12);
    delay.note(140);
    delay.note(3);
    expect(delay.takeP99Ms()).toBe(140);
    delay.note(7);
    expect(delay.takeP99Ms()).toBe(7);
  });

  it('repeats the previous value once for an interval without reports, then reads 0', () => {
    const delay = new WorstLoopDelay();
    expect(delay.takeP99Ms()).toBe(0);
    delay.note(90);
    expect(delay.takeP99Ms()).toBe(90);
    expect(delay.takeP99Ms()).toBe(90);
    expect(delay.takeP99Ms()).toBe(0);
  });
});
