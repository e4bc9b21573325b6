/** Object-form custom-metric thresholds: `{ metric, <stat>: condition, window?, abortOnFail? }`. */

import { describe, expect, it } from 'vitest';
import type { CustomMetricDeclaration } from '../../../src/metrics/custom-metric.js';
import type { CustomMetricFigures, StatsSource } from '../../../src/metrics/stats-source.js';
import {
  checkCustomMetricThresholds,
  evaluateThreshold,
  parseThresholds,
  type ThresholdDefinition,
} from '../../../src/thresholds/index.js';

const DECLARED: CustomMetricDeclaration[] = [
  { name: 'cost_usd', kind: 'trend' },
  { name: 'acquire_ms', kind: 'trend', unit: 'ms' },
  { name: 'cache_hit', kind: 'rate' },
  { name: 'orders', kind: 'counter' },
  { name: 'pool_waiting', kind: 'gauge' },
];

function trend(median: number, seconds: number): CustomMetricFigures {
  return { kind: 'trend', samples: 10, sum: median * 10, min: median, max: median, last: 0, seconds, percentile: () => median };
}

/** The whole run is cheap; its last 30 seconds are not. */
const source: StatsSource = {
  select: () => ({ rows: 0, requests: 0, failures: 0, seconds: 60, latency: null, checks: { passes: 0, fails: 0 } }),
  customMetric: (name, windowMs) => {
    if (name === 'cost_usd') return windowMs === undefined ? trend(0.01, 60) : trend(0.05, windowMs / 1000);
    if (name === 'orders') return { kind: 'counter', samples: 10, sum: windowMs === undefined ? 600 : 30, min: 0, max: 0, last: 0, seconds: windowMs === undefined ? 60 : windowMs / 1000, percentile: () => 0 };
    return null;
  },
};

function parsed(defs: ThresholdDefinition[]) {
  const specs = parseThresholds(defs, 'test');
  checkCustomMetricThresholds(specs, DECLARED);
  return specs;
}

describe('object-form custom-metric thresholds', () => {
  it('reads one spec per condition, in the string form, with its options', () => {
    const specs = parsed([
      { metric: 'cost_usd', p95: '<0.02', avg: ['<0.01', '>0'], window: '30s', abortOnFail: true },
      { metric: 'cache_hit', rate: '>= 90%' },
      { metric: 'orders', count: '>=100', rate: '>5/s' },
      { metric: 'pool_waiting', last: '<10', max: '<20' },
      { metric: 'acquire_ms', 'p(99.9)': '<1s', med: '<20ms' },
    ]);
    expect(specs.map((s) => [s.expression, s.op, s.value, s.abortOnFail, s.windowMs])).toEqual([
      ['metric=cost_usd:p95<0.02 over 30s', '<', 0.02, true, 30_000],
      ['metric=cost_usd:avg<0.01 over 30s', '<', 0.01, true, 30_000],
      ['metric=cost_usd:avg>0 over 30s', '>', 0, true, 30_000],
      ['metric=cache_hit:rate>=90%', '>=', 0.9, false, undefined],
      ['metric=orders:count>=100', '>=', 100, false, undefined],
      ['metric=orders:rate>5/s', '>', 5, false, undefined],
      ['metric=pool_waiting:last<10', '<', 10, false, undefined],
      ['metric=pool_waiting:max<20', '<', 20, false, undefined],
      ['metric=acquire_ms:p(99.9)<1s', '<', 1000, false, undefined],
      ['metric=acquire_ms:med<20ms', '<', 20, false, undefined],
    ]);
    expect(specs[0]?.metric).toMatchObject({ kind: 'custom', name: 'cost_usd', stat: 'percentile', percentile: 95, metricKind: 'trend' });
    expect(specs[5]?.metric).toMatchObject({ stat: 'perSecond' });
    expect(specs[8]?.metric).toMatchObject({ ms: true, percentile: 99.9 });
  });

  it('judges a windowed threshold over the window only', () => {
    const [windowed, whole] = parsed([
      { metric: 'cost_usd', p95: '<0.02', window: '30s' },
      { metric: 'cost_usd', p95: '<0.02' },
    ]);
    expect(evaluateThreshold(windowed!, source)).toMatchObject({ ok: false, actual: 0.05, abortOnFail: false });
    expect(evaluateThreshold(whole!, source)).toMatchObject({ ok: true, actual: 0.01 });
    const [perSecond] = parsed([{ metric: 'orders', rate: '>=5/s', window: 10 }]);
    expect(evaluateThreshold(perSecond!, source)).toMatchObject({ ok: false, actual: 3 });
  });

  it('fails a windowed threshold with no data in the window, saying so', () => {
    const [spec] = parsed([{ metric: 'cache_hit', rate: '>0.5', window: '30s' }]);
    expect(evaluateThreshold(spec!, source)).toMatchObject({
      ok: false,
      actual: null,
      note: 'metric cache_hit recorded nothing in the last 30s',
    });
  });

  it('accepts metric= before the name, as the string form writes it', () => {
    expect(parsed([{ metric: 'metric=cost_usd', p95: '<1' }])[0]?.expression).toBe('metric=cost_usd:p95<1');
  });

  it('collects every problem of the object: selectors, unknown keys, bad names, no stat, bad options', () => {
    expect(() =>
      parseThresholds(
        [
          { metric: 'cost_usd', user: 'Shopper', p95: '<1', foo: '<1' } as ThresholdDefinition,
          { metric: 'Cost USD', p95: '<1' },
          { metric: 'cost_usd', window: 'soon', abortOnFail: 'yes' } as unknown as ThresholdDefinition,
          { metric: 'cost_usd', p95: '<cheap' },
        ],
        'test',
      ),
    ).toThrow(
      [
        'test: 7 invalid thresholds',
        '  - thresholds[0]: metric stands alone: it takes no user selector (custom metrics are not per request)',
        "  - thresholds[0]: unknown key 'foo' (a custom metric's stats are avg, min, max, med, pNN, rate, count or last; or abortOnFail, window)",
        "  - thresholds[1]: metric must be the name of a declared custom metric, like 'cost_usd', got 'Cost USD'",
        "  - thresholds[2]: abortOnFail must be true or false, got 'yes'",
        "  - thresholds[2]: window must be a duration like '30s' or a number of seconds above 0, got 'soon'",
        "  - thresholds[2]: no stat given (add one of avg, min, max, med, pNN, rate, count or last, e.g. p95: '<0.02')",
        "  - threshold 'metric=cost_usd:p95<cheap': 'cheap' is not a value for p95",
      ].join('\n'),
    );
  });

  it('names an undeclared metric with the declared ones, and a stat the kind lacks with the ones it has', () => {
    const unknown = parseThresholds([{ metric: 'costs', p95: '<1', window: '30s' }], 'test');
    expect(() => checkCustomMetricThresholds(unknown, DECLARED)).toThrow(
      "threshold 'metric=costs:p95<1 over 30s': no custom metric 'costs' (declared: cost_usd, acquire_ms, cache_hit, orders, pool_waiting)",
    );
    const wrongStat = parseThresholds([{ metric: 'pool_waiting', p95: '<1' }, { metric: 'cache_hit', last: '<1' }], 'test');
    expect(() => checkCustomMetricThresholds(wrongStat, DECLARED)).toThrow(
      "threshold 'metric=pool_waiting:p95<1': a gauge has last, min, max\n" +
        "threshold 'metric=cache_hit:last<1': a rate has rate (rate>0.9 or rate>90%)",
    );
  });
});
