/**
 * Errors grouped by message, most frequent first: how often, where (the endpoint, or the task for
 * an exception), when first seen relative to the start, and the message in full, since the
 * report, unlike the terminal, has room for a stack trace.
 */

import type { Result } from '../../../metrics/result.js';
import { formatCount, formatCountOf } from '../../../core/units/index.js';
import { html, type SafeHtml } from '../html.js';
import { num, renderTable, text } from '../table.js';
import { card, formatInstant, formatOffset } from './card.js';

export function errorsSection(result: Result): SafeHtml {
  if (result.errors.length === 0) return html``;
  const errors = [...result.errors].sort(
    (a, b) => b.count - a.count || Date.parse(a.firstAt) - Date.parse(b.firstAt),
  );
  const started = Date.parse(result.startedAt);
  const total = errors.reduce((sum, e) => sum + e.count, 0);
  const table = renderTable({
    className: 'errors',
    columns: [
      { label: 'count', kind: 'num' },
      { label: 'kind', kind: 'text' },
      { label: 'endpoint', kind: 'text' },
      { label: 'first seen', kind: 'num', title: 'time since the start of the run' },
      { label: 'message', kind: 'text' },
    ],
    rows: errors.map((e) => [
      num(e.count, formatCount(e.count), 'bad'),
      text(html`<span class="badge ${e.kind}">${e.kind}</span>`),
      text(e.endpoint, 'endpoint'),
      {
        content: formatOffset(e.firstAt, result.startedAt),
        value: Date.parse(e.firstAt) - started,
        className: 'num',
        title: formatInstant(e.firstAt),
      },
      text(html`<pre class="message">${e.message}</pre>`),
    ]),
    sortedBy: { column: 0, direction: 'descending' },
  });
  return card({
    id: 'errors',
    title: 'Errors',
    note: `${formatCountOf(errors.length, 'kind')}, ${formatCountOf(total, 'occurrence')}`,
    body: table,
  });
}
