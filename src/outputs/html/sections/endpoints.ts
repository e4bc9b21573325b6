/**
 * One row per endpoint (user class, method, name) with volume, failures, throughput and the
 * latency distribution, sortable by any column, and the whole run's totals kept below. Rows start
 * by requests, most first: the endpoints that carry the load are the ones to read first.
 */

import { protocolLabel } from '../../../metrics/endpoint-key.js';
import type { EndpointStats, RequestStats, Result } from '../../../metrics/result.js';
import { formatCount, formatDuration, formatPercent, formatRate, MISSING } from '../../../core/units/index.js';
import { html, type SafeHtml } from '../html.js';
import { type Cell, type Column, num, renderTable, text } from '../table.js';
import { card } from './card.js';

const ms = html`<span class="unit">ms</span>`;

const COLUMNS: Column[] = [
  { label: 'type', kind: 'text' },
  { label: 'user class', kind: 'text' },
  { label: 'name', kind: 'text' },
  { label: 'requests', kind: 'num' },
  { label: 'failures', kind: 'num' },
  { label: html`rps`, kind: 'num', title: 'requests per second over the run' },
  { label: html`avg ${ms}`, kind: 'num' },
  { label: html`p50 ${ms}`, kind: 'num' },
  { label: html`p90 ${ms}`, kind: 'num' },
  { label: html`p95 ${ms}`, kind: 'num' },
  { label: html`p99 ${ms}`, kind: 'num' },
  { label: html`p99.9 ${ms}`, kind: 'num' },
  { label: html`max ${ms}`, kind: 'num' },
];

/** The figures every row shares, from `requests` on. */
function statsCells(stats: RequestStats): Cell[] {
  const { latency } = stats;
  const has = stats.requests > 0;
  const latencyCell = (value: number): Cell =>
    has ? num(value, formatDuration(value, 'latency-cell')) : { content: MISSING, className: 'num' };
  const failRate = has ? stats.failures / stats.requests : 0;
  const failures =
    stats.failures === 0
      ? num(0, '0', 'muted')
      : {
          content: html`${formatCount(stats.failures)} <span class="pct">${formatPercent(failRate)}</span>`,
          value: stats.failures,
          className: 'num bad',
        };
  return [
    num(stats.requests, formatCount(stats.requests)),
    failures,
    num(stats.rps, formatRate(stats.rps)),
    latencyCell(latency.mean),
    latencyCell(latency.p50),
    latencyCell(latency.p90),
    latencyCell(latency.p95),
    latencyCell(latency.p99),
    latencyCell(latency.p999),
    latencyCell(latency.max),
  ];
}

function userLabel(row: EndpointStats): string {
  return row.scenario === '' ? row.user : `${row.scenario}/${row.user}`;
}

function endpointRow(row: EndpointStats, protocols: boolean): Cell[] {
  const method = row.method === '' ? 'task' : row.method;
  const protocol = protocols ? [text(protocolLabel(row, Object.keys(row.statusCodes).length > 0))] : [];
  return [
    ...protocol,
    text(html`<span class="method">${method}</span>`),
    text(userLabel(row)),
    text(html`<code>${row.name}</code>`, 'name'),
    ...statsCells(row),
  ];
}

export function endpointsSection(result: Result): SafeHtml {
  if (result.endpoints.length === 0) return html``;
  const rows = [...result.endpoints].sort((a, b) => b.requests - a.requests);
  // A run that spoke more than HTTP/1.1 says which protocol each row is.
  const protocols = rows.some((row) => row.protocol !== undefined);
  const lead = protocols ? 1 : 0;
  const table = renderTable({
    className: 'endpoints',
    columns: protocols ? [{ label: 'protocol', kind: 'text' }, ...COLUMNS] : COLUMNS,
    rows: rows.map((row) => endpointRow(row, protocols)),
    foot: [[...(protocols ? [text('')] : []), text(''), text(''), text('all requests', 'total-label'), ...statsCells(result.totals)]],
    sortedBy: { column: 3 + lead, direction: 'descending' },
  });
  return card({
    id: 'endpoints',
    title: 'Requests',
    note: `${formatCount(rows.length)} ${rows.length === 1 ? 'endpoint' : 'endpoints'}, latencies in ms, click a column to sort`,
    body: table,
  });
}
