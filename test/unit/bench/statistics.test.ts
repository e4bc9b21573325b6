import { describe, expect, it } from 'vitest';
import { SampleAccumulator, summarize } from '../../../src/bench/statistics.js';

function accumulate(valuesNs: readonly number[]): SampleAccumulator {
  const acc = new SampleAccumulator();
  for (const ns of valuesNs) acc.add(ns);
  return acc;
}

/** t(0.975) with 4 degrees of freedom, from tables (scipy.stats.t.ppf(0.975, 4)). */
const T_975_DF4 = 2.7764451051977987;

describe('benchmark statistics', () => {
  it('match exactly computed values for 1, 2, 3, 4 and 10 ms', () => {
    const stats = summarize(accumulate([1e6, 2e6, 3e6, 4e6, 10e6]));
    // mean 4; squared deviations 9 + 4 + 1 + 0 + 36 = 50; sample variance 50 / 4.
    const sd = Math.sqrt(50 / 4);
    const sem = sd / Math.sqrt(5);
    expect(stats.count).toBe(5);
    expect(stats.totalMs).toBe(20);
    expect(stats.mean).toBe(4);
    expect(stats.min).toBe(1);
    expect(stats.max).toBe(10);
    expect(stats.stdev).toBeCloseTo(sd, 12);
    expect(stats.sem).toBeCloseTo(sem, 12);
    expect(stats.moe).toBeCloseTo(T_975_DF4 * sem, 6);
    expect(stats.rme).toBeCloseTo((T_975_DF4 * sem) / 4, 6);
    expect(stats.opsPerSec).toBe(250);
  });

  it('reads percentiles from the histogram, exact below 2048 ns', () => {
    // 100, 200, …, 1000 ns: HDR with 3 significant digits resolves every integer below 2048.
    const stats = summarize(accumulate(Array.from({ length: 10 }, (_, i) => (i + 1) * 100)));
    expect(stats.p50).toBe(0.0005);
    expect(stats.p90).toBe(0.0009);
    expect(stats.p95).toBe(0.001);
    expect(stats.p99).toBe(0.001);
    expect(stats.mean).toBeCloseTo(0.00055, 15);
  });

  it('keeps percentiles of larger values within 0.1%', () => {
    const stats = summarize(accumulate([1e6, 2e6, 3e6, 4e6, 10e6]));
    expect(stats.p50).toBeGreaterThanOrEqual(3);
    expect(stats.p50).toBeLessThanOrEqual(3 * 1.001);
    expect(stats.p99).toBeGreaterThanOrEqual(10);
    expect(stats.p99).toBeLessThanOrEqual(10 * 1.001);
  });

  it('has no spread or margin of error for a single call, and nothing for none', () => {
    const one = summarize(accumulate([5e6]));
    expect(one).toMatchObject({ count: 1, mean: 5, stdev: 0, sem: 0, moe: 0, rme: null, opsPerSec: 200 });
    const none = summarize(new SampleAccumulator());
    expect(none).toMatchObject({ count: 0, mean: 0, opsPerSec: null, rme: null });
  });

  it('reports no throughput or margin of error when every call took 0 ns', () => {
    const stats = summarize(accumulate([0, 0, 0]));
    expect(stats.opsPerSec).toBeNull();
    expect(stats.rme).toBeNull();
    expect(stats.mean).toBe(0);
  });
});
