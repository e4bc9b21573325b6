/**
 * `volley compare` on custom metrics: each kind judged with the request rows' machinery in its
 * direction (declared, or the kind's default), gauges and undirected counters shown only, metrics
 * of one run listed as such, and regressions counted toward the comparison's verdict.
 */

import { describe, expect, it } from 'vitest';
import { compareResults } from '../../../src/compare/compare-results.js';
import type { Comparison, CustomMetricComparison } from '../../../src/compare/comparison.js';
import { createRandom } from '../../../src/compare/random.js';
import { comparisonExitCode } from '../../../src/cli/compare-command.js';
import { TREND_SCALE } from '../../../src/metrics/custom-metric.js';
import { createHistogram, encodeHistogram } from '../../../src/metrics/histogram.js';
import type { CustomMetricStats, Result } from '../../../src/metrics/result.js';
import { renderComparisonHtml } from '../../../src/outputs/compare/compare-html.js';
import { renderComparisonMarkdown } from '../../../src/outputs/compare/compare-markdown.js';
import { renderComparisonText } from '../../../src/outputs/compare/compare-text.js';
import { lognormalHistogram, result, stats } from './fixtures.js';

/** A trend of `count` lognormal values around `median`, with its figures as a Result has them. */
function trend(name: string, seed: number, median: number, extra: Partial<CustomMetricStats> = {}): CustomMetricStats {
  const random = createRandom(seed);
  const histogram = createHistogram();
  const values: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const value = median * Math.exp(0.3 * random.normal());
    values.push(value);
    histogram.recordValue(Math.round(value * TREND_SCALE));
  }
  values.sort((a, b) => a - b);
  const at = (p: number): number => values[Math.ceil((p / 100) * values.length) - 1]!;
  return {
    name,
    kind: 'trend',
    samples: values.length,
    avg: values.reduce((a, b) => a + b, 0) / values.length,
    min: values[0]!,
    max: values.at(-1)!,
    med: at(50),
    p90: at(90),
    p95: at(95),
    p99: at(99),
    histogram: encodeHistogram(histogram),
    ...extra,
  };
}

function rate(name: string, trues: number, samples: number, extra: Partial<CustomMetricStats> = {}): CustomMetricStats {
  return { name, kind: 'rate', samples, trues, rate: trues / samples, ...extra };
}

function counter(name: string, sum: number, extra: Partial<CustomMetricStats> = {}): CustomMetricStats {
  return { name, kind: 'counter', samples: sum, sum, perSecond: sum / 10, ...extra };
}

function gauge(name: string, last: number, min: number, max: number): CustomMetricStats {
  return { name, kind: 'gauge', samples: 5, last, min, max };
}

const requests = lognormalHistogram({ seed: 1, count: 2000, medianMs: 20 });

function run(metrics: CustomMetricStats[] | undefined): Result {
  const base = result({ totals: stats(requests) });
  return metrics === undefined ? base : { ...base, metrics };
}

function compare(before: CustomMetricStats[] | undefined, after: CustomMetricStats[] | undefined): Comparison {
  return compareResults(run(before), run(after), { seed: 7 });
}

