/**
 * The responses by HTTP status over the whole run, with each code's share drawn as a bar. Code
 * 0 is not a status but its absence (a connection error or a timeout), and is listed last.
 */

import { STATUS_CODES } from 'node:http';
import type { Result } from '../../../metrics/result.js';
import { formatCount, formatPercent } from '../../../core/units/index.js';
import { html, type SafeHtml } from '../html.js';
import { num, renderTable, text } from '../table.js';
import { card } from './card.js';

function rank(code: string): number {
  return code === '0' ? Number.POSITIVE_INFINITY : Number(code);
}

/** `ok` 2xx, `info` 1xx/3xx, `warn` 4xx, `bad` 5xx and no response. */
export function statusTone(code: string): 'ok' | 'info' | 'warn' | 'bad' {
  if (code === '0' || code.startsWith('5')) return 'bad';
  if (code.startsWith('4')) return 'warn';
  if (code.startsWith('2')) return 'ok';
  return 'info';
}

function meaning(code: string): string {
  return code === '0' ? 'no response' : (STATUS_CODES[code] ?? '');
}

export function statusCodesSection(result: Result): SafeHtml {
  const codes = Object.entries(result.totals.statusCodes)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  if (codes.length === 0) return html``;
  const total = codes.reduce((sum, [, count]) => sum + count, 0);
  const table = renderTable({
    className: 'status-codes',
    columns: [
      { label: 'status', kind: 'text' },
      { label: 'count', kind: 'num' },
      { label: 'share', kind: 'text' },
    ],
    rows: codes.map(([code, count]) => {
      const share = count / total;
      const width = Math.max(0.5, Math.round(share * 1000) / 10);
      return [
        text(
          html`<span class="status ${statusTone(code)}">${code}</span> <span class="muted">${meaning(code)}</span>`,
        ),
        num(count, formatCount(count)),
        text(
          html`<span class="share"><span class="bar ${statusTone(code)}" style="width:${width}%"></span></span><span class="pct">${formatPercent(share)}</span>`,
          'share-cell',
        ),
      ];
    }),
  });
  return card({
    id: 'status-codes',
    title: 'Status codes',
    note: `${formatCount(total)} responses`,
    body: table,
  });
}
