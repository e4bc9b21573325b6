import { describe, expect, it } from 'vitest';
import { createHistogram, encodeHistogram } from '../../../../src/metrics/histogram.js';
import { distributionChart, monitorCharts, timeCharts } from '../../../../src/outputs/html/chart-data.js';
import { fixtureResult } from '../fixture-result.js';

function encoded(valuesUs: readonly number[]): string {
  const histogram = createHistogram();
  for (const v of valuesUs) histogram.recordValue(v);
  return encodeHistogram(histogram);
}

describe('timeCharts', () => {
  it('turns the time series into throughput, latency and users columns', () => {
    const charts = timeCharts(fixtureResult());
    expect(charts.map((c) => c.id)).toEqual(['throughput', 'latency', 'users']);
    const [throughput, latency, users] = charts;
    expect(throughput?.data).toEqual([
      [1, 2, 3, 4, 5],
      [95, 130, 151, 160, 168],
      [0, 1, 2, 0, 3],
    ]);
    expect(throughput?.series.map((s) => `${s.label} ${s.unit}`)).toEqual(['requests/s /s', 'failures/s /s']);
    // A second with no finished request is a gap, not a zero.
    expect(latency?.data.slice(1)).toEqual([
      [11.2, 12.1, 12.9, null, 13.4],
      [40.3, 52.8, 170.2, null, 190.7],
      [80.1, 120.4, 610.5, null, 700.9],
    ]);
    expect(latency?.y.label).toBe('latency (ms)');
    expect(users?.data[1]).toEqual([10, 20, 30, 40, 50]);
  });

  it('draws nothing without a time series', () => {
    const result = fixtureResult();
    result.timeSeries = [];
    expect(timeCharts(result)).toEqual([]);
  });
});

describe('distributionChart', () => {
  it('has the total and, with several user classes, one curve per class', () => {
    const result = fixtureResult();
    result.totals.histogram = encoded([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    result.userClasses[0]!.histogram = encoded([100, 200]);
    // AuthUser keeps its empty histogram: it gets no curve.
    const chart = distributionChart(result);
    expect(chart?.x).toBe('nines');
    expect(chart?.y).toEqual({ label: 'latency (ms)', log: true });
    expect(chart?.series.map((s) => s.label)).toEqual(['all requests', 'GenerationUser']);
    expect(chart?.data).toHaveLength(3);
    // Ten samples reach one nine: 0.1 ms at p0, 0.9 ms at p90 (values below 2,048 µs are exact).
    expect(chart?.data[0]?.at(-1)).toBe(1);
    expect(chart?.data[1]?.[0]).toBe(0.1);
    expect(chart?.data[1]?.at(-1)).toBe(0.9);
    // Two samples: p90 is the larger.
    expect(chart?.data[2]?.at(-1)).toBe(0.2);
  });

  it('is absent when no histogram can be read', () => {
    expect(distributionChart(fixtureResult())).toBeNull();
  });
});

describe('monitorCharts', () => {
  it('shows CPU with event-loop delay on a second axis, and memory in MB', () => {
    const [cpu, memory] = monitorCharts(fixtureResult());
    expect(cpu?.data).toEqual([
      [1, 2],
      [61.5, 97.2],
      [4.2, 38.9],
    ]);
    expect(cpu?.series.map((s) => s.scale)).toEqual(['y', 'y2']);
    expect(cpu?.y2?.label).toBe('event-loop delay p99 (ms)');
    expect(memory?.data).toEqual([
      [1, 2],
      [98, 112],
      [41, 52],
    ]);
  });

  it('draws nothing without samples', () => {
    const result = fixtureResult();
    result.monitor.generator = [];
    expect(monitorCharts(result)).toEqual([]);
  });
});