function metric(comparison: Comparison, name: string): CustomMetricComparison {
  const found = comparison.metrics?.find((m) => m.name === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
}

function verdicts(m: CustomMetricComparison): Record<string, string> {
  return Object.fromEntries(m.stats.map((s) => [s.stat, s.verdict]));
}

describe('comparing custom metrics', () => {
  it('has no custom-metric section when neither run has any', () => {
    expect(compare(undefined, undefined).metrics).toBeUndefined();
  });

  it('judges a trend that doubled as regressed (lower is better), through the latency bootstrap', () => {
    const comparison = compare([trend('cost_usd', 1, 0.01)], [trend('cost_usd', 2, 0.02)]);
    const cost = metric(comparison, 'cost_usd');
    expect(cost).toMatchObject({ kind: 'trend', better: 'lower', presence: 'both', verdict: 'regressed' });
    expect(verdicts(cost)).toEqual({ avg: 'n/a', p50: 'regressed', p95: 'regressed', p99: 'regressed' });
    const p50 = cost.stats.find((s) => s.stat === 'p50')!;
    expect(p50.unit).toBe('number');
    expect(p50.baseline).toBeCloseTo(0.01, 3);
    expect(p50.current).toBeCloseTo(0.02, 3);
    expect(p50.evidence.kind).toBe('bootstrap');
    expect(comparison.verdict).toBe('regressed');
    expect(comparisonExitCode(comparison)).toBe(1);
  });

  it('turns the verdict round for a trend declared better higher, and finds no change in the same distribution', () => {
    const higher = compare([trend('score', 1, 0.01, { better: 'higher' })], [trend('score', 2, 0.02, { better: 'higher' })]);
    expect(metric(higher, 'score')).toMatchObject({ better: 'higher', verdict: 'improved' });
    expect(comparisonExitCode(higher)).toBe(0);
    const same = compare([trend('cost_usd', 1, 0.01)], [trend('cost_usd', 2, 0.01)]);
    expect(metric(same, 'cost_usd').verdict).toBe('unchanged');
  });

  it('reads a trend in ms as milliseconds', () => {
    const comparison = compare([trend('acquire_ms', 1, 12, { unit: 'ms' })], [trend('acquire_ms', 2, 12, { unit: 'ms' })]);
    const p95 = metric(comparison, 'acquire_ms').stats.find((s) => s.stat === 'p95')!;
    expect(p95.unit).toBe('ms');
    expect(p95.baseline).toBeGreaterThan(12);
    expect(p95.baseline).toBeLessThan(25);
  });

  it('judges a rate by the two-proportion test, higher being better unless declared', () => {
    const dropped = compare([rate('cache_hit', 900, 1000)], [rate('cache_hit', 700, 1000)]);
    const hit = metric(dropped, 'cache_hit');
    expect(hit).toMatchObject({ better: 'higher', verdict: 'regressed' });
    expect(hit.stats[0]).toMatchObject({ stat: 'rate', unit: 'fraction', baseline: 0.9, current: 0.7 });
    expect(hit.stats[0]?.evidence.kind).toBe('two-proportion');
    const declaredLower = compare([rate('timeouts', 900, 1000, { better: 'lower' })], [rate('timeouts', 700, 1000, { better: 'lower' })]);
    expect(metric(declaredLower, 'timeouts').verdict).toBe('improved');
    const noise = compare([rate('cache_hit', 900, 1000)], [rate('cache_hit', 890, 1000)]);
    expect(metric(noise, 'cache_hit').verdict).toBe('unchanged');
  });

  it('shows a counter without a direction and never fails on it; judges its rate once declared', () => {
    const shown = compare([counter('orders', 1000)], [counter('orders', 200)]);
    const orders = metric(shown, 'orders');
    expect(orders).toMatchObject({ better: null, verdict: 'unchanged' });
    expect(verdicts(orders)).toEqual({ sum: 'n/a', perSecond: 'n/a' });
    expect(orders.stats[1]?.change).toBe(-80);
    expect(comparisonExitCode(shown)).toBe(0);
    const declared = compare([counter('orders', 1000, { better: 'higher' })], [counter('orders', 200, { better: 'higher' })]);
    expect(verdicts(metric(declared, 'orders'))).toEqual({ sum: 'n/a', perSecond: 'regressed' });
    expect(comparisonExitCode(declared)).toBe(1);
  });

  it('shows a gauge side by side without a verdict', () => {
    const comparison = compare([gauge('pool_waiting', 3, 0, 9)], [gauge('pool_waiting', 30, 0, 90)]);
    const pool = metric(comparison, 'pool_waiting');
    expect(pool.stats.map((s) => [s.stat, s.baseline, s.current, s.verdict])).toEqual([
      ['last', 3, 30, 'n/a'],
      ['min', 0, 0, 'n/a'],
      ['max', 9, 90, 'n/a'],
    ]);
    expect(comparison.verdict).toBe('unchanged');
  });

  it('lists a metric of one run only as added or removed, and does not compare different kinds', () => {
    const comparison = compare([counter('orders', 10), gauge('queue', 1, 1, 1)], [rate('cache_hit', 1, 2), rate('queue', 1, 2)]);
    expect(comparison.metrics?.map((m) => [m.name, m.presence, m.verdict])).toEqual([
      ['cache_hit', 'added', 'added'],
      ['orders', 'removed', 'removed'],
      ['queue', 'both', 'unchanged'],
    ]);
    expect(metric(comparison, 'orders').samples).toEqual({ baseline: 10, current: null });
    expect(metric(comparison, 'queue').note).toBe('declared as a gauge in the baseline and a rate now: not compared');
  });
});

describe('rendering custom-metric comparisons', () => {
  const comparison = compare(
    [trend('cost_usd', 1, 0.01), counter('orders', 100), gauge('pool_waiting', 3, 0, 9)],
    [trend('cost_usd', 2, 0.02), counter('orders', 100), rate('cache_hit', 8, 10)],
  );

  it('adds a custom-metric table to the terminal output', () => {
    const text = renderComparisonText(comparison, { width: 160 });
    const lines = text.split('\n');
    expect(text).toContain('Custom metric');
    expect(lines.some((l) => /cost_usd \(trend\)\s+2,000 samples\s+2,000 samples\s+lower is better$/.test(l))).toBe(true);
    expect(lines.some((l) => /orders \(counter\).*no direction declared$/.test(l))).toBe(true);
    const p95 = lines.filter((l) => l.trim().startsWith('p95'));
    expect(p95.at(-1)).toContain('✗ regressed');
    expect(lines.some((l) => l.includes('pool_waiting (gauge)') && l.includes('only in the baseline run'))).toBe(true);
    expect(text).toContain("Custom metrics: a trend's percentiles are judged as latency percentiles");
    for (const line of lines) expect(line).toBe(line.trimEnd());
  });

  it('adds a custom-metric table to Markdown, 8 cells a row', () => {
    const md = renderComparisonMarkdown(comparison);
    expect(md).toContain('| Custom metric | Figure | Baseline | Current | Change | % | 95% interval | Verdict |');
    const start = md.indexOf('| Custom metric');
    const rows = md.slice(start).split('\n').filter((line) => line.startsWith('|')).slice(2);
    expect(rows.length).toBe(4 + 2 + 1 + 1);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(8);
    expect(md).toContain('| **cost\\_usd (trend)** lower is better | avg |');
  });

  it('adds a custom-metric table to the HTML page', () => {
    const html = renderComparisonHtml(comparison);
    expect(html).toContain('<th>Custom metric</th>');
    expect(html).toContain('cost_usd (trend)');
    expect(html).toContain('<td class="muted">lower is better</td>');
    expect(html).toContain('only in the current run');
  });
});
