/**
 * Custom metrics in the recorder and the aggregate: each kind records what it should, rejects
 * what it cannot take, and merges across workers (snapshots) into exactly what one recorder
 * holding every sample gives.
 */

import { describe, expect, it } from 'vitest';
import type { CustomMetricDeclaration } from '../../../src/metrics/custom-metric.js';
import { MAX_CUSTOM_METRICS } from '../../../src/metrics/custom-metric.js';
import { CustomMetricStore } from '../../../src/metrics/custom-metric-store.js';
import { RunAggregate } from '../../../src/metrics/run-aggregate.js';
import type { Snapshot } from '../../../src/metrics/snapshot.js';
import { snapshotSchema } from '../../../src/cluster/wire-schema.js';
import { manualRecorder } from './helpers.js';

const DECLARED: CustomMetricDeclaration[] = [
  { name: 'orders', kind: 'counter' },
  { name: 'pool_waiting', kind: 'gauge' },
  { name: 'cache_hit', kind: 'rate' },
  { name: 'cost_usd', kind: 'trend' },
  { name: 'acquire_ms', kind: 'trend', unit: 'ms' },
];

/** Records sample `i` (at time `i` ms) into every declared metric of one recorder. */
function recordSample(
  recorder: ReturnType<typeof manualRecorder>,
  ids: Map<string, number>,
  i: number,
): void {
  recorder.at(i);
  recorder.recorder.metricSample(ids.get('orders')!, i % 5);
  recorder.recorder.metricSample(ids.get('pool_waiting')!, (i * 7) % 11);
  recorder.recorder.metricSample(ids.get('cache_hit')!, i % 3 === 0 ? 1 : 0);
  recorder.recorder.metricSample(ids.get('cost_usd')!, (i % 17) / 1000);
  recorder.recorder.metricSample(ids.get('acquire_ms')!, i % 40);
}

function registered(recorder: ReturnType<typeof manualRecorder>): Map<string, number> {
  return new Map(DECLARED.map((d) => [d.name, recorder.recorder.customMetric(d)]));
}

describe('custom metrics: recording', () => {
  it('keeps each kind as it should, per interval', () => {
    const store = new CustomMetricStore(() => 42);
    const counter = store.register({ name: 'orders', kind: 'counter' });
    const gauge = store.register({ name: 'waiting', kind: 'gauge' });
    const rate = store.register({ name: 'hit', kind: 'rate' });
    const trend = store.register({ name: 'cost', kind: 'trend' });
    expect(store.register({ name: 'orders', kind: 'counter' })).toBe(counter);
    store.add(counter, 2);
    store.add(counter, 3.5);
    store.add(gauge, 5);
    store.add(gauge, -2);
    store.add(gauge, 3);
    store.add(rate, 1);
    store.add(rate, 0);
    store.add(rate, 7);
    store.add(trend, 0.012);
    store.add(trend, 0.02);
    const [c, g, r, t] = store.flush() ?? [];
    expect(c).toMatchObject({ name: 'orders', kind: 'counter', samples: 2, sum: 5.5 });
    expect(g).toMatchObject({ kind: 'gauge', samples: 3, last: 3, lastAtMs: 42, min: -2, max: 5 });
    expect(r).toMatchObject({ kind: 'rate', samples: 3, sum: 2 });
    expect(t).toMatchObject({ kind: 'trend', samples: 2, min: 0.012, max: 0.02 });
    expect(t?.histogram).not.toBe('');
    // The next interval starts from nothing.
    expect(store.flush()).toBeUndefined();
  });

  it('rejects values a kind cannot take, naming the metric', () => {
    const store = new CustomMetricStore(() => 0);
    const counter = store.register({ name: 'orders', kind: 'counter' });
    const trend = store.register({ name: 'cost', kind: 'trend' });
    const gauge = store.register({ name: 'waiting', kind: 'gauge' });
    expect(() => store.add(counter, -1)).toThrow('metric orders (counter) takes a finite number >= 0, got -1');
    expect(() => store.add(trend, Number.NaN)).toThrow('metric cost (trend)');
    expect(() => store.add(gauge, Infinity)).toThrow('metric waiting (gauge) takes a finite number');
  });

  it(`holds at most ${MAX_CUSTOM_METRICS} metrics`, () => {
    const store = new CustomMetricStore(() => 0);
    for (let i = 0; i < MAX_CUSTOM_METRICS; i++) store.register({ name: `m${i}`, kind: 'counter' });
    expect(() => store.register({ name: 'one_more', kind: 'counter' })).toThrow(`at most ${MAX_CUSTOM_METRICS}`);
  });

  it('puts metrics in the snapshot only when recorded, and the wire schema accepts them', () => {
    const one = manualRecorder();
    expect(one.recorder.flush(0).metrics).toBeUndefined();
    const ids = registered(one);
    recordSample(one, ids, 3);
    const snapshot = one.recorder.flush(0);
    expect(snapshot.metrics?.map((m) => m.name)).toEqual(DECLARED.map((d) => d.name));
    expect(snapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshotSchema.safeParse({ ...snapshot, metrics: [{ ...snapshot.metrics![0], name: 'Bad' }] }).success).toBe(false);
  });
});

