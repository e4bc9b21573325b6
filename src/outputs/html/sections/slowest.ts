/**
 * Each row's slowest requests of the run, under the Requests table: one collapsible entry per
 * row (its slowest latency in the line that opens it), listing when each request started, how
 * long it took, its status or why it failed, its method, full URL and headers (credentials
 * redacted when they were recorded), so a spike in p99 can be traced to concrete requests.
 */

import { protocolLabel } from '../../../metrics/endpoint-key.js';
import type { EndpointStats, Result } from '../../../metrics/result.js';
import type { SlowRequest } from '../../../metrics/slowest-requests.js';
import { formatCountOf, formatDuration, MISSING } from '../../../core/units/index.js';
import { html, type SafeHtml } from '../html.js';
import { type Cell, num, renderTable, text } from '../table.js';
import { card, formatInstant, formatOffset } from './card.js';
import { statusTone } from './status-codes.js';

const ms = html`<span class="unit">ms</span>`;

function statusCell(entry: SlowRequest): Cell {
  if (entry.status === undefined) return text(entry.failed ? html`<span class="status bad">failed</span>` : MISSING, 'muted');
  const code = String(entry.status);
  const title = entry.status === 0 ? 'no response' : undefined;
  return text(html`<span class="status ${statusTone(code)}">${code}</span>`, undefined, title);
}

/** `name: value` lines, as the request went out (redacted when recorded so), folded: they are long. */
function headersCell(entry: SlowRequest): Cell {
  const lines = Object.entries(entry.headers ?? {}).map(([name, value]) => `${name}: ${value}`);
  if (lines.length === 0) return text(MISSING, 'muted');
  return text(html`<details class="headers"><summary>${formatCountOf(lines.length, 'header')}</summary><pre class="message headers">${lines.join('\n')}</pre></details>`);
}

function requestRow(row: EndpointStats, entry: SlowRequest, startedAt: string): Cell[] {
  return [
    num(entry.latencyMs, formatDuration(entry.latencyMs, 'latency-cell'), entry.failed ? 'bad' : undefined),
    { content: formatOffset(entry.startedAt, startedAt), value: Date.parse(entry.startedAt), className: 'num', title: formatInstant(entry.startedAt) },
    statusCell(entry),
    text(html`<span class="method">${entry.method ?? row.method}</span>`),
    text(html`<code>${entry.url ?? row.name}</code>${
      entry.error === undefined ? '' : html`<span class="row-note bad">${entry.error}</span>`
    }`, 'name'),
    headersCell(entry),
  ];
}

function rowDetails(row: EndpointStats, entries: readonly SlowRequest[], startedAt: string, open: boolean): SafeHtml {
  const user = row.scenario === '' ? row.user : `${row.scenario}/${row.user}`;
  const protocol = row.protocol === undefined ? '' : html` <span class="badge">${protocolLabel(row, true)}</span>`;
  const slowest = entries[0]?.latencyMs ?? 0;
  const table = renderTable({
    className: 'slowest',
    columns: [
      { label: html`latency ${ms}`, kind: 'num' },
      { label: 'started', kind: 'num', title: 'time since the start of the run' },
      { label: 'status', kind: 'text' },
      { label: 'method', kind: 'text' },
      { label: 'url', kind: 'text' },
      { label: 'headers', kind: 'text' },
    ],
    rows: entries.map((entry) => requestRow(row, entry, startedAt)),
    sortedBy: { column: 0, direction: 'descending' },
  });
  return html`<details class="slowest-row"${open ? html` open` : ''}>
<summary><span class="method">${row.method}</span> <code>${row.name}</code>${protocol} <span class="muted">${user} · ${formatCountOf(entries.length, 'request')}, slowest ${formatDuration(slowest, 'latency')}</span></summary>
${table}
</details>`;
}

export function slowestSection(result: Result): SafeHtml {
  const rows = result.endpoints
    .filter((row) => row.slowest !== undefined && row.slowest.length > 0)
    .sort((a, b) => (b.slowest?.[0]?.latencyMs ?? 0) - (a.slowest?.[0]?.latencyMs ?? 0));
  if (rows.length === 0) return html``;
  return card({
    id: 'slowest',
    title: 'Slowest requests',
    note: `per row, slowest first; the row with the slowest request is open`,
    body: html`${rows.map((row, i) => rowDetails(row, row.slowest ?? [], result.startedAt, i === 0))}`,
  });
}
