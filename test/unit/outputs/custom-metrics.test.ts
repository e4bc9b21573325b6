/** Custom metrics in every report: summary, Markdown, HTML, CSV, Prometheus and JUnit. */

import { describe, expect, it } from 'vitest';
import type { CustomMetricStats, Result } from '../../../src/metrics/result.js';
import { formatMetricsCsv } from '../../../src/outputs/csv/metric-rows.js';
import { renderHtmlReport } from '../../../src/outputs/html/index.js';
import { formatJUnitReport } from '../../../src/outputs/junit/index.js';
import { formatMarkdownSummary } from '../../../src/outputs/markdown/index.js';
import { renderExposition } from '../../../src/outputs/prometheus/index.js';
import { formatSummary } from '../../../src/outputs/summary.js';
import { fixtureResult } from './fixture-result.js';
import { parseExposition } from './prometheus/exposition-grammar.js';

const METRICS: CustomMetricStats[] = [
  { name: 'acquire_ms', kind: 'trend', unit: 'ms', samples: 30, avg: 56, min: 2, max: 110, med: 50, p90: 104, p95: 108, p99: 110, histogram: '' },
  { name: 'cache_hit', kind: 'rate', samples: 30, trues: 10, rate: 1 / 3 },
  { name: 'cost_usd', kind: 'trend', samples: 30, avg: 0.0123, min: 0.001, max: 0.05, med: 0.012, p90: 0.02, p95: 0.025, p99: 0.04, histogram: '' },
  { name: 'orders', kind: 'counter', samples: 30, sum: 840, perSecond: 28 },
  { name: 'pool_waiting', kind: 'gauge', samples: 60, last: 7, min: 1, max: 55 },
];

function withMetrics(): Result {
  const result = fixtureResult();
  result.metrics = METRICS;
  result.thresholds = [
    { expression: 'metric=cost_usd:p95<0.02', ok: false, actual: 0.025, actualText: '0.025', abortOnFail: false },
  ];
  return result;
}

describe('custom metrics in the reports', () => {
  it('has a Custom metrics block in the summary, one line per metric', () => {
    const text = formatSummary(withMetrics(), { color: false, width: 140 });
    const block = text.slice(text.indexOf('Custom metrics'));
    expect(block).toContain('acquire_ms    trend    avg 56ms · min 2ms · med 50ms · max 110ms · p90 104ms · p95 108ms · p99 110ms');
    expect(block).toContain('cache_hit     rate     33.3% (10 of 30)');
    expect(block).toContain('cost_usd      trend    avg 0.0123 · min 0.001 · med 0.012 · max 0.05 · p90 0.02 · p95 0.025 · p99 0.04');
    expect(block).toContain('orders        counter  840 (28/s)');
    expect(block).toContain('pool_waiting  gauge    last 7 · min 1 · max 55');
    expect(formatSummary(fixtureResult(), { color: false })).not.toContain('Custom metrics');
  });

  it('has a Custom metrics table in Markdown', () => {
    const text = formatMarkdownSummary(withMetrics());
    expect(text).toContain('### Custom metrics');
    expect(text).toContain('| cache\\_hit | rate | 33.3% (10 of 30) |');
  });

  it('has a Custom metrics section in the HTML report', () => {
    const page = renderHtmlReport(withMetrics());
    expect(page).toContain('id="custom-metrics"');
    expect(page).toContain('last 7 · min 1 · max 55');
  });

  it('writes prefix_metrics.csv with every statistic a column', () => {
    const lines = formatMetricsCsv(withMetrics())?.split('\r\n') ?? [];
    expect(lines[0]).toBe('Name,Kind,Unit,Samples,Sum,Per Second,Last,Min,Max,True,Rate,Avg,Median,90%,95%,99%');
    expect(lines[4]).toBe('orders,counter,,30,840.0,28.0,,,,,,,,,,');
    expect(formatMetricsCsv(fixtureResult())).toBeNull();
  });

  it('exposes volley_metric_* families that stay valid exposition text', () => {
    const text = renderExposition({ scenario: 'shop', start: null, progress: null, result: withMetrics() });
    const families = parseExposition(text);
    const names = families.map((family) => `${family.name} ${family.type}`).filter((name) => name.startsWith('volley_metric_'));
    expect(names).toEqual([
      'volley_metric_counter_total counter',
      'volley_metric_gauge gauge',
      'volley_metric_gauge_min gauge',
      'volley_metric_gauge_max gauge',
      'volley_metric_rate_ratio gauge',
      'volley_metric_rate_samples_total counter',
      'volley_metric_trend summary',
      'volley_metric_trend_min gauge',
      'volley_metric_trend_max gauge',
    ]);
    expect(text).toContain('volley_metric_counter_total{run="shop",metric="orders"} 840\n');
    expect(text).toContain('volley_metric_trend{run="shop",metric="cost_usd",quantile="0.95"} 0.025\n');
    expect(text).toContain('volley_metric_trend_count{run="shop",metric="acquire_ms"} 30\n');
    for (const line of text.slice(0, -1).split('\n')) {
      if (!line.startsWith('#')) expect(line).toMatch(/^volley_[a-z0-9_]+\{[^\n]*\} \S+$/);
    }
  });

  it('makes a custom-metric threshold a JUnit case', () => {
    const xml = formatJUnitReport(withMetrics());
    expect(xml).toContain('testcase name="metric=cost_usd:p95&lt;0.02"');
  });
});
