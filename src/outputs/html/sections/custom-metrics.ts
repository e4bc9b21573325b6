/** The scenario's custom metrics: one row each, with its kind and its figures as every report shows them. */

import type { Result } from '../../../metrics/result.js';
import { formatCount } from '../../../core/units/index.js';
import { customMetricText } from '../../custom-metric-text.js';
import { html, type SafeHtml } from '../html.js';
import { num, renderTable, text } from '../table.js';
import { card } from './card.js';

export function customMetricsSection(result: Result): SafeHtml {
  const metrics = result.metrics ?? [];
  if (metrics.length === 0) return html``;
  const table = renderTable({
    className: 'custom-metrics',
    columns: [
      { label: 'metric', kind: 'text' },
      { label: 'kind', kind: 'text' },
      { label: 'samples', kind: 'num' },
      { label: 'value', kind: 'text', sortable: false },
    ],
    rows: metrics.map((metric) => [
      text(metric.name, 'name'),
      text(metric.kind),
      num(metric.samples, formatCount(metric.samples)),
      text(customMetricText(metric)),
    ]),
    sortedBy: { column: 0, direction: 'ascending' },
  });
  return card({ id: 'custom-metrics', title: 'Custom metrics', note: `${metrics.length} declared and recorded`, body: table });
}
