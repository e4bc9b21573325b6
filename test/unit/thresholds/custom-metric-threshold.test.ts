/** `metric=<name>:<stat><op><value>`: parsing, checking against declarations, judging, verdict texts. */

import { describe, expect, it } from 'vitest';
import type { CustomMetricDeclaration } from '../../../src/metrics/custom-metric.js';
import type { CustomMetricFigures, StatsSource } from '../../../src/metrics/stats-source.js';
import {
  checkCustomMetricThresholds,
  evaluateThreshold,
  parseThresholdExpression,
  parseThresholds,
} from '../../../src/thresholds/index.js';

const DECLARED: CustomMetricDeclaration[] = [
  { name: 'cost_usd', kind: 'trend' },
  { name: 'acquire_ms', kind: 'trend', unit: 'ms' },
  { name: 'cache_hit', kind: 'rate' },
  { name: 'orders', kind: 'counter' },
  { name: 'pool_waiting', kind: 'gauge' },
];

const FIGURES: Record<string, CustomMetricFigures> = {
  cost_usd: { kind: 'trend', samples: 4, sum: 0.06, min: 0.01, max: 0.025, last: 0, seconds: 10, percentile: (p) => (p >= 95 ? 0.025 : 0.015) },
  acquire_ms: { kind: 'trend', samples: 2, sum: 30, min: 10, max: 20, last: 0, seconds: 10, percentile: () => 20 },
  cache_hit: { kind: 'rate', samples: 10, sum: 9, min: 0, max: 0, last: 0, seconds: 10, percentile: () => 0 },
  orders: { kind: 'counter', samples: 5, sum: 40, min: 0, max: 0, last: 0, seconds: 10, percentile: () => 0 },
  pool_waiting: { kind: 'gauge', samples: 3, sum: 0, min: 0, max: 12, last: 4, seconds: 10, percentile: () => 0 },
};

const source: StatsSource = {
  select: () => ({ rows: 0, requests: 0, failures: 0, seconds: 10, latency: null, checks: { passes: 0, fails: 0 } }),
  customMetric: (name) => FIGURES[name] ?? null,
};

function judged(expression: string): { ok: boolean; actualText: string; note?: string } {
  const specs = parseThresholds([expression], 'test');
  checkCustomMetricThresholds(specs, DECLARED);
  const { ok, actualText, note } = evaluateThreshold(specs[0]!, source);
  return note === undefined ? { ok, actualText } : { ok, actualText, note };
}

describe('custom-metric thresholds', () => {
  it.each([
    ['metric=cost_usd:p95<0.02', false, '0.025'],
    ['metric=cost_usd:avg<0.02', true, '0.015'],
    ['metric=cost_usd:med<=0.015', true, '0.015'],
    ['metric=cost_usd:max<0.03', true, '0.025'],
    ['metric=acquire_ms:p95<25ms', true, '20ms'],
    ['metric=acquire_ms:min>=0.01s', true, '10ms'],
    ['metric=cache_hit:rate>0.9', false, '90.00%'],
    ['metric=cache_hit:rate>=90%', true, '90.00%'],
    ['metric=orders:count>10', true, '40'],
    ['metric=orders:rate>5/s', false, '4/s'],
    ['metric=pool_waiting:last<5', true, '4'],
    ['metric=pool_waiting:max<10', false, '12'],
  ])('%s → ok %s, actual %s', (expression, ok, actualText) => {
    expect(judged(expression)).toEqual({ ok, actualText });
  });

  it('fails with a reason when the metric recorded nothing', () => {
    const specs = parseThresholds(['metric=cost_usd:p95<1'], 'test');
    const verdict = evaluateThreshold(specs[0]!, { ...source, customMetric: () => null });
    expect(verdict).toMatchObject({ ok: false, actualText: 'no data', note: 'metric cost_usd recorded nothing' });
  });

  it('names an undeclared metric and lists the declared ones', () => {
    const specs = parseThresholds(['metric=costs:p95<1'], 'test');
    expect(() => checkCustomMetricThresholds(specs, DECLARED)).toThrow(
      "threshold 'metric=costs:p95<1': no custom metric 'costs' (declared: cost_usd, acquire_ms, cache_hit, orders, pool_waiting)",
    );
    expect(() => checkCustomMetricThresholds(specs, [])).toThrow('the scenario declares no metrics');
  });

  it("knows the protocols' built-in metrics without a declaration, and checks their stats too", () => {
    const builtIn: CustomMetricDeclaration[] = [{ name: 'ws_messages_received', kind: 'counter' }];
    const specs = parseThresholds(['metric=ws_messages_received:rate>10/s'], 'test');
    checkCustomMetricThresholds(specs, [], builtIn);
    expect(specs[0]?.metric).toMatchObject({ kind: 'custom', name: 'ws_messages_received', metricKind: 'counter' });
    const wrong = parseThresholds(['metric=ws_messages_received:p95<1'], 'test');
    expect(() => checkCustomMetricThresholds(wrong, [], builtIn)).toThrow('a counter has count, rate');
    expect(() => checkCustomMetricThresholds(specs, [])).toThrow("no custom metric 'ws_messages_received'");
  });

  it('says which stats a kind has', () => {
    const specs = parseThresholds(['metric=pool_waiting:p95<1', 'metric=orders:rate>0.5'], 'test');
    expect(() => checkCustomMetricThresholds(specs, DECLARED)).toThrow(
      "threshold 'metric=pool_waiting:p95<1': a gauge has last, min, max\n" +
        "threshold 'metric=orders:rate>0.5': a counter has count, rate (per second: rate>5/s)",
    );
  });

  it('rejects unknown stats, bad names and bad values while parsing', () => {
    expect(() => parseThresholdExpression('metric=cost_usd:p50x<1')).toThrow("unknown custom-metric stat 'p50x'");
    expect(() => parseThresholdExpression('metric=Cost:p95<1')).toThrow("'Cost' is not a metric name");
    expect(() => parseThresholdExpression('metric=cost_usd:p95<cheap')).toThrow("'cheap' is not a value for p95");
    expect(() => parseThresholdExpression('metric=cost_usd:p(150)<1')).toThrow('out of range');
  });
});