describe('custom metrics: merging', () => {
  it('merges every kind across 3 workers exactly as one recorder holding every sample', () => {
    const single = manualRecorder();
    const singleIds = registered(single);
    const workers = [0, 1, 2].map((w) => manualRecorder(w));
    const workerIds = workers.map(registered);
    const singleSnapshots: Snapshot[] = [];
    const workerSnapshots: Snapshot[] = [];
    for (let interval = 0; interval < 3; interval++) {
      for (let i = interval * 100; i < (interval + 1) * 100; i++) {
        recordSample(single, singleIds, i);
        recordSample(workers[i % 3]!, workerIds[i % 3]!, i);
      }
      singleSnapshots.push(single.recorder.flush(1));
      for (const worker of workers) workerSnapshots.push(worker.recorder.flush(1));
    }
    const alone = new RunAggregate();
    alone.addAll(singleSnapshots);
    const merged = new RunAggregate();
    merged.addAll(workerSnapshots);
    const a = alone.measured(0, 3000).metrics;
    const b = merged.measured(0, 3000).metrics;
    expect(a?.length).toBe(5);
    const withoutHistogram = (list: typeof a) => list?.map(({ histogram: _h, ...rest }) => rest);
    // Float sums of fractions may differ in the last bit with the order of addition: compare closely.
    expect(withoutHistogram(b)?.map((m) => m.name)).toEqual(withoutHistogram(a)?.map((m) => m.name));
    for (const [index, metric] of (withoutHistogram(a) ?? []).entries()) {
      const other = withoutHistogram(b)![index]!;
      for (const [field, value] of Object.entries(metric)) {
        const theirs = (other as Record<string, unknown>)[field];
        if (typeof value === 'number') expect(theirs, `${metric.name}.${field}`).toBeCloseTo(value, 12);
        else expect(theirs).toEqual(value);
      }
    }
    const byName = new Map(a!.map((m) => [m.name, m]));
    expect(byName.get('pool_waiting')?.last).toBe((299 * 7) % 11);
    expect(byName.get('cache_hit')?.rate).toBe(100 / 300);
    expect(byName.get('orders')?.sum).toBe(600);
    expect(byName.get('orders')?.perSecond).toBe(200);
    expect(byName.get('acquire_ms')?.unit).toBe('ms');
  });

  it('keeps 3 significant digits of fractional trend values', () => {
    const one = manualRecorder();
    const id = one.recorder.customMetric({ name: 'cost_usd', kind: 'trend' });
    for (let i = 1; i <= 1000; i++) one.recorder.metricSample(id, i * 0.0001);
    const aggregate = new RunAggregate();
    aggregate.add(one.recorder.flush(0));
    const [cost] = aggregate.measured(0, 1000).metrics ?? [];
    expect(cost?.p95).toBeCloseTo(0.095, 4);
    expect(Math.abs((cost?.p95 ?? 0) - 0.095) / 0.095).toBeLessThan(0.001);
    expect(cost?.avg).toBeCloseTo(0.05005, 10);
    expect(aggregate.customMetric('cost_usd')?.percentile(50)).toBeCloseTo(0.05, 4);
    expect(aggregate.customMetric('nothing')).toBeNull();
  });
});
