/**
 * `volley history --html`: one scenario's runs as a self-contained page: charts of latency
 * percentiles, throughput and error rate over time (uPlot, inlined), a dashed red line where a
 * sustained regression began, and the table of runs with their verdicts.
 */

import type { TrendPoint } from '../../compare/trend.js';
import { formatCount, formatDuration, formatPercent, formatRate, MISSING } from '../../core/units/index.js';
import type { TrendChartData } from './browser/trend-chart-data.js';
import { formatWhen } from './cells.js';
import { REGRESSION_BEGAN, trendVerdictText } from './history-cells.js';
import { escapeHtml, htmlPage, jsonForScript, verdictClass } from './html-page.js';
import { type PageAssets, pageAssets } from '../assets.js';

function chartData(points: readonly TrendPoint[]): TrendChartData {
  const t = points.map((p) => Date.parse(p.startedAt) / 1000);
  return {
    t,
    p50: points.map((p) => p.p50),
    p95: points.map((p) => p.p95),
    p99: points.map((p) => p.p99),
    rps: points.map((p) => p.rps),
    errors: points.map((p) => (p.errorRate === null ? null : p.errorRate * 100)),
    began: points.flatMap((p, i) => (p.regressionBegan ? [t[i] as number] : [])),
  };
}

function runsTable(points: readonly TrendPoint[], hidden: number): string {
  const ms = (value: number | null): string => escapeHtml(value === null ? MISSING : formatDuration(value, 'latency'));
  const rows = points.map((p, i) => {
    const began = p.regressionBegan ? `<br><span class="marker">◀ ${REGRESSION_BEGAN}</span>` : '';
    return `<tr><td class="num muted">${hidden + i + 1}</td><td>${escapeHtml(formatWhen(p.startedAt, { seconds: true }))}</td><td>${escapeHtml(p.volley)}</td><td class="num">${formatCount(p.requests)}</td><td class="num">${escapeHtml(formatRate(p.rps))}</td><td class="num">${escapeHtml(p.errorRate === null ? MISSING : formatPercent(p.errorRate, 2))}</td><td class="num">${ms(p.p50)}</td><td class="num">${ms(p.p95)}</td><td class="num">${ms(p.p99)}</td><td class="wrap ${verdictClass(p.verdict)}">${escapeHtml(trendVerdictText(p))}${began}</td></tr>`;
  });
  return `<table><thead><tr><th class="num">#</th><th>Started</th><th>volley</th><th class="num">Requests</th><th class="num">req/s</th><th class="num">Errors</th><th class="num">p50</th><th class="num">p95</th><th class="num">p99</th><th>Verdict</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

export function renderHistoryHtml(
  scenario: string,
  points: readonly TrendPoint[],
  options: { window?: number; hidden?: number; assets?: PageAssets } = {},
): string {
  const assets = options.assets ?? pageAssets('history');
  const charted = assets.uplot !== null && assets.script !== null;
  const began = points.filter((p) => p.regressionBegan);
  const summary =
    began.length === 0
      ? 'No sustained regression in these runs.'
      : `Regression began: ${began.map((p) => formatWhen(p.startedAt)).join(', ')} (dashed red line).`;
  const charts = !charted
    ? `<p class="muted">Charts are unavailable: ${escapeHtml(assets.missing.join('; '))}.</p>`
      : `<h2>Latency</h2><div id="chart-latency" class="chart"></div>
<h2>Throughput</h2><div id="chart-rps" class="chart"></div>
<h2>Error rate</h2><div id="chart-errors" class="chart"></div>`;
  const body = `
<h1><span class="brand">volley</span>history: ${escapeHtml(scenario)}</h1>
<p class="muted">${points.length} runs. Each run is compared with the median of the ${options.window ?? 5} runs before it. ${escapeHtml(summary)}</p>
<div class="card">${charts}</div>
<div class="card">${runsTable(points, options.hidden ?? 0)}</div>
<script type="application/json" id="trend-data">${jsonForScript(chartData(points))}</script>
${charted ? `<script>${assets.uplot?.js ?? ''}</script>\n<script>${assets.script ?? ''}</script>` : ''}`;
  return htmlPage({
    title: `volley history: ${scenario}`,
    body,
    head: charted ? `<style>${assets.uplot?.css ?? ''}</style>` : '',
  });
}
