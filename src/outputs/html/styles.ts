/**
 * The report's stylesheet: system fonts only (a web font would be a network request), a neutral
 * palette held in custom properties so the dark theme is one block of overrides, cards on a
 * 1400 px column, and tables with right-aligned tabular figures. The page script reads
 * `--muted`, `--grid` and `--font` to draw chart axes in the current theme.
 */

export const REPORT_CSS = `
:root {
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
  --bg: #f5f6f8; --card: #ffffff; --text: #1a1d23; --muted: #5f6672; --faint: #8b919c;
  --border: #e3e6eb; --grid: #eceef2; --row-hover: #f7f8fa; --head: #f9fafb;
  --ok: #14804a; --ok-bg: #e8f6ee; --ok-border: #b5e2c7;
  --bad: #c62828; --bad-bg: #fdecec; --bad-border: #f3c1c1;
  --warn: #8a5a00; --warn-bg: #fff6dc; --warn-border: #f3d27a;
  --info: #1d5fbf; --abort: #6b3fa0; --abort-bg: #f3edfb; --abort-border: #d8c7ef;
  --accent: #3b82f6; --shadow: 0 1px 2px rgba(16, 24, 40, 0.05), 0 1px 3px rgba(16, 24, 40, 0.06);
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1115; --card: #171a21; --text: #e6e8eb; --muted: #a0a7b4; --faint: #727a88;
    --border: #2a2f3a; --grid: #262b35; --row-hover: #1d2129; --head: #1b1f27;
    --ok: #4ade80; --ok-bg: #10261a; --ok-border: #1f5135;
    --bad: #f87171; --bad-bg: #2c1414; --bad-border: #5c2525;
    --warn: #fbbf24; --warn-bg: #2a2210; --warn-border: #5c4a16;
    --info: #7aa7f5; --abort: #c4a5f5; --abort-bg: #221a30; --abort-border: #45355f;
    --shadow: none;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 14px/1.5 var(--font); }
code, pre { font-family: var(--mono); font-size: 12.5px; }
.page { max-width: 1400px; margin: 0 auto; padding: 24px 24px 48px; }
.topbar { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; margin-bottom: 16px; }
.brand { font-weight: 700; letter-spacing: 0.02em; color: var(--accent); font-size: 15px; }
.topbar h1 { margin: 0; font-size: 22px; font-weight: 650; }
.topbar .when { color: var(--muted); margin-left: auto; }
nav.toc { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: -4px 0 16px; font-size: 13px; }
nav.toc a { color: var(--muted); text-decoration: none; }
nav.toc a:hover { color: var(--text); text-decoration: underline; }

.verdict { display: flex; flex-wrap: wrap; align-items: center; gap: 16px 40px; padding: 20px 24px;
  border-radius: 12px; border: 1px solid; margin-bottom: 16px; }
.verdict.passed { background: var(--ok-bg); border-color: var(--ok-border); }
.verdict.failed { background: var(--bad-bg); border-color: var(--bad-border); }
.verdict.aborted { background: var(--abort-bg); border-color: var(--abort-border); }
.verdict-main { min-width: 260px; }
.verdict-word { margin: 0; font-size: 34px; font-weight: 800; letter-spacing: 0.04em; line-height: 1.1; }
.verdict.passed .verdict-word { color: var(--ok); }
.verdict.failed .verdict-word { color: var(--bad); }
.verdict.aborted .verdict-word { color: var(--abort); }
.verdict-mark { margin-right: 10px; }
.verdict-reason { margin: 6px 0 0; font-size: 15px; }
.tiles { display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 0 auto; }
.tile { background: var(--card); border: 1px solid var(--border); border-radius: 10px; padding: 8px 14px;
  min-width: 104px; }
.tile dt { color: var(--muted); font-size: 12px; }
.tile dd { margin: 0; font-size: 20px; font-weight: 650; font-variant-numeric: tabular-nums; }
.tile.bad dd { color: var(--bad); }

.warnings { background: var(--warn-bg); border: 1px solid var(--warn-border); border-left: 5px solid #f0b429;
  border-radius: 10px; padding: 12px 18px; margin-bottom: 16px; color: var(--warn); }
.warnings h2 { margin: 0 0 4px; font-size: 15px; }
.warnings ul { margin: 0; padding-left: 20px; }

.pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; margin-bottom: 16px; }
.pair > .card { margin-bottom: 0; }
@media (max-width: 1000px) { .pair { grid-template-columns: minmax(0, 1fr); } }

.card { background: var(--card); border: 1px solid var(--border); border-radius: 12px; box-shadow: var(--shadow);
  padding: 16px 20px 18px; margin-bottom: 16px; min-width: 0; }
.card-head { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; margin-bottom: 12px; }
.card-head h2 { margin: 0; font-size: 16px; font-weight: 650; }
.subhead { margin: 18px 0 8px; font-size: 14px; font-weight: 650; color: var(--muted); }
.card-note { color: var(--muted); font-size: 12.5px; }

.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 10px 20px; margin: 0; }
.facts div { min-width: 0; }
.facts dt { color: var(--muted); font-size: 12px; }
.facts dd { margin: 0; overflow-wrap: anywhere; }

.chart-grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px 24px; }
@media (max-width: 900px) { .chart-grid { grid-template-columns: minmax(0, 1fr); } }
.chart-figure { margin: 0 0 8px; min-width: 0; }
.chart-figure figcaption { font-size: 13px; font-weight: 600; color: var(--muted); margin-bottom: 4px; }
.chart { width: 100%; min-width: 0; overflow: hidden; }
.chart.tall { min-height: 300px; }
.chart.short { min-height: 200px; }
.uplot { font-family: var(--font); }
.u-legend { font-size: 12px; color: var(--muted); text-align: left; margin-top: 2px; }
.u-legend .u-marker { width: 10px; height: 10px; border-radius: 2px; }
.u-legend .u-value { font-variant-numeric: tabular-nums; color: var(--text); }
.u-select { background: rgba(59, 130, 246, 0.12); }

.table-wrap { overflow-x: auto; margin: 0 -4px; }
.table-wrap table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
.table-wrap th, .table-wrap td { padding: 7px 10px; text-align: left; vertical-align: top;
  border-bottom: 1px solid var(--border); }
.table-wrap thead th { background: var(--head); color: var(--muted); font-size: 12px; font-weight: 600;
  white-space: nowrap; }
.table-wrap tbody tr:hover { background: var(--row-hover); }
.table-wrap tfoot td { font-weight: 650; border-top: 2px solid var(--border); border-bottom: none; }
.table-wrap .num { text-align: right; white-space: nowrap; }
th .unit, .unit { color: var(--faint); font-weight: 400; font-size: 11px; }
button.sort { all: unset; cursor: pointer; display: inline-flex; align-items: center; gap: 4px; }
button.sort:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 3px; }
button.sort:hover { color: var(--text); }
.arrow::after { content: "↕"; opacity: 0.35; font-size: 11px; }
th[aria-sort="ascending"] .arrow::after { content: "▲"; opacity: 1; font-size: 9px; }
th[aria-sort="descending"] .arrow::after { content: "▼"; opacity: 1; font-size: 9px; }
th[aria-sort] { color: var(--text); }
.muted { color: var(--faint); }
.bad { color: var(--bad); }
.pct { color: var(--muted); font-size: 12px; margin-left: 4px; }
.bad .pct { color: var(--bad); opacity: 0.8; }
.table-wrap .mark { width: 28px; font-weight: 700; text-align: center; }
.mark.ok { color: var(--ok); }
.mark.bad { color: var(--bad); }
.row-note { display: block; color: var(--muted); font-size: 12px; }
.method { font-family: var(--mono); font-size: 11.5px; font-weight: 600; color: var(--info); }
td.name { overflow-wrap: anywhere; min-width: 180px; }
td.name code { font-size: 12.5px; }
td.endpoint { overflow-wrap: anywhere; min-width: 160px; }
.total-label { color: var(--muted); }
.badge { display: inline-block; font-size: 11px; line-height: 16px; padding: 0 6px; border-radius: 8px;
  border: 1px solid var(--border); color: var(--muted); margin-left: 6px; }
.badge.request { margin-left: 0; }
.badge.task { margin-left: 0; color: var(--abort); border-color: var(--abort-border); }
pre.message { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 12em; overflow: auto; }
details.slowest-row { border-top: 1px solid var(--border); padding: 8px 0; }
details.slowest-row:first-of-type { border-top: none; }
details.slowest-row > summary { cursor: pointer; padding: 2px 0; }
details.slowest-row > summary code { font-size: 12.5px; }
details.slowest-row > .table-wrap { margin-top: 8px; }
details.headers > summary { cursor: pointer; color: var(--muted); font-size: 12px; white-space: nowrap; }
pre.headers { font-size: 11.5px; color: var(--muted); margin-top: 4px; }

.status { font-family: var(--mono); font-weight: 600; }
.status.ok { color: var(--ok); }
.status.warn { color: var(--warn); }
.status.bad { color: var(--bad); }
.status.info { color: var(--info); }
.share-cell { width: 45%; white-space: nowrap; }
.share { display: inline-block; width: calc(100% - 64px); height: 8px; background: var(--grid); border-radius: 4px;
  vertical-align: middle; overflow: hidden; }
.bar { display: block; height: 100%; border-radius: 4px; }
.bar.ok { background: #22a55b; }
.bar.warn { background: #f0b429; }
.bar.bad { background: #e5484d; }
.bar.info { background: #3b82f6; }
.share-cell .pct { display: inline-block; width: 56px; text-align: right; }

.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
footer { color: var(--faint); font-size: 12px; text-align: center; margin-top: 24px; }
@media print {
  body { background: #fff; }
  .card, .verdict { break-inside: avoid; box-shadow: none; }
  nav.toc { display: none; }
}
`;
