/**
 * The thresholds as written, each with ✓ or ✗ and the value measured, in the order the scenario
 * lists them (the order its author thinks in). A threshold that could not be measured says why.
 */

import type { Result } from '../../../metrics/result.js';
import { MISSING } from '../../../core/units/index.js';
import { html, type SafeHtml } from '../html.js';
import { renderTable, text } from '../table.js';
import { card } from './card.js';

export function thresholdsSection(result: Result): SafeHtml {
  const thresholds = result.thresholds;
  if (thresholds.length === 0) return html``;
  const passed = thresholds.filter((t) => t.ok).length;
  const table = renderTable({
    className: 'thresholds',
    columns: [
      { label: html`<span class="visually-hidden">result</span>`, kind: 'text' },
      { label: 'threshold', kind: 'text' },
      { label: 'actual', kind: 'num' },
    ],
    rows: thresholds.map((t) => {
      const note = t.note === undefined || t.note === '' ? '' : html`<span class="row-note">${t.note}</span>`;
      const abort = t.abortOnFail
        ? html`<span class="badge" title="stops the run when it fails">abort</span>`
        : '';
      return [
        text(t.ok ? '✓' : '✗', t.ok ? 'mark ok' : 'mark bad', t.ok ? 'passed' : 'failed'),
        text(html`<code>${t.expression}</code>${abort}${note}`),
        text(t.actualText === '' ? MISSING : t.actualText, t.ok ? 'num' : 'num bad'),
      ];
    }),
  });
  return card({
    id: 'thresholds',
    title: 'Thresholds',
    note: `${passed} of ${thresholds.length} passed`,
    body: table,
  });
}
