/**
 * The page `volley run --ui` serves at `/`: one static document with its CSS, uPlot and its script
 * (src/ui/browser/, bundled: see outputs/assets.ts) inlined, so the browser asks the server for
 * nothing but the event stream (`events`), the actions (`api/start`, `api/load`, `api/reset`,
 * `api/stop`, `api/new`) and the downloads, all by relative URL. Nothing from the run is rendered here:
 * every name and figure arrives later as JSON (see ui-messages.ts) and reaches the DOM through
 * `textContent`, so a user script's endpoint names cannot inject markup.
 *
 * The look is the HTML report's (its stylesheet is inlined first), with UI_CSS on top.
 */

import { pageAssets } from '../outputs/assets.js';
import { assetScripts, assetStyles, html, missingAssetsNotice, REPORT_CSS, trusted } from '../outputs/html/index.js';
import { UI_CSS } from './page-styles.js';

const ms = html`<span class="unit">ms</span>`;

const START_FORM = html`<section class="card start-card" id="start" hidden aria-labelledby="start-title">
<header class="card-head"><h2 id="start-title">Start a new load test</h2></header>
<p class="lead" id="plain-load">Users are started at the ramp-up rate until the number of users is reached.</p>
<p class="lead" id="fixed-load" hidden></p>
<ul class="classes" id="start-classes" aria-label="User classes to run (weight)"></ul>
<form id="start-form" novalidate>
<div id="load-fields">
<div class="field-row">
<label class="field"><span class="label">Number of users <span class="hint">(peak concurrency)</span></span>
<input id="f-users" name="users" type="number" min="1" step="1" inputmode="numeric" required></label>
<label class="field"><span class="label">Ramp up <span class="hint">(users started/s)</span></span>
<input id="f-spawn-rate" name="spawnRate" type="number" min="0" step="any" inputmode="decimal" required></label>
</div>
<label class="field"><span class="label">Run time <span class="hint">(optional, e.g. 30s, 5m)</span></span>
<input id="f-run-time" name="runTime" type="text" autocomplete="off" spellcheck="false" placeholder="until stopped"></label>
</div>
<label class="field"><span class="label">Host</span>
<input id="f-host" name="host" type="text" autocomplete="off" spellcheck="false" placeholder="the target's base URL"></label>
<div class="form-actions"><button type="submit" class="btn primary" id="start-button">Start</button></div>
<p class="form-error" id="start-error" role="alert" hidden></p>
</form>
</section>`;

const STATUS_BAR = html`<section class="card statusbar" aria-label="Run status">
<span class="pill running" id="phase-pill"><span class="dot" aria-hidden="true"></span><span id="phase-word">RUNNING</span></span>
<dl class="figures">
<div><dt>Users</dt><dd id="s-users">—</dd></div>
<div><dt id="s-rps-label">RPS</dt><dd id="s-rps">—</dd></div>
<div><dt id="s-p95-label">p95 now</dt><dd id="s-p95">—</dd></div>
<div><dt>Failures</dt><dd id="s-failures">—</dd></div>
<div><dt>Requests</dt><dd id="s-requests">—</dd></div>
<div><dt>Elapsed</dt><dd><span id="s-elapsed">—</span><span class="of" id="s-planned"></span></dd></div>
</dl>
<div class="actions">
<span class="action-error" id="stop-error" role="alert" hidden></span>
<button type="button" class="btn secondary" id="edit-button" aria-controls="edit-panel" aria-expanded="false" hidden>Edit</button>
<button type="button" class="btn secondary" id="reset-button" hidden>Reset stats</button>
<button type="button" class="btn danger" id="stop-button"><span class="square" aria-hidden="true"></span><span id="stop-label">Stop</span></button>
<a class="btn secondary" id="status-report-link" hidden target="_blank" rel="noopener">Open HTML report</a>
<button type="button" class="btn primary" id="new-test" hidden>New test</button>
</div>
<div class="runbar" aria-hidden="true"><span id="runbar"></span></div>
</section>`;

