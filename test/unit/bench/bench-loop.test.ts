import { type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  asyncHookedLoop,
  type BenchClock,
  measureOverhead,
  syncHookedLoop,
  syncLoop,
} from '../../../src/bench/bench-loop.js';
import { SampleAccumulator } from '../../../src/bench/statistics.js';

/** Garbage collections during `work`, as Node reports them (entries arrive asynchronously). */
async function collectionsDuring(work: () => void): Promise<number> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  await sleep(20);
  entries.length = 0;
  work();
  await sleep(20);
  observer.disconnect();
  return entries.length;
}

describe('the measuring loop', () => {
  it('allocates nothing per call: a million calls trigger no garbage collection', async () => {
    // A clock that allocates nothing either (performance.now() on Node 20 builds an array per call).
    const cell = new Float64Array(1);
    const clock: BenchClock = { now: () => (cell[0] = (cell[0] as number) + 0.0001) };
    const acc = new SampleAccumulator();
    let calls = 0;
    const fn = (): void => {
      calls++;
    };
    // Until V8 has optimized the loop, its numbers live in heap boxes: warm it up first, and give
    // the optimizing compiler (a background thread) time to finish.
    for (let round = 0; round < 5; round++) {
      syncLoop(fn, clock, { iterations: 200_000, deadline: Number.POSITIVE_INFINITY }, 0, acc);
      await sleep(20);
    }
    const collections = await collectionsDuring(() =>
      syncLoop(fn, clock, { iterations: 1_000_000, deadline: Number.POSITIVE_INFINITY }, 0, acc),
    );
    expect(calls).toBe(2_000_000);
    expect(acc.count).toBe(2_000_000);
    expect(collections).toBe(0);
  });

  it('subtracts the overhead and never records a negative time', () => {
    const clock: BenchClock = { now: () => 0 };
    const acc = new SampleAccumulator();
    syncLoop(() => {}, clock, { iterations: 3, deadline: Number.POSITIVE_INFINITY }, 50, acc);
    expect([acc.count, acc.min, acc.max]).toEqual([3, 0, 0]);
  });

  it('measures its own overhead as the median of empty calls', async () => {
    let now = 0;
    const clock: BenchClock = { now: () => (now += 0.00005) }; // every reading 50 ns later
    // One reading before and one after each call: 50 ns apart.
    expect(await measureOverhead(clock, false)).toBe(50);
  });

  it('measures the hooked loops\' overhead the same way, between the same two readings', async () => {
    let now = 0;
    const clock: BenchClock = { now: () => (now += 0.00005) };
    expect(await measureOverhead(clock, false, true)).toBe(50);
    expect(await measureOverhead(clock, true, true)).toBe(50);
  });
});

describe('the hooked loops', () => {
  const unlimited = { iterations: 4, deadline: Number.POSITIVE_INFINITY };

  it('with synchronous hooks and function, finishes before returning its promise', () => {
    const acc = new SampleAccumulator();
    const events: string[] = [];
    const hooks = { beforeEach: () => events.push('before'), afterEach: () => events.push('after') };
    const done = syncHookedLoop(() => events.push('fn'), hooks, { now: () => 0 }, unlimited, 0, acc);
    // Nothing was awaited: every call happened synchronously.
    expect(acc.count).toBe(4);
    expect(events).toEqual(new Array<string[]>(4).fill(['before', 'fn', 'after']).flat());
    return done;
  });

  it('reads the clock around the function only', async () => {
    let ms = 0;
    const clock: BenchClock = { now: () => ms };
    const hooks = {
      beforeEach: () => {
        ms += 100;
      },
      afterEach: async () => {
        await Promise.resolve();
        ms += 100;
      },
    };
    const sync = new SampleAccumulator();
    await syncHookedLoop(() => (ms += 2), hooks, clock, unlimited, 0, sync);
    const async = new SampleAccumulator();
    await asyncHookedLoop(async () => (ms += 3), hooks, clock, unlimited, 0, async);
    expect([sync.count, sync.min, sync.max]).toEqual([4, 2e6, 2e6]);
    expect([async.count, async.min, async.max]).toEqual([4, 3e6, 3e6]);
  });
});
