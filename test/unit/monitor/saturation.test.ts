import { describe, expect, it } from 'vitest';
import type { MonitorSample } from '../../../src/monitor/index.js';
import { detectSaturation } from '../../../src/monitor/index.js';

const ADVICE =
  "Latencies measured while saturated include volley's own queueing; use --workers or a smaller load.";

/** One sample per second (t = 1, 2, …) with the given CPU and event-loop values. */
function series(cpu: number[], delay: number[] = cpu.map(() => 1), intervalS = 1): MonitorSample[] {
  return cpu.map((cpuPercent, i) => ({
    t: Number(((i + 1) * intervalS).toFixed(3)),
    cpuPercent,
    rssBytes: 100_000_000,
    heapUsedBytes: 50_000_000,
    eventLoopDelayP99Ms: delay[i] as number,
  }));
}

describe('detectSaturation', () => {
  it('finds nothing in an idle run or an empty one', () => {
    expect(detectSaturation(series([10, 20, 30, 40]))).toEqual([]);
    expect(detectSaturation([])).toEqual([]);
  });

  it('ignores a streak shorter than `consecutive`', () => {
    expect(detectSaturation(series([95, 99, 10, 95, 95, 10, 99]))).toEqual([]);
    expect(detectSaturation(series([1, 1, 1, 1], [60, 70, 1, 80]))).toEqual([]);
  });

  it('counts only values strictly above the limit', () => {
    expect(detectSaturation(series([90, 90, 90, 90], [50, 50, 50, 50]))).toEqual([]);
  });

  it('reports a streak of exactly `consecutive` samples', () => {
    expect(detectSaturation(series([10, 90.5, 97.6, 91, 10]))).toEqual([
      `The load generator was saturated: CPU above 90% for 3 s (from 1 s, peak 98%). ${ADVICE}`,
    ]);
  });

  it('reports a streak that starts with the first sample as starting at 0 s', () => {
    expect(detectSaturation(series([95, 95, 95]))).toEqual([
      `The load generator was saturated: CPU above 90% for 3 s (from 0 s, peak 95%). ${ADVICE}`,
    ]);
  });

  it('names the longest streak and its own peak', () => {
    const cpu = [99, 99, 99, 10, 10, 10, 10, 10, 10, 10, 10, 10, 91, 92, 93, 94, 95, 96, 97, 10];
    expect(detectSaturation(series(cpu))).toEqual([
      `The load generator was saturated: CPU above 90% for 7 s (from 12 s, peak 97%). ${ADVICE}`,
    ]);
  });

  it('names the first streak when two are equally long', () => {
    expect(detectSaturation(series([95, 96, 97, 1, 99, 99, 99]))).toEqual([
      `The load generator was saturated: CPU above 90% for 3 s (from 0 s, peak 97%). ${ADVICE}`,
    ]);
  });

  it('reports both conditions, CPU first, each once', () => {
    const cpu = [95, 95, 95, 10, 95, 95, 95, 95];
    const delay = [1, 60, 182.44, 75, 1, 1, 1, 1];
    expect(detectSaturation(series(cpu, delay))).toEqual([
      `The load generator was saturated: CPU above 90% for 4 s (from 4 s, peak 95%). ${ADVICE}`,
      `The load generator was saturated: event-loop delay p99 above 50 ms for 3 s (from 1 s, peak 182.4 ms). ${ADVICE}`,
    ]);
  });

  it('uses the sample times, so sub-second intervals read in tenths', () => {
    expect(detectSaturation(series([1, 1, 1, 1, 1], [1, 120, 130, 140, 1], 0.1))).toEqual([
      `The load generator was saturated: event-loop delay p99 above 50 ms for 0.3 s (from 0.1 s, peak 140 ms). ${ADVICE}`,
    ]);
  });

  it('takes partial limits over the defaults', () => {
    expect(detectSaturation(series([60, 60]), { cpuPercent: 50, consecutive: 2 })).toEqual([
      `The load generator was saturated: CPU above 50% for 2 s (from 0 s, peak 60%). ${ADVICE}`,
    ]);
    expect(detectSaturation(series([95, 95, 95]), { consecutive: 4 })).toEqual([]);
    expect(detectSaturation(series([1, 1, 1], [20, 20, 20]), { eventLoopDelayP99Ms: 10 })).toHaveLength(1);
  });

  it('ignores NaN readings and rejects a non-positive `consecutive`', () => {
    expect(detectSaturation(series([1, 1, 1], [Number.NaN, Number.NaN, Number.NaN]))).toEqual([]);
    expect(() => detectSaturation([], { consecutive: 0 })).toThrow(RangeError);
  });
});
