import { describe, expect, it } from 'vitest';
import { compareResults } from '../../../src/compare/compare-results.js';
import { analyzeTrend } from '../../../src/compare/trend.js';
import { stripAnsi } from '../../../src/outputs/color.js';
import { renderComparisonHtml } from '../../../src/outputs/compare/compare-html.js';
import { renderComparisonMarkdown } from '../../../src/outputs/compare/compare-markdown.js';
import { renderComparisonText } from '../../../src/outputs/compare/compare-text.js';
import { renderHistoryHtml } from '../../../src/outputs/compare/history-html.js';
import { renderHistoryText, renderScenarioList } from '../../../src/outputs/compare/history-text.js';
import { endpoint, histogramOf, lognormalHistogram, result, stats } from './fixtures.js';

const h = (seed: number, medianMs: number, failures = 0) =>
  stats(lognormalHistogram({ seed, count: 2000, medianMs }), { rps: 200, failures });

const comparison = compareResults(
  result({
    totals: h(1, 20),
    endpoints: [
      endpoint({ name: '/a|b <script>alert(1)</script>' }, h(2, 20)),
      endpoint({ name: '/old' }, h(3, 5)),
    ],
  }),
  result({
    totals: h(11, 27, 60),
    endpoints: [
      endpoint({ name: '/a|b <script>alert(1)</script>' }, h(12, 20)),
      endpoint({ name: '/new' }, h(13, 5)),
    ],
  }),
  { baselineLabel: 'a.json', currentLabel: 'b.json' },
);

describe('terminal comparison', () => {
  const text = renderComparisonText(comparison, { color: false, width: 140 });

  it('shows every metric with values, change and verdict', () => {
    const total = comparison.total.metrics.find((m) => m.metric === 'p50');
    const p50 = text.split('\n').find((line) => line.trim().startsWith('p50'));
    expect(p50).toContain(`${total?.baseline?.toFixed(1)}ms`);
    expect(p50).toMatch(/\+\d+\.\d+ms\s+\+\d+\.\d%\s+\+[\d.]+ … \+[\d.]+ ms\s+✗ regressed$/);
    expect(text).toContain('no significant change');
    expect(text).toMatch(/U GET \/old\s+[\d,]+ req\s+only in the baseline run\s+− removed/);
    expect(text).toMatch(/U GET \/new\s+[\d,]+ req\s+only in the current run\s+\+ added/);
    expect(text).toContain('✗ REGRESSED: ');
    expect(text).toContain('a.json');
  });

  it('uses colour only when asked, and lays out the same either way', () => {
    expect(text).not.toContain('\u001b[');
    const coloured = renderComparisonText(comparison, { color: true, width: 140 });
    expect(coloured).toContain('\u001b[31m✗ regressed\u001b[39m');
    expect(stripAnsi(coloured)).toBe(text);
  });

  it('leaves no trailing blanks', () => {
    for (const line of text.split('\n')) expect(line).toBe(line.trimEnd());
  });
});

describe('Markdown comparison', () => {
  const md = renderComparisonMarkdown(comparison);
  it('is one table row per metric with escaped cells', () => {
    expect(md).toContain('| **Total** | requests/s |');
    expect(md).toContain('/a\\|b \\<script\\>alert(1)\\</script\\>');
    const rows = md.split('\n').filter((line) => line.startsWith('| **') || line.startsWith('|  |'));
    expect(rows).toHaveLength(5 + 5 + 2);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(8);
    expect(md).toContain('🔴 **REGRESSED**');
  });
});

describe('HTML comparison', () => {
  const page = renderComparisonHtml(comparison);
  it('is self-contained and escapes names', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script|<link|https?:\/\//i);
    expect(page).toContain('/a|b &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('class="banner regressed"');
    expect((page.match(/class="v-regressed"/g) ?? []).length).toBe(comparison.counts.regressed);
  });
});

describe('history output', () => {
  const runs = [20, 20, 20, 20, 28, 28].map((medianMs, i) =>
    result({
      startedAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
      totals: stats(lognormalHistogram({ seed: 40 + i, count: 1500, medianMs }), { rps: 100 }),
    }),
  );
  const points = analyzeTrend(runs);

  it('prints the runs with verdicts and where the regression began', () => {
    const text = renderHistoryText('checkout', points, { color: false });
    const lines = text.split('\n');
    expect(lines[0]).toBe('volley history: checkout (6 runs)');
    expect(lines.find((l) => l.includes('2025-01-01'))).toContain('first run');
    expect(lines.find((l) => l.includes('2025-01-05'))).toMatch(
      /✗ regressed: .*p50 \+\d+\.\d%.*◀ regression began here$/,
    );
    expect(lines.find((l) => l.includes('2025-01-06'))).not.toContain('began');
    expect(text).toContain('Regression began: 2025-01-05 00:00 UTC.');
  });

  it('says how many runs --last hid', () => {
    const text = renderHistoryText('checkout', points.slice(4), { hidden: 4 });
    expect(text.split('\n')[0]).toBe('volley history: checkout (last 2 of 6 runs)');
    expect(text).toMatch(/^\s+5\s+2025-01-05/m);
  });

  it('lists scenarios, or says how to save runs', () => {
    expect(renderScenarioList([], '.volley/history')).toContain('volley run … --save');
    const list = renderScenarioList(
      [
        {
          scenario: 'Checkout / EU',
          slug: 'checkout-eu',
          runs: 12,
          first: '2025-01-01T00:00:00Z',
          last: '2025-02-01T00:00:00Z',
        },
      ],
      'h',
    );
    expect(list).toMatch(/Checkout \/ EU\s+checkout-eu\s+12\s+2025-01-01 00:00 UTC\s+2025-02-01 00:00 UTC/);
  });

  it('writes a self-contained chart page with uPlot inlined and the regression marked', () => {
    const page = renderHistoryHtml('checkout <b>', points);
    expect(page).not.toMatch(/<script[^>]*\bsrc=|<link|url\(\s*['"]?https?:/i);
    expect(page).toContain('uPlot');
    expect(page).toContain('checkout &lt;b&gt;');
    const data = JSON.parse(
      /<script type="application\/json" id="trend-data">(.*?)<\/script>/s.exec(page)?.[1] ?? '',
    );
    expect(data.began).toEqual([Date.parse('2025-01-05T00:00:00.000Z') / 1000]);
    expect(data.p50).toEqual(points.map((p) => p.p50));
    expect(page).toContain('◀ regression began here');
  });

  it('still renders its table without the chart library', () => {
    const page = renderHistoryHtml('checkout', points, {
      assets: { uplot: null, script: 'drawn()', missing: ['the chart library (the uplot package) cannot be read (ENOENT)'] },
    });
    expect(page).not.toContain('<script>');
    expect(page).toContain('Charts are unavailable: the chart library (the uplot package) cannot be read (ENOENT).');
    expect(page).toContain('regression began here');
  });

  it('reads an empty histogram run as missing numbers, not zeros', () => {
    const empty = result({ totals: { ...stats(histogramOf([])), requests: 0 } });
    const text = renderHistoryText('x', analyzeTrend([empty]));
    expect(text).toMatch(/—\s+—\s+—\s+—\s+first run/);
  });
});
