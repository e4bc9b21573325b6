/**
 * The web UI's own styles, laid over the HTML report's stylesheet (REPORT_CSS, inlined before
 * this) so the live page and the report it links to share fonts, palette, cards, tables and the
 * dark theme. Only what the report has no use for lives here: the start form, the status bar,
 * the tabs, buttons and the connection badge.
 */

export const UI_CSS = `
.topbar { align-items: center; }
.topbar .file { color: var(--muted); font-size: 12.5px; overflow-wrap: anywhere; }
.topbar .right { margin-left: auto; display: flex; align-items: center; gap: 12px; }
.topbar .when { margin-left: 0; font-size: 13px; }
.conn { display: inline-flex; align-items: center; gap: 6px; font-size: 12px; font-weight: 600; line-height: 20px;
  padding: 0 10px; border-radius: 999px; color: var(--bad); background: var(--bad-bg); border: 1px solid var(--bad-border); }
.conn::before { content: ""; width: 7px; height: 7px; border-radius: 50%; background: currentColor; }
[hidden] { display: none !important; }

.btn { font: inherit; font-size: 14px; font-weight: 600; line-height: 20px; padding: 8px 18px; border-radius: 8px;
  border: 1px solid transparent; cursor: pointer; text-decoration: none; display: inline-flex; align-items: center;
  gap: 8px; white-space: nowrap; }
.btn:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.btn:disabled { opacity: 0.65; cursor: default; }
.btn.primary { background: var(--accent); color: #fff; }
.btn.primary:hover:not(:disabled) { background: #2563eb; }
.btn.secondary { background: var(--card); color: var(--text); border-color: var(--border); }
.btn.secondary:hover { background: var(--row-hover); }
.btn.danger { background: var(--card); color: var(--bad); border-color: var(--bad-border); }
.btn.danger:hover:not(:disabled) { background: var(--bad-bg); }
.btn .square { width: 9px; height: 9px; border-radius: 2px; background: currentColor; }

.notice { text-align: center; color: var(--muted); padding: 48px 24px; margin-top: 32px; }
.notice h2 { margin: 0 0 6px; font-size: 17px; color: var(--text); }
.notice p { margin: 0; }
.spinner { display: inline-block; width: 18px; height: 18px; border-radius: 50%; border: 2px solid var(--border);
  border-top-color: var(--accent); animation: spin 0.9s linear infinite; vertical-align: -4px; margin-right: 10px; }
@keyframes spin { to { transform: rotate(360deg); } }

.start-card { max-width: 580px; margin: 40px auto 16px; padding: 24px 28px 26px; }
.start-card .card-head { margin-bottom: 4px; }
.start-card .lead { margin: 0 0 20px; color: var(--muted); font-size: 13px; }
.classes { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 20px; padding: 0; list-style: none; }
.classes li { font-size: 12px; padding: 2px 10px; border-radius: 999px; background: var(--head);
  border: 1px solid var(--border); color: var(--text); }
.classes .weight { color: var(--muted); margin-left: 6px; font-variant-numeric: tabular-nums; }
.field-row { display: grid; grid-template-columns: 1fr 1fr; gap: 0 16px; }
@media (max-width: 560px) { .field-row { grid-template-columns: minmax(0, 1fr); } }
.field { display: flex; flex-direction: column; gap: 5px; margin-bottom: 16px; min-width: 0; }
.field .label { font-size: 13px; font-weight: 600; }
.field .hint { color: var(--faint); font-weight: 400; font-size: 12px; }
.field input { font: inherit; font-size: 14px; padding: 8px 11px; border-radius: 8px; border: 1px solid var(--border);
  background: var(--bg); color: var(--text); width: 100%; font-variant-numeric: tabular-nums; }
.field input::placeholder { color: var(--faint); }
.field input:focus { outline: none; border-color: var(--accent); box-shadow: 0 0 0 3px rgba(59, 130, 246, 0.2); }
.form-actions { display: flex; align-items: center; gap: 12px; margin-top: 6px; }
.form-actions .btn { min-width: 140px; justify-content: center; }
.form-error { margin: 14px 0 0; padding: 9px 12px; border-radius: 8px; color: var(--bad); background: var(--bad-bg);
  border: 1px solid var(--bad-border); white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13px; }

.classes label { display: inline-flex; align-items: center; gap: 6px; cursor: pointer; }
.classes input { margin: 0; accent-color: var(--accent); }
.classes label .weight { margin-left: 0; }
.classes li:has(input:not(:checked)) { color: var(--muted); background: transparent; }

.btn.secondary[aria-expanded="true"] { border-color: var(--accent); color: var(--accent); }
.edit-card { padding: 18px 20px 16px; }
.edit-card form { max-width: 560px; }
.edit-card .form-actions { margin-top: 0; }
.edit-card .form-actions .btn { min-width: 110px; }
.edit-card .form-error { margin-top: 12px; }
.downloads { margin-left: auto; display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; font-size: 12.5px; }
.downloads .label { color: var(--muted); }
.downloads a { color: var(--accent); text-decoration: none; font-weight: 600; }
.downloads a:hover { text-decoration: underline; }

.statusbar { position: relative; overflow: hidden; display: flex; align-items: center; flex-wrap: wrap;
  gap: 14px 28px; padding: 14px 20px 16px; }
.pill { display: inline-flex; align-items: center; gap: 8px; font-size: 12.5px; font-weight: 700;
  letter-spacing: 0.06em; padding: 4px 12px; border-radius: 999px; border: 1px solid; white-space: nowrap; }
.pill .dot { width: 8px; height: 8px; border-radius: 50%; background: currentColor; }
.pill.running { color: var(--info); background: rgba(59, 130, 246, 0.1); border-color: rgba(59, 130, 246, 0.35); }
.pill.running .dot { animation: pulse 1.6s ease-in-out infinite; }
.pill.stopping { color: var(--warn); background: var(--warn-bg); border-color: var(--warn-border); }
.pill.aborted { color: var(--abort); background: var(--abort-bg); border-color: var(--abort-border); }
.pill.finishing { color: var(--muted); background: var(--head); border-color: var(--border); }
.pill.passed { color: var(--ok); background: var(--ok-bg); border-color: var(--ok-border); }
.pill.failed { color: var(--bad); background: var(--bad-bg); border-color: var(--bad-border); }
@keyframes pulse { 50% { opacity: 0.25; } }
@media (prefers-reduced-motion: reduce) { .pill.running .dot, .spinner { animation: none; } }
.figures { display: flex; flex-wrap: wrap; gap: 10px 32px; margin: 0; }
.figures dt { color: var(--muted); font-size: 12px; }
.figures dd { margin: 0; font-size: 20px; font-weight: 650; font-variant-numeric: tabular-nums; white-space: nowrap; }
.figures dd.bad { color: var(--bad); }
.figures .of { color: var(--faint); font-weight: 500; font-size: 15px; }
.statusbar .actions { margin-left: auto; display: flex; align-items: center; gap: 10px; }
.action-error { color: var(--bad); font-size: 12.5px; max-width: 320px; }
.runbar { position: absolute; left: 0; right: 0; bottom: 0; height: 3px; background: var(--grid); }
.runbar span { display: block; height: 100%; width: 0; background: var(--accent); transition: width 0.4s linear; }

.tabs { display: flex; gap: 2px; border-bottom: 1px solid var(--border); margin: 4px 0 16px; }
.tab { all: unset; cursor: pointer; padding: 8px 16px 9px; font-size: 14px; font-weight: 600; color: var(--muted);
  border-bottom: 2px solid transparent; margin-bottom: -1px; }
.tab:hover { color: var(--text); }
.tab[aria-selected="true"] { color: var(--text); border-bottom-color: var(--accent); }
.tab:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; border-radius: 4px; }
.tab .tab-count { margin-left: 8px; padding: 1px 7px; border-radius: 9px; font-size: 11px; font-weight: 600;
  color: var(--bad); background: var(--bad-bg); }
#failures-table td.message { white-space: pre-wrap; word-break: break-word; }
#failures-table col.f-count { width: 9rem; }
#failures-table col.f-type { width: 5.5rem; }
#failures-table col.f-name { width: 34%; }
.tab .tab-dot { display: inline-block; width: 7px; height: 7px; border-radius: 50%; margin-left: 8px;
  vertical-align: 1px; }
.tab .tab-dot.passed { background: var(--ok); }
.tab .tab-dot.failed { background: var(--bad); }
.tab .tab-dot.aborted { background: var(--abort); }

table.live { table-layout: fixed; min-width: 940px; }
table.live col.type { width: 74px; }
table.live col.count { width: 108px; }
table.live col.ms { width: 84px; }
table.live col.avg { width: 108px; }
table.live col.rate { width: 112px; }
table.live td.name { min-width: 0; }
table.live th.sortable { cursor: pointer; user-select: none; }
table.live th.sortable:hover { color: var(--text); }
table.live th .arrow { margin-left: 3px; }
table.live tbody tr:last-child td { border-bottom: none; }
table.live tfoot td { border-top: 2px solid var(--border); }
table.live .pct { display: inline-block; min-width: 44px; text-align: right; }
.uc { color: var(--muted); }
table.live .protocol { display: block; font-size: 11px; color: var(--muted); margin-top: 1px; }
.sep { color: var(--faint); margin: 0 6px; }
td.empty { text-align: center; color: var(--faint); padding: 28px 10px; }

.live-charts .chart-figure { margin: 0; }
.live-charts .chart-grid { margin-top: 16px; }

.verdict.aborted { background: var(--abort-bg); border-color: var(--abort-border); }
.verdict.aborted .verdict-word { color: var(--abort); }
.verdict-exit { margin: 4px 0 0; color: var(--muted); font-size: 12.5px; }
.files { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; }
.files p { flex-basis: 100%; margin: 6px 0 0; color: var(--muted); font-size: 12.5px; }
.no-thresholds { color: var(--muted); margin: 0; }
`;
