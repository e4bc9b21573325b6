import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { type BenchThresholds, bench } from '../../../src/api/bench.js';
import { runBench } from '../../../src/bench/run-bench.js';
import { isVolleyError } from '../../../src/errors.js';
import { completed, VirtualClock } from './bench-fixtures.js';

describe('runBench on a virtual clock', () => {
  it('times each call exactly, after an untimed probe call', async () => {
    const clock = new VirtualClock();
    const durations = [7, 1, 2, 3, 4, 10]; // the first is the probe's, never measured
    let call = 0;
    const result = completed(
      await runBench(
        bench(
          'scripted',
          () => {
            clock.ms += durations[call++] ?? 0;
          },
          { iterations: 5, warmup: 0 },
        ),
        { clock },
      ),
    );
    expect(call).toBe(6);
    expect(result.mode).toBe('sync');
    expect(result.overheadNs).toBe(0);
    expect(result.warmupCalls).toBe(0);
    expect(result.stats).toMatchObject({ count: 5, mean: 4, min: 1, max: 10, totalMs: 20, opsPerSec: 250 });
    expect(result.stats.stdev).toBeCloseTo(Math.sqrt(12.5), 12);
  });

  it('runs the warm-up unmeasured and stops a timed run at its deadline', async () => {
    const clock = new VirtualClock();
    let calls = 0;
    const result = completed(
      await runBench(
        bench(
          'timed',
          () => {
            calls++;
            clock.ms += 10;
          },
          { time: '95ms', warmup: 3 },
        ),
        { clock },
      ),
    );
    // Calls ending at +10 … +100 ms: the one ending past the deadline is the last.
    expect(result.warmupCalls).toBe(3);
    expect(result.stats.count).toBe(10);
    expect(calls).toBe(1 + 3 + 10);
  });

  it('judges thresholds and quotes the measured value when one fails', async () => {
    const clock = new VirtualClock();
    const result = completed(
      await runBench(
        bench(
          'slow',
          () => {
            clock.ms += 20;
          },
          { iterations: 4, warmup: 0, thresholds: { mean: '<5ms', p95: '<150ms', ops: '>10/s' } },
        ),
        { clock },
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.thresholds).toEqual([
      { expression: 'mean<5ms', ok: false, actual: 20, actualText: '20ms', abortOnFail: false },
      expect.objectContaining({ expression: 'p95<150ms', ok: true }),
      expect.objectContaining({ expression: 'ops>10/s', ok: true, actual: 50 }),
    ]);
  });
});

describe('runBench: sync and async functions', () => {
  it('never awaits a synchronous function between calls', async () => {
    let calls = 0;
    const seenByMicrotasks: number[] = [];
    const result = completed(
      await runBench(
        bench(
          'sync',
          () => {
            calls++;
            void Promise.resolve().then(() => seenByMicrotasks.push(calls));
          },
          { iterations: 50, warmup: 0 },
        ),
      ),
    );
    expect(result.mode).toBe('sync');
    // The probe's microtask ran before the loop; all 50 queued by the loop ran after it ended.
    expect(seenByMicrotasks.slice(1)).toEqual(new Array(50).fill(51));
  });

  it('awaits a function that returns a promise', async () => {
    let resolved = 0;
    const result = completed(
      await runBench(
        bench(
          'async',
          async () => {
            await Promise.resolve();
            resolved++;
          },
          { iterations: 20, warmup: 0 },
        ),
      ),
    );
    expect(result.mode).toBe('async');
    expect(resolved).toBe(21);
  });

  it('measures a 10 ms sleep as 10–12 ms on average', async () => {
    const result = completed(await runBench(bench('sleep', () => sleep(10), { iterations: 25, warmup: 2 })));
    expect(result.stats.count).toBe(25);
    expect(result.stats.mean).toBeGreaterThanOrEqual(10);
    expect(result.stats.mean).toBeLessThanOrEqual(12);
  });

  it('reports the true cost of an empty function: the loop overhead is measured and subtracted', async () => {
    const result = completed(await runBench(bench('empty', () => {}, { iterations: 200_000 })));
    expect(result.overheadNs).toBeGreaterThan(0);
    expect(result.stats.p50).toBeLessThan(0.0002); // under 200 ns
    // Under 5 µs: calls that a busy machine preempts land in the mean (the median ignores them).
    expect(result.stats.mean).toBeLessThan(0.005);
  });
});

describe('runBench: failures', () => {
  it('captures an error thrown by the function instead of throwing', async () => {
    let calls = 0;
    const result = await runBench(
      bench(
        'breaks',
        () => {
          calls++;
          if (calls === 4) throw new TypeError('boom on call 4');
        },
        { iterations: 10, warmup: 0 },
      ),
    );
    expect(result).toMatchObject({
      state: 'errored',
      ok: false,
      phase: 'measure',
      completedCalls: 2,
      error: { name: 'TypeError', message: 'boom on call 4' },
    });
  });

  it('captures a rejected promise from the probe, and still runs teardown', async () => {
    const events: string[] = [];
    const result = await runBench(
      bench('rejects', () => Promise.reject(new Error('no database')), {
        setup: () => {
          events.push('setup');
        },
        teardown: () => {
          events.push('teardown');
        },
      }),
    );
    expect(result).toMatchObject({ state: 'errored', phase: 'probe', error: { message: 'no database' } });
    expect(events).toEqual(['setup', 'teardown']);
  });

  it('reports a failing setup without calling the function', async () => {
    let called = false;
    const result = await runBench(
      bench(
        'no setup',
        () => {
          called = true;
        },
        {
          setup: () => {
            throw new Error('cannot connect');
          },
        },
      ),
    );
    expect(result).toMatchObject({ state: 'errored', phase: 'setup', error: { message: 'cannot connect' } });
    expect(called).toBe(false);
  });

  it('rejects bad options with one error listing every problem, before running anything', async () => {
    let called = false;
    const definition = bench(
      'bad',
      () => {
        called = true;
      },
      {
        iterations: 10,
        time: '1s',
        // As plain JavaScript could write it: successRate is a stress metric.
        thresholds: { mean: '<fast', successRate: '>95%', p95: '150ms' } as BenchThresholds,
      },
    );
    const error = await runBench(definition).catch((e: unknown) => e);
    expect(isVolleyError(error)).toBe(true);
    if (!isVolleyError(error)) return;
    expect(error.code).toBe('VOLLEY_E_CONFIG');
    expect(error.details).toEqual([
      "bench 'bad': give iterations or time, not both",
      "bench 'bad': threshold mean: '<fast': 'fast' is not a duration (use 300ms, 1.5s)",
      "bench 'bad': threshold 'successRate' applies to stress tests, not benchmarks (use one of mean, min, max, stdev, ops, rme, peakMemory, meanMemory, memoryGrowth, peakCpu, meanCpu, targetPeakMemory, targetMemoryGrowth, targetPeakCpu, median, pNN)",
      "bench 'bad': threshold p95: '150ms': no comparison operator (use <, <=, >, >= or ==, e.g. p95<300ms)",
    ]);
    expect(called).toBe(false);
  });
});
