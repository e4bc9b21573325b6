/**
 * Latency statistics end to end through the metrics path a run uses: IntervalRecorder →
 * Snapshot → RunAggregate → measured(). Each figure is compared with the exact value computed
 * from the raw samples here; HDR keeps 3 significant digits, so percentiles, min, max and mean
 * may be off by at most 0.1%, and percentiles/max never below the exact value (HDR reports the
 * top of the bucket a value falls in).
 */

import { describe, expect, it } from 'vitest';
import { RunAggregate } from '../../../src/metrics/run-aggregate.js';
import { exactPercentile, manualRecorder, relativeError, skewedSamples, uniformSamples } from './helpers.js';

const PERCENTILES = [
  ['p50', 50],
  ['p90', 90],
  ['p95', 95],
  ['p99', 99],
  ['p999', 99.9],
] as const;

function measureSamples(samplesUs: readonly number[]) {
  const { recorder, at } = manualRecorder();
  const row = recorder.endpoint(recorder.scope('', 'Reader', []), 'GET', '/items');
  for (const us of samplesUs) recorder.record(row, us, Math.round(us / 4), 200, 0, 0, false);
  at(10_000);
  const aggregate = new RunAggregate();
  aggregate.add(recorder.flush(1));
  const measured = aggregate.measured(0, 10_000);
  expect(measured.endpoints).toHaveLength(1);
  return measured.endpoints[0]!;
}

function expectWithinHdrResolution(latency: Record<string, number>, samplesUs: readonly number[]): void {
  const sorted = [...samplesUs].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const checks: [string, number, number][] = [
    ...PERCENTILES.map(
      ([field, p]) => [field, latency[field]!, exactPercentile(sorted, p) / 1000] as [string, number, number],
    ),
    ['max', latency.max!, sorted.at(-1)! / 1000],
  ];
  for (const [field, actual, exact] of checks) {
    expect(relativeError(actual, exact), `${field}: ${actual} vs exact ${exact}`).toBeLessThanOrEqual(0.001);
    expect(actual, field).toBeGreaterThanOrEqual(exact);
  }
  expect(relativeError(latency.min!, sorted[0]! / 1000), 'min').toBeLessThanOrEqual(0.001);
  expect(relativeError(latency.mean!, mean / 1000), 'mean').toBeLessThanOrEqual(0.001);
}

describe('latency statistics', () => {
  it('matches the exact percentiles of 1..10 000 µs', () => {
    const samples = uniformSamples();
    const stats = measureSamples(samples);
    expect(stats.requests).toBe(10_000);
    expectWithinHdrResolution({ ...stats.latency }, samples);
    // Exact values for this set: p50 = 5 ms, p99.9 = 9.99 ms, min 1 µs, mean 5.0005 ms.
    expect(stats.latency.min).toBe(0.001);
    expect(relativeError(stats.latency.p50, 5)).toBeLessThanOrEqual(0.001);
    expect(relativeError(stats.latency.p999, 9.99)).toBeLessThanOrEqual(0.001);
    // Population standard deviation of 1..n is sqrt((n² − 1) / 12) = 2886.75 µs.
    expect(relativeError(stats.latency.stdev, Math.sqrt((10_000 ** 2 - 1) / 12) / 1000)).toBeLessThanOrEqual(
      0.001,
    );
  });

  it('matches the exact percentiles of a skewed set, including values past one minute', () => {
    const samples = skewedSamples();
    const stats = measureSamples(samples);
    expectWithinHdrResolution({ ...stats.latency }, samples);
    // The time to first byte was recorded as a quarter of each duration.
    expectWithinHdrResolution(
      { ...stats.ttfb },
      samples.map((us) => Math.round(us / 4)),
    );
  });

  it('is exact for 1..2000 µs: below 2048 µs every value is its own bucket', () => {
    const samples = Array.from({ length: 2000 }, (_, i) => i + 1);
    const stats = measureSamples(samples);
    const sorted = [...samples];
    for (const [field, p] of PERCENTILES) {
      expect(stats.latency[field]).toBe(exactPercentile(sorted, p) / 1000);
    }
    expect(stats.latency.min).toBe(0.001);
    expect(stats.latency.max).toBe(2);
    expect(stats.latency.mean).toBe(1.001);
  });

  it('rounds durations to whole microseconds and counts sub-microsecond ones as 1 µs', () => {
    const stats = measureSamples([0, 0.4, 2.6, 1000.5]);
    // Recorded as 1, 1, 3, 1001 µs (Math.round(1000.5) = 1001).
    expect(stats.latency.min).toBe(0.001);
    expect(stats.latency.p50).toBe(0.001);
    expect(stats.latency.p90).toBe(1.001);
    expect(stats.latency.max).toBe(1.001);
    expect(stats.latency.mean).toBe(0.252);
  });
});
