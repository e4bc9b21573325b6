import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { stress } from '../../../../src/api/stress.js';
import { isVolleyError } from '../../../../src/errors.js';
import { runStress } from '../../../../src/bench/stress/run-stress.js';
import type { CompletedStress, StressResult } from '../../../../src/bench/stress/stress-result.js';

function completed(result: StressResult): CompletedStress {
  if (result.state !== 'completed') throw new Error(`expected completed, got ${result.error.message}`);
  return result;
}

describe('runStress', () => {
  it('reports 90% success for an operation that fails one time in ten', async () => {
    let calls = 0;
    const result = completed(
      await runStress(
        stress(
          'one in ten',
          async () => {
            const call = ++calls;
            await sleep(1);
            if (call % 10 === 0) throw new Error('lease pool exhausted');
          },
          { concurrency: 10, opsPerWorker: 20 },
          { thresholds: { successRate: '>95%', failures: '<100' } },
        ),
      ),
    );
    const [level] = result.levels;
    expect(level?.ops).toBe(200);
    expect(level?.successRate).toBeGreaterThanOrEqual(0.87);
    expect(level?.successRate).toBeLessThanOrEqual(0.93);
    expect(level?.failures).toBe(20);
    expect(level?.errors).toEqual([
      expect.objectContaining({ message: 'lease pool exhausted', name: 'Error', count: 20 }),
    ]);
    expect(result.ok).toBe(false);
    expect(result.thresholds).toEqual([
      { expression: 'successRate>95%', ok: false, actual: 0.9, actualText: '90.00%', abortOnFail: false },
      { expression: 'failures<100', ok: true, actual: 20, actualText: '20', abortOnFail: false },
    ]);
  });

  it('keeps exactly `concurrency` operations in flight, passing worker and iteration', async () => {
    let inFlight = 0;
    let most = 0;
    const seen = new Set<string>();
    const result = completed(
      await runStress(
        stress(
          'flight',
          async (worker, iteration) => {
            seen.add(`${worker}:${iteration}`);
            inFlight++;
            most = Math.max(most, inFlight);
            await sleep(2);
            inFlight--;
          },
          { concurrency: 8, opsPerWorker: 5 },
        ),
      ),
    );
    expect(most).toBe(8);
    expect(seen.size).toBe(40);
    expect(seen.has('7:4')).toBe(true);
    expect(result.levels[0]?.ops).toBe(40);
    expect(result.ok).toBe(true);
  });

  it('stops starting operations when the duration is up', async () => {
    const result = completed(
      await runStress(stress('timed', () => sleep(10), { concurrency: 4, duration: '200ms' })),
    );
    const level = result.levels[0];
    expect(level?.durationMs).toBeGreaterThanOrEqual(200);
    expect(level?.durationMs).toBeLessThan(400);
    // About 20 rounds of 4: at 10 ms each at least, never more than 4 × 21.
    expect(level?.ops).toBeGreaterThan(4 * 10);
    expect(level?.ops).toBeLessThanOrEqual(4 * 21);
    expect(level?.latency.mean).toBeGreaterThanOrEqual(9);
  });

  it('runs each level and reports how throughput scales', async () => {
    const result = completed(
      await runStress(
        stress(
          'scaling',
          () => sleep(20),
          { opsPerWorker: 5 },
          {
            levels: [1, 4],
            thresholds: { scalingEfficiency: '>50%', degradation: '<3x' },
          },
        ),
      ),
    );
    expect(result.levels.map((level) => [level.concurrency, level.ops])).toEqual([
      [1, 5],
      [4, 20],
    ]);
    const [base, four] = result.scaling;
    expect(base).toMatchObject({ concurrency: 1, efficiency: 1, degradation: 1 });
    // Sleeping workers do not compete: 4 of them do about 4 times the work.
    expect(four?.efficiency).toBeGreaterThan(0.7);
    expect(four?.degradation).toBeLessThan(1.5);
    // Scaling thresholds are judged above the lowest level only.
    expect(result.thresholds.map((t) => t.expression)).toEqual([
      'scalingEfficiency>50% (concurrency 4)',
      'degradation<3x (concurrency 4)',
    ]);
    expect(result.ok).toBe(true);
  });

  it('fails without thresholds when any operation failed', async () => {
    const result = completed(
      await runStress(
        stress(
          'strict',
          (worker) => {
            if (worker === 0) throw new RangeError('worker 0 always fails');
          },
          { concurrency: 3, opsPerWorker: 2 },
        ),
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.levels[0]).toMatchObject({ ops: 6, failures: 2, successes: 4 });
  });

  it('reports a setup that throws, and runs teardown after the levels', async () => {
    const broken = await runStress(
      stress(
        'x',
        () => {},
        { concurrency: 1, opsPerWorker: 1 },
        {
          setup: () => {
            throw new Error('no database');
          },
        },
      ),
    );
    expect(broken).toMatchObject({ state: 'errored', phase: 'setup', error: { message: 'no database' } });

    const events: string[] = [];
    await runStress(
      stress(
        'y',
        () => {
          events.push('op');
        },
        { concurrency: 1, opsPerWorker: 2 },
        { setup: () => void events.push('setup'), teardown: () => void events.push('teardown') },
      ),
    );
    expect(events).toEqual(['setup', 'op', 'op', 'teardown']);
  });

  it('rejects an invalid load with every problem at once', async () => {
    const error = await runStress(
      stress('bad', () => {}, { concurrency: 0, opsPerWorker: 1.5 } as never, {
        thresholds: { successRate: '>95', mean: '<5ms' },
      }),
    ).catch((e: unknown) => e);
    expect(isVolleyError(error) && error.details).toEqual([
      "stress 'bad': load.concurrency must be a whole number >= 1, got 0",
      "stress 'bad': load.opsPerWorker must be a whole number >= 1, got 1.5",
      "stress 'bad': threshold successRate: '>95': '95' is over 100% (use 99%, 99.9% or a fraction like 0.99)",
    ]);
  });
});

describe('leak detection in a stress run', () => {
  /** Module-level, as a leak would be; emptied after each test. */
  const retained: Buffer[] = [];
  afterEach(() => {
    retained.length = 0;
  });

  const options = {
    monitorInterval: '20ms',
    thresholds: { memoryGrowth: '<50MB' },
  } as const;

  it('flags an operation that retains 1 MB per call', async () => {
    const result = completed(
      await runStress(
        stress(
          'leaky',
          async () => {
            retained.push(Buffer.alloc(1 << 20, 1));
            await sleep(5);
          },
          { concurrency: 1, opsPerWorker: 150 },
          options,
        ),
      ),
    );
    const growth = result.levels[0]?.resources.generator.memoryGrowth;
    expect(growth?.leaking).toBe(true);
    expect(growth?.bytes).toBeGreaterThan(100e6);
    expect(result.ok).toBe(false);
    expect(result.thresholds[0]).toMatchObject({ expression: 'memoryGrowth<50MB', ok: false });
  });

  it('does not flag one that allocates 1 MB per call and lets it go', async () => {
    let sink = 0;
    const result = completed(
      await runStress(
        stress(
          'tidy',
          async () => {
            const buffer = Buffer.alloc(1 << 20, 1);
            sink += buffer[0] ?? 0;
            await sleep(5);
          },
          { concurrency: 1, opsPerWorker: 150 },
          options,
        ),
      ),
    );
    const growth = result.levels[0]?.resources.generator.memoryGrowth;
    expect(sink).toBe(150);
    expect(growth?.leaking).toBe(false);
    expect(Math.abs(growth?.bytes ?? Number.NaN)).toBeLessThan(50e6);
    expect(result.ok).toBe(true);
  });
});
