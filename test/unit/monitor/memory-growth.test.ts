import { describe, expect, it } from 'vitest';
import { estimateMemoryGrowth, theilSenSlope } from '../../../src/monitor/memory-growth.js';
import { summarizeResources } from '../../../src/monitor/resource-summary.js';
import type { MonitorSample } from '../../../src/metrics/result.js';

function sample(t: number, rssBytes: number, heapUsedBytes = 0, cpuPercent = 0): MonitorSample {
  return { t, cpuPercent, rssBytes, heapUsedBytes, eventLoopDelayP99Ms: 0 };
}

const MB = 1e6;

describe('Theil–Sen slope', () => {
  it('is the median of the pairwise slopes', () => {
    // Slopes: 1, 5, 1, 9, 1, -7 → sorted -7 1 1 1 5 9 → median (1 + 1) / 2.
    expect(theilSenSlope([0, 1, 2, 3], [0, 1, 10, 3])).toBe(1);
    // Odd count: 0→1: 2, 0→2: 2, 1→2: 2 on a line.
    expect(theilSenSlope([0, 1, 2], [1, 3, 5])).toBe(2);
  });

  it('ignores pairs at the same x and is null without any other', () => {
    // Pairs 0→2: 2, 0→3: 1.5, 1→2: -98, 1→3: -48.5, 2→3: 1 (0→1 has dx 0) → median 1.
    expect(theilSenSlope([1, 1, 2, 3], [0, 100, 2, 3])).toBe(1);
    expect(theilSenSlope([1, 1], [0, 5])).toBeNull();
  });
});

describe('memory growth', () => {
  it('fits a steady leak over a GC sawtooth, skipping the warm-up', () => {
    // 1 MB/s of real growth under a 30 MB sawtooth with a 2 s period, after a 200 MB warm-up jump.
    const samples: MonitorSample[] = [];
    for (let i = 1; i <= 100; i++) {
      const t = i / 10;
      const warmup = t < 1 ? 0 : 200 * MB;
      samples.push(sample(t, 100 * MB + warmup + t * MB + ((t % 2) / 2) * 30 * MB));
    }
    const growth = estimateMemoryGrowth(samples, { limitBytes: 50 * MB });
    expect(growth?.bytesPerSecond).toBeGreaterThan(0.5 * MB);
    expect(growth?.bytesPerSecond).toBeLessThan(3 * MB);
    expect(growth).toMatchObject({
      series: 'rss',
      durationS: 10,
      fromS: 2.1,
      toS: 10,
      samples: 80,
      leaking: false,
    });
    expect(growth?.bytes).toBeCloseTo((growth?.bytesPerSecond ?? 0) * 10, 6);
  });

  it('does not call garbage a leak when it is collected before the run ends', () => {
    // Garbage piles up at 30 MB/s for 2.5 s, then one full collection takes it all back.
    const samples = Array.from({ length: 30 }, (_, i) => {
      const t = (i + 1) / 10;
      return sample(t, t < 2.9 ? 100 * MB + t * 30 * MB : 100 * MB);
    });
    const growth = estimateMemoryGrowth(samples, { limitBytes: 50 * MB });
    expect(growth?.bytes).toBe(0);
    expect(growth?.leaking).toBe(false);
  });

  it('is exact on a straight line, and flags growth above the limit', () => {
    const samples = Array.from({ length: 10 }, (_, i) => sample(i + 1, 50 * MB + (i + 1) * 10 * MB));
    const growth = estimateMemoryGrowth(samples, { limitBytes: 50 * MB });
    expect(growth).toMatchObject({
      bytesPerSecond: 10 * MB,
      bytes: 100 * MB,
      leaking: true,
      limitBytes: 50 * MB,
    });
    expect(estimateMemoryGrowth(samples)?.leaking).toBeNull();
  });

  it('can fit the JS heap instead of RSS, and skips figures a process lacks', () => {
    const samples = Array.from({ length: 10 }, (_, i) => sample(i + 1, 80 * MB, (i + 1) * MB));
    expect(estimateMemoryGrowth(samples, { series: 'heapUsed' })?.bytes).toBe(10 * MB);
    const noHeap = samples.map((s) => ({ ...s, heapUsedBytes: Number.NaN }));
    expect(estimateMemoryGrowth(noHeap, { series: 'heapUsed' })).toBeNull();
  });

  it('needs a few samples after the warm-up', () => {
    expect(estimateMemoryGrowth([sample(1, MB), sample(2, 2 * MB)])).toBeNull();
    expect(estimateMemoryGrowth([])).toBeNull();
    expect(() => estimateMemoryGrowth([sample(1, 1)], { warmupFraction: 1 })).toThrow(RangeError);
  });
});

describe('resource summary', () => {
  it('weights mean CPU and memory by each interval and keeps the peaks', () => {
    const summary = summarizeResources([
      sample(1, 100, 10, 50),
      sample(1.5, 200, 30, 100),
      sample(3.5, 150, 20, 20),
    ]);
    // CPU: (50×1 + 100×0.5 + 20×2) / 3.5 = 140 / 3.5 = 40. RSS: (100 + 100 + 300) / 3.5.
    expect(summary.meanCpuPercent).toBe(40);
    expect(summary.meanRssBytes).toBe(Math.round(500 / 3.5));
    expect(summary).toMatchObject({ peakCpuPercent: 100, peakRssBytes: 200, peakHeapUsedBytes: 30 });
    expect(summary.memoryGrowth).not.toBeNull();
  });

  it('is empty without samples, and has no heap figure for another process', () => {
    expect(summarizeResources([])).toMatchObject({
      peakCpuPercent: null,
      meanRssBytes: null,
      memoryGrowth: null,
    });
    const other = summarizeResources([{ ...sample(1, 100, 0, 5), heapUsedBytes: Number.NaN }]);
    expect(other.peakHeapUsedBytes).toBeNull();
  });
});
