/**
 * `--html report.html`: one self-contained page that opens offline, rendered from the Result
 * alone. The sections are rendered here in Node as escaped HTML (see html.ts); the charts are
 * specs embedded as JSON that the inlined uPlot draws in the browser. The Result itself is
 * embedded too, so the file carries its own data.
 *
 * Page order: verdict, warnings, thresholds beside the run's facts, charts over time, latency
 * distribution, endpoints, status codes, errors, checks, the load generator's health. A new
 * section is a file in sections/ and one entry in `layout`.
 */

import type { Result } from '../../metrics/result.js';
import { pageAssets } from '../assets.js';
import { type ChartSpec, distributionChart, monitorCharts, timeCharts } from './chart-data.js';
import { html, isEmpty, type SafeHtml, trusted } from './html.js';
import { assetScripts, assetStyles, missingAssetsNotice } from './page-assets.js';
import { jsonForScript } from './script-text.js';
import { formatInstant } from './sections/card.js';
import { checksSection } from './sections/checks.js';
import { customMetricsSection } from './sections/custom-metrics.js';
import { distributionSection } from './sections/distribution.js';
import { endpointsSection } from './sections/endpoints.js';
import { errorsSection } from './sections/errors.js';
import { monitorSection } from './sections/monitor.js';
import { overTimeSection } from './sections/over-time.js';
import { phasesSection } from './sections/phases.js';
import { runInfoSection, warningsSection } from './sections/run-info.js';
import { slowestSection } from './sections/slowest.js';
import { statusCodesSection } from './sections/status-codes.js';
import { thresholdsSection } from './sections/thresholds.js';
import { verdictSection } from './sections/verdict.js';
import { REPORT_CSS } from './styles.js';

/** What the page embeds in `<script type="application/json" id="volley-data">`. */
export interface ReportData {
  /** Chart specs the page script draws, in page order. */
  charts: ChartSpec[];
  /** The complete Result the report was rendered from. */
  result: Result;
}

export const REPORT_DATA_ID = 'volley-data';

interface Block {
  id: string;
  /** The label in the page's navigation; empty for blocks that are not listed. */
  label: string;
  body: SafeHtml;
}

/** Two blocks side by side on wide screens; one alone takes the full width. */
function pair(left: Block, right: Block): SafeHtml {
  if (isEmpty(left.body)) return right.body;
  if (isEmpty(right.body)) return left.body;
  return html`<div class="pair">${left.body}${right.body}</div>`;
}

function layout(result: Result, distribution: ChartSpec | null): { blocks: Block[]; body: SafeHtml } {
  const block = (id: string, label: string, body: SafeHtml): Block => ({ id, label, body });
  const thresholds = block('thresholds', 'Thresholds', thresholdsSection(result));
  const run = block('run', 'Run', runInfoSection(result));
  const rest = [
    block('over-time', 'Over time', overTimeSection(result)),
    block('distribution', 'Distribution', distributionSection(result, distribution)),
    block('endpoints', 'Requests', endpointsSection(result)),
    block('slowest', 'Slowest requests', slowestSection(result)),
    block('phases', 'Phases', phasesSection(result)),
    block('status-codes', 'Status codes', statusCodesSection(result)),
    block('errors', 'Errors', errorsSection(result)),
    block('checks', 'Checks', checksSection(result)),
    block('custom-metrics', 'Custom metrics', customMetricsSection(result)),
    block('generator', 'Load generator', monitorSection(result)),
  ];
  const body = html`${verdictSection(result)}
${warningsSection(result)}
${pair(thresholds, run)}
${rest.map((b) => html`${b.body}\n`)}`;
  return { blocks: [thresholds, run, ...rest].filter((b) => !isEmpty(b.body)), body };
}

export function renderHtmlReport(result: Result): string {
  const distribution = distributionChart(result);
  const charts = [
    ...timeCharts(result),
    ...(distribution === null ? [] : [distribution]),
    ...monitorCharts(result),
  ];
  const data: ReportData = { charts, result };
  const { blocks, body } = layout(result, distribution);
  const assets = pageAssets('report');
  const title = `${result.scenario.name} · ${result.outcome.toUpperCase()} · volley report`;
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="volley ${result.volley}">
<title>${title}</title>
${assetStyles(assets)}
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<div class="page">
<header class="topbar">
<span class="brand">volley</span>
<h1>${result.scenario.name}</h1>
<span class="when">${formatInstant(result.startedAt)}</span>
</header>
<nav class="toc" aria-label="Sections">${blocks.map((b) => html`<a href="#${b.id}">${b.label}</a>`)}</nav>
<main>
${missingAssetsNotice(assets)}${body}
</main>
<footer>Generated by volley ${result.volley} from a Result of schema ${result.schema}. The complete Result is embedded in this file (script#${REPORT_DATA_ID}).</footer>
</div>
<script type="application/json" id="${REPORT_DATA_ID}">${trusted(jsonForScript(data))}</script>
${assetScripts(assets)}
</body>
</html>
`;
  return page.text;
}
