/**
 * Custom metrics over a trailing window (for windowed thresholds): the window holds only its
 * seconds, merges them exactly (3 workers give what one recorder gives), and forgets seconds
 * older than the longest window asked for.
 */

import { describe, expect, it } from 'vitest';
import type { CustomMetricDeclaration } from '../../../src/metrics/custom-metric.js';
import { RunAggregate } from '../../../src/metrics/run-aggregate.js';
import { checkCustomMetricThresholds, evaluateThreshold, parseThresholds } from '../../../src/thresholds/index.js';
import type { Snapshot } from '../../../src/metrics/snapshot.js';
import { manualRecorder } from './helpers.js';

const DECLARED: CustomMetricDeclaration[] = [
  { name: 'orders', kind: 'counter' },
  { name: 'pool_waiting', kind: 'gauge' },
  { name: 'cache_hit', kind: 'rate' },
  { name: 'cost_usd', kind: 'trend' },
];

type Recorder = ReturnType<typeof manualRecorder>;

/** Second `s` (1-based): cheap and cached for the first 10 seconds, then dear and missed. */
function recordSecond(recorders: readonly Recorder[], ids: readonly Map<string, number>[], s: number): void {
  for (let i = 0; i < 30; i++) {
    const w = i % recorders.length;
    const recorder = recorders[w]!;
    const id = ids[w]!;
    recorder.at(s * 1000 - 30 + i);
    recorder.recorder.metricSample(id.get('orders')!, 2);
    recorder.recorder.metricSample(id.get('pool_waiting')!, s * 100 + i);
    recorder.recorder.metricSample(id.get('cache_hit')!, s <= 10 ? 1 : i % 3 === 0 ? 1 : 0);
    recorder.recorder.metricSample(id.get('cost_usd')!, s <= 10 ? 0.01 : 0.1 + i / 1000);
  }
}

function runOver(seconds: number, workers: number, keepMs: number): RunAggregate {
  const recorders = Array.from({ length: workers }, (_, w) => manualRecorder(w));
  const ids = recorders.map((r) => new Map(DECLARED.map((d) => [d.name, r.recorder.customMetric(d)])));
  const aggregate = new RunAggregate(keepMs);
  for (let s = 1; s <= seconds; s++) {
    recordSecond(recorders, ids, s);
    const snapshots: Snapshot[] = recorders.map((r) => {
      r.at(s * 1000);
      return r.recorder.flush(1);
    });
    aggregate.addAll(snapshots);
  }
  return aggregate;
}

describe('custom metrics over a trailing window', () => {
  const aggregate = runOver(20, 1, 5000);

  it('judges only the window: a trend, a rate, a counter, a gauge', () => {
    const whole = aggregate.customMetric('cost_usd');
    const recent = aggregate.customMetric('cost_usd', 5000);
    expect(whole?.percentile(50)).toBeCloseTo(0.01, 4);
    expect(recent?.samples).toBe(150);
    expect(recent?.percentile(50)).toBeGreaterThan(0.1);
    expect(recent?.min).toBeCloseTo(0.1, 10);
    expect(recent?.max).toBeCloseTo(0.129, 10);
    const hits = aggregate.customMetric('cache_hit', 5000);
    expect(hits!.sum / hits!.samples).toBe(1 / 3);
    const orders = aggregate.customMetric('orders', 5000);
    expect(orders).toMatchObject({ sum: 300, seconds: 5 });
    expect(orders!.sum / orders!.seconds).toBe(60);
    const gauge = aggregate.customMetric('pool_waiting', 5000);
    expect(gauge).toMatchObject({ last: 2029, min: 1600, max: 2029 });
  });

  it('is null for a metric that recorded nothing in the window', () => {
    expect(aggregate.customMetric('nothing', 5000)).toBeNull();
  });

  it('merges 3 workers exactly as one recorder', () => {
    const merged = runOver(20, 3, 5000);
    for (const name of ['orders', 'pool_waiting', 'cache_hit']) {
      expect(merged.customMetric(name, 5000), name).toEqual(
        expect.objectContaining({ ...aggregate.customMetric(name, 5000), percentile: expect.any(Function) }),
      );
    }
    const a = aggregate.customMetric('cost_usd', 5000)!;
    const b = merged.customMetric('cost_usd', 5000)!;
    expect(b.samples).toBe(a.samples);
    expect(b.sum).toBeCloseTo(a.sum, 12);
    for (const p of [50, 90, 95, 99, 100]) expect(b.percentile(p)).toBe(a.percentile(p));
  });

  it('forgets seconds older than the longest window it keeps', () => {
    const long = runOver(40, 1, 10_000);
    expect(long.customMetric('orders', 1_000_000)?.seconds).toBeLessThanOrEqual(11);
    expect(long.customMetric('orders')?.sum).toBe(40 * 60);
  });

  it('answers object-form thresholds: the window fails what the whole run passes', () => {
    const specs = parseThresholds(
      [
        { metric: 'cost_usd', med: '<0.05', window: '5s', abortOnFail: true },
        { metric: 'cost_usd', med: '<0.05' },
        { metric: 'orders', rate: '>=60/s', window: 5 },
        { metric: 'cache_hit', rate: '>50%', window: '5s' },
      ],
      'test',
    );
    checkCustomMetricThresholds(specs, DECLARED);
    expect(specs.map((spec) => [spec.expression, evaluateThreshold(spec, aggregate).ok])).toEqual([
      ['metric=cost_usd:med<0.05 over 5s', false],
      ['metric=cost_usd:med<0.05', true],
      ['metric=orders:rate>=60/s over 5s', true],
      ['metric=cache_hit:rate>50% over 5s', false],
    ]);
  });
});
