/**
 * A custom metric's declared direction (`better: 'lower' | 'higher'`), which `volley compare`
 * judges by: read from the declaration, carried through snapshots and the wire into the Result;
 * without one, the kind's default.
 */

import { describe, expect, it } from 'vitest';
import { snapshotSchema } from '../../../src/cluster/wire-schema.js';
import { compileMetricDeclarations } from '../../../src/engine/metric-declarations.js';
import { defaultDirection } from '../../../src/metrics/custom-metric.js';
import { RunAggregate } from '../../../src/metrics/run-aggregate.js';
import { manualRecorder } from './helpers.js';

describe('custom metric directions', () => {
  it('reads better from the object form, and refuses anything but lower or higher', () => {
    expect(
      compileMetricDeclarations(
        { orders: { kind: 'counter', better: 'higher' }, wait_ms: { kind: 'trend', unit: 'ms', better: 'lower' }, cost: 'trend' },
        'x.ts',
      ),
    ).toEqual([
      { name: 'orders', kind: 'counter', better: 'higher' },
      { name: 'wait_ms', kind: 'trend', unit: 'ms', better: 'lower' },
      { name: 'cost', kind: 'trend' },
    ]);
    expect(() => compileMetricDeclarations({ orders: { kind: 'counter', better: 'more' } }, 'x.ts')).toThrow(
      "x.ts: metric 'orders': better must be 'lower' or 'higher', got 'more'",
    );
  });

  it('carries it through the snapshot and the wire into the Result', () => {
    const one = manualRecorder();
    const id = one.recorder.customMetric({ name: 'orders', kind: 'counter', better: 'higher' });
    const plain = one.recorder.customMetric({ name: 'cost', kind: 'trend' });
    one.recorder.metricSample(id, 3);
    one.recorder.metricSample(plain, 0.5);
    const snapshot = one.recorder.flush(1);
    const wired = snapshotSchema.parse(snapshot);
    expect(wired.metrics?.map((m) => m.better)).toEqual(['higher', undefined]);
    const aggregate = new RunAggregate();
    aggregate.add(snapshot);
    const metrics = aggregate.measured(0, 1000).metrics ?? [];
    expect(metrics.find((m) => m.name === 'orders')?.better).toBe('higher');
    expect(metrics.find((m) => m.name === 'cost')).not.toHaveProperty('better');
  });

  it('defaults a trend to lower, a rate to higher, and a counter or gauge to none', () => {
    expect([defaultDirection('trend'), defaultDirection('rate'), defaultDirection('counter'), defaultDirection('gauge')]).toEqual([
      'lower',
      'higher',
      null,
      null,
    ]);
  });
});
