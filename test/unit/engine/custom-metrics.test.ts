/** The scenario's `metrics` declarations, checked at compile time, and `vu.metric(name)` handles. */

import { describe, expect, it } from 'vitest';
import { compileMetricDeclarations } from '../../../src/engine/metric-declarations.js';
import { MetricHandles } from '../../../src/engine/metric-handles.js';
import { CountingRecorder } from './counting-recorder.js';

describe('metric declarations', () => {
  it('reads kinds and { kind, unit } objects', () => {
    expect(
      compileMetricDeclarations(
        { cost_usd: 'trend', cache_hit: 'rate', pool_waiting: 'gauge', orders: 'counter', acquire_ms: { kind: 'trend', unit: 'ms' } },
        'x.ts',
      ),
    ).toEqual([
      { name: 'cost_usd', kind: 'trend' },
      { name: 'cache_hit', kind: 'rate' },
      { name: 'pool_waiting', kind: 'gauge' },
      { name: 'orders', kind: 'counter' },
      { name: 'acquire_ms', kind: 'trend', unit: 'ms' },
    ]);
    expect(compileMetricDeclarations(undefined, 'x.ts')).toEqual([]);
  });

  it('names every bad metric in one scenario error', () => {
    const bad = (): unknown =>
      compileMetricDeclarations({ 'Cost-USD': 'trend', hits: 'histogram', waits: { kind: 'gauge', unit: 'ms' } }, 'x.ts');
    expect(bad).toThrow(
      expect.objectContaining({
        code: 'VOLLEY_E_SCENARIO',
        message:
          "x.ts: metric 'Cost-USD': a metric name is lower case letters, digits and _ starting with a letter (like cost_usd)\n" +
          "x.ts: metric 'hits': kind must be one of counter, gauge, rate, trend (or { kind, unit?, better? }), got 'histogram'\n" +
          "x.ts: metric 'waits': unit 'ms' is not known (only a trend takes unit: 'ms')",
      }),
    );
    expect(() => compileMetricDeclarations(['a'], 'x.ts')).toThrow('metrics must be an object of name: kind');
  });

  it('caps a run at 100 metrics and says so', () => {
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`m${i}`, 'counter']));
    expect(() => compileMetricDeclarations(many, 'x.ts')).toThrow('101 custom metrics declared; at most 100 per run');
  });
});

describe('vu.metric(name)', () => {
  it('hands out one handle per name and records numbers, booleans as 1 and 0', () => {
    const recorder = new CountingRecorder();
    const handles = new MetricHandles([{ name: 'cache_hit', kind: 'rate' }], recorder);
    const handle = handles.get('cache_hit');
    expect(handles.get('cache_hit')).toBe(handle);
    handle.add(true);
    handle.add(false);
    handle.add(0.5);
    expect(recorder.metricSamples).toEqual([
      [0, 1],
      [0, 0],
      [0, 0.5],
    ]);
  });

  it('names the declared metrics when an undeclared one is asked for', () => {
    const handles = new MetricHandles([{ name: 'orders', kind: 'counter' }], new CountingRecorder());
    expect(() => handles.get('order')).toThrow("vu.metric('order'): no such metric; declared: orders (counter)");
    expect(() => new MetricHandles([], new CountingRecorder()).get('x')).toThrow('the scenario declares none');
  });
});
