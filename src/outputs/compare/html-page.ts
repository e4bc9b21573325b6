/**
 * The frame of the comparison and history pages: one self-contained HTML document (no network:
 * system fonts, inline CSS and scripts), light and dark themes from the system setting, tables
 * with right-aligned tabular figures. Everything interpolated into markup goes through `escape`,
 * and data for scripts through `jsonForScript`, because endpoint names come from user scripts.
 */

// The same escaping as the run report: one implementation of what keeps target data inert.
import { escapeHtml } from '../html/html.js';

export { escapeHtml };
export { jsonForScript, scriptForInline } from '../html/script-text.js';

const CSS = `
:root { --bg: #f5f6f8; --card: #fff; --text: #1a1d23; --muted: #5f6672; --border: #e3e6eb; --head: #f9fafb;
  --bad: #c62828; --bad-bg: #fdecec; --ok: #14804a; --ok-bg: #e8f6ee; --warn: #8a5a00; --warn-bg: #fff6dc;
  --accent: #3b82f6; color-scheme: light dark;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
@media (prefers-color-scheme: dark) { :root { --bg: #0f1115; --card: #171a21; --text: #e6e8eb; --muted: #a0a7b4;
  --border: #2a2f3a; --head: #1b1f27; --bad: #f87171; --bad-bg: #2c1414; --ok: #4ade80; --ok-bg: #10261a;
  --warn: #fbbf24; --warn-bg: #2a2210; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 14px/1.5 var(--font); }
.page { max-width: 1200px; margin: 0 auto; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 0 0 12px; }
.brand { color: var(--accent); font-weight: 700; margin-right: 8px; }
.muted { color: var(--muted); }
.card { background: var(--card); border: 1px solid var(--border); border-radius: 10px; padding: 16px 20px; margin: 16px 0; overflow-x: auto; }
.banner { border-radius: 10px; padding: 14px 20px; margin: 16px 0; font-size: 15px; border: 1px solid var(--border); }
.banner strong { font-size: 20px; letter-spacing: 0.03em; margin-right: 8px; }
.banner.regressed { background: var(--bad-bg); color: var(--bad); }
.banner.improved, .banner.unchanged { background: var(--ok-bg); color: var(--ok); }
.banner span { color: var(--text); }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 5px 10px; border-bottom: 1px solid var(--border); text-align: left; white-space: nowrap; }
th { background: var(--head); color: var(--muted); font-weight: 600; font-size: 12.5px; }
td.num, th.num { text-align: right; }
tr.group td { font-weight: 650; border-top: 2px solid var(--border); }
td.name { max-width: 420px; overflow: hidden; text-overflow: ellipsis; }
td.wrap { white-space: normal; min-width: 280px; }
.v-regressed { color: var(--bad); font-weight: 650; } .v-improved { color: var(--ok); font-weight: 600; }
.v-unchanged, .v-na { color: var(--muted); } .v-added, .v-removed { color: var(--warn); }
.marker { color: var(--bad); font-weight: 650; }
ul.warnings { background: var(--warn-bg); color: var(--warn); border-radius: 8px; padding: 10px 10px 10px 30px; }
.note { color: var(--muted); font-size: 12.5px; max-width: 900px; }
.chart { margin: 8px 0 20px; }
`;

export function htmlPage(options: { title: string; body: string; head?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="volley">
<title>${escapeHtml(options.title)}</title>
<style>${CSS}</style>
${options.head ?? ''}
</head>
<body>
<div class="page">
${options.body}
</div>
</body>
</html>
`;
}

/** The CSS class of a verdict cell. */
export function verdictClass(verdict: string): string {
  return verdict === 'n/a' ? 'v-na' : `v-${verdict}`;
}