const EDIT_PANEL = html`<section class="card edit-card" id="edit-panel" hidden aria-labelledby="edit-title">
<header class="card-head"><h2 id="edit-title">Edit running test</h2><span class="card-note">the run ramps from its current users to the new number at this rate, then holds there; users above it finish their task and stop</span></header>
<form id="edit-form" novalidate>
<div class="field-row">
<label class="field"><span class="label">Number of users <span class="hint">(all workers together)</span></span>
<input id="e-users" name="users" type="number" min="1" step="1" inputmode="numeric" required></label>
<label class="field"><span class="label">Ramp up <span class="hint">(users started or stopped/s)</span></span>
<input id="e-spawn-rate" name="spawnRate" type="number" min="0" step="any" inputmode="decimal" required></label>
</div>
<div class="form-actions"><button type="submit" class="btn primary" id="edit-apply">Apply</button>
<button type="button" class="btn secondary" id="edit-cancel">Cancel</button></div>
<p class="form-error" id="edit-error" role="alert" hidden></p>
</form>
</section>`;

const DOWNLOADS = html`<nav class="downloads" aria-label="Download the statistics">
<span class="label">Download</span>
<a href="requests.csv" download>requests.csv</a>
<a href="failures.csv" download>failures.csv</a>
<a href="exceptions.csv" download>exceptions.csv</a>
<a href="stats_history.csv" id="history-download" download hidden>stats_history.csv</a>
<a href="result.json" id="json-download" download hidden>result.json</a>
</nav>`;

const STATS_PANEL = html`<section class="card" id="panel-stats" role="tabpanel" aria-labelledby="tab-stats">
<header class="card-head"><h2>Requests</h2><span class="card-note" id="stats-note">cumulative since the start; current RPS over the last interval</span>${DOWNLOADS}</header>
<div class="table-wrap"><table class="live" id="stats-table">
<colgroup><col class="type"><col class="name"><col class="count"><col class="count"><col class="avg"><col class="ms"><col class="ms"><col class="ms"><col class="ms"><col class="rate"></colgroup>
<thead><tr>
<th class="sortable" data-sort="method">Type<span class="arrow" aria-hidden="true"></span></th>
<th class="sortable" data-sort="name">Name<span class="arrow" aria-hidden="true"></span></th>
<th class="sortable num" data-sort="requests"># Requests<span class="arrow" aria-hidden="true"></span></th>
<th class="sortable num" data-sort="failures"># Fails<span class="arrow" aria-hidden="true"></span></th>
<th class="sortable num" data-sort="avgMs">Average ${ms}<span class="arrow" aria-hidden="true"></span></th>
<th class="sortable num" data-sort="p50Ms">p50 ${ms}<span class="arrow" aria-hidden="true"></span></th>
<th class="sortable num" data-sort="p95Ms">p95 ${ms}<span class="arrow" aria-hidden="true"></span></th>
<th class="sortable num" data-sort="p99Ms">p99 ${ms}<span class="arrow" aria-hidden="true"></span></th>
<th class="sortable num" data-sort="maxMs">Max ${ms}<span class="arrow" aria-hidden="true"></span></th>
<th class="sortable num" data-sort="current">Current RPS<span class="arrow" aria-hidden="true"></span></th>
</tr></thead>
<tbody id="stats-body"><tr><td class="empty" colspan="10">No requests yet.</td></tr></tbody>
<tfoot><tr id="stats-total">
<td></td><td class="total-label">Aggregated</td><td class="num"></td><td class="num"></td><td class="num"></td>
<td class="num"></td><td class="num"></td><td class="num"></td><td class="num"></td><td class="num"></td>
</tr></tfoot>
</table></div>
</section>`;

const CHARTS_PANEL = html`<section class="card" id="panel-charts" role="tabpanel" aria-labelledby="tab-charts" hidden>
<header class="card-head"><h2>Charts</h2><span class="card-note">one point per interval; hover for values</span></header>
<div class="live-charts">
<figure class="chart-figure"><figcaption>Requests and failures per second</figcaption><div class="chart" data-live-chart="throughput" role="img" aria-label="Requests and failures per second"></div></figure>
<div class="chart-grid">
<figure class="chart-figure"><figcaption>Response time: p95 of each interval (ms)</figcaption><div class="chart" data-live-chart="latency" role="img" aria-label="p95 response time"></div></figure>
<figure class="chart-figure"><figcaption>Active users</figcaption><div class="chart" data-live-chart="users" role="img" aria-label="Active users"></div></figure>
</div>
</div>
</section>`;

const FAILURES_PANEL = html`<section class="card" id="panel-failures" role="tabpanel" aria-labelledby="tab-failures" hidden>
<header class="card-head"><h2>Failures</h2><span class="card-note">grouped by request and message, most frequent first</span></header>
<div class="table-wrap"><table class="live" id="failures-table">
<colgroup><col class="f-count"><col class="f-type"><col class="f-name"><col></colgroup>
<thead><tr><th class="num"># Occurrences</th><th>Type</th><th>Name</th><th>Message</th></tr></thead>
<tbody id="failures-body"><tr><td class="empty" colspan="4">No failures.</td></tr></tbody>
</table></div>
</section>`;

