/**
 * Checks (assertions on responses) with their passes, fails and pass rate, failing ones first:
 * a failed check does not fail a request's latency, so it is easy to miss elsewhere.
 */

import type { Result } from '../../../metrics/result.js';
import { formatCount, formatPercent } from '../../../core/units/index.js';
import { html, type SafeHtml } from '../html.js';
import { num, renderTable, text } from '../table.js';
import { card } from './card.js';

export function checksSection(result: Result): SafeHtml {
  if (result.checks.length === 0) return html``;
  const rate = (passes: number, fails: number): number =>
    passes + fails === 0 ? 1 : passes / (passes + fails);
  const checks = [...result.checks].sort(
    (a, b) => rate(a.passes, a.fails) - rate(b.passes, b.fails) || b.fails - a.fails,
  );
  const { passes, fails } = result.totals.checks;
  const table = renderTable({
    className: 'checks',
    columns: [
      { label: html`<span class="visually-hidden">result</span>`, kind: 'text', sortable: false },
      { label: 'user class', kind: 'text' },
      { label: 'check', kind: 'text' },
      { label: 'passes', kind: 'num' },
      { label: 'fails', kind: 'num' },
      { label: 'pass rate', kind: 'num' },
    ],
    rows: checks.map((c) => {
      const ok = c.fails === 0;
      const r = rate(c.passes, c.fails);
      return [
        text(ok ? '✓' : '✗', ok ? 'mark ok' : 'mark bad', ok ? 'all passed' : 'some failed'),
        text(c.scenario === '' ? c.user : `${c.scenario}/${c.user}`),
        text(c.name, 'name'),
        num(c.passes, formatCount(c.passes)),
        num(c.fails, formatCount(c.fails), ok ? 'muted' : 'bad'),
        num(r, formatPercent(r), ok ? undefined : 'bad'),
      ];
    }),
    sortedBy: { column: 5, direction: 'ascending' },
  });
  const overall = rate(passes, fails);
  return card({
    id: 'checks',
    title: 'Checks',
    note: `${formatPercent(overall)} of ${formatCount(passes + fails)} passed`,
    body: table,
  });
}