const REPORT_PANEL = html`<div id="panel-report" role="tabpanel" aria-labelledby="tab-report" hidden>
<section class="verdict" id="verdict" aria-label="Verdict">
<div class="verdict-main">
<p class="verdict-word"><span class="verdict-mark" id="verdict-mark" aria-hidden="true"></span><span id="verdict-word"></span></p>
<p class="verdict-reason" id="verdict-reason"></p>
<p class="verdict-exit" id="verdict-exit"></p>
</div>
<dl class="tiles" id="verdict-tiles"></dl>
</section>
<section class="warnings" id="warnings" role="alert" aria-labelledby="warnings-title" hidden>
<h2 id="warnings-title"><span aria-hidden="true">⚠</span> <span id="warnings-heading">Warnings</span>: these figures may not be trustworthy</h2>
<ul id="warnings-list"></ul>
</section>
<div class="pair">
<section class="card" id="thresholds" aria-labelledby="thresholds-title">
<header class="card-head"><h2 id="thresholds-title">Thresholds</h2><span class="card-note" id="thresholds-note"></span></header>
<div class="table-wrap" id="thresholds-wrap"><table class="thresholds">
<thead><tr><th><span class="visually-hidden">result</span></th><th>threshold</th><th class="num">actual</th></tr></thead>
<tbody id="thresholds-body"></tbody>
</table></div>
<p class="no-thresholds" id="no-thresholds" hidden>No thresholds were set for this run.</p>
</section>
<section class="card" id="files" aria-labelledby="files-title">
<header class="card-head"><h2 id="files-title">Reports</h2></header>
<div class="files">
<a class="btn primary" id="report-link" target="_blank" rel="noopener">Open the HTML report</a>
<a class="btn secondary" id="result-link" target="_blank" rel="noopener">result.json</a>
<p>The complete report: latency distribution, status codes, errors, checks and the load generator's health.</p>
</div>
</section>
</div>
</div>`;

export function renderUiPage(): string {
  const assets = pageAssets('ui');
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="volley">
<link rel="icon" href="data:,">
<title>volley</title>
${assetStyles(assets)}
<style>${trusted(REPORT_CSS)}</style>
<style>${trusted(UI_CSS)}</style>
</head>
<body>
<div class="page">
<header class="topbar">
<span class="brand">volley</span>
<h1 id="scenario-name"></h1>
<code class="file" id="scenario-file" hidden></code>
<span class="right"><span class="conn" id="connection" role="status" hidden>disconnected</span><span class="when" id="version"></span></span>
</header>
<main>
${missingAssetsNotice(assets)}<section class="card notice" id="connecting"><h2><span class="spinner" aria-hidden="true"></span>Connecting to volley…</h2></section>
<section class="card notice" id="waiting" hidden><h2><span class="spinner" aria-hidden="true"></span>Waiting for the run to start…</h2><p>The run was started from the command line; it will appear here as soon as it begins.</p></section>
${START_FORM}
<div id="run" hidden>
${STATUS_BAR}
${EDIT_PANEL}
<nav class="tabs" role="tablist" aria-label="Views">
<button type="button" class="tab" role="tab" id="tab-stats" data-tab="stats" aria-controls="panel-stats" aria-selected="true">Statistics</button>
<button type="button" class="tab" role="tab" id="tab-charts" data-tab="charts" aria-controls="panel-charts" aria-selected="false" tabindex="-1">Charts</button>
<button type="button" class="tab" role="tab" id="tab-failures" data-tab="failures" aria-controls="panel-failures" aria-selected="false" tabindex="-1">Failures<span class="tab-count" id="tab-failures-count" hidden></span></button>
<button type="button" class="tab" role="tab" id="tab-report" data-tab="report" aria-controls="panel-report" aria-selected="false" tabindex="-1" hidden>Report<span class="tab-dot" id="tab-report-dot" aria-hidden="true"></span></button>
</nav>
${STATS_PANEL}
${CHARTS_PANEL}
${FAILURES_PANEL}
${REPORT_PANEL}
</div>
</main>
<footer>volley web UI · figures arrive live from the run; the HTML report is written when it ends.</footer>
</div>
${assetScripts(assets)}
</body>
</html>
`;
  return page.text;
}
