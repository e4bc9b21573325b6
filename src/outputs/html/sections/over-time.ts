/**
 * The run second by second: throughput and failures, latency percentiles, and active users.
 * Each chart is a placeholder here; the page script draws it from the spec chart-data.ts embeds.
 */

import type { Result } from '../../../metrics/result.js';
import { formatCountOf } from '../../../core/units/index.js';
import { html, type SafeHtml } from '../html.js';
import { card, chartFigure } from './card.js';

export function overTimeSection(result: Result): SafeHtml {
  if (result.timeSeries.length === 0) return html``;
  return card({
    id: 'over-time',
    title: 'Over time',
    note: `${formatCountOf(result.timeSeries.length, 'interval')}, drag across a chart to zoom, double-click to reset`,
    body: html`<div class="chart-grid">
${chartFigure('throughput', 'Requests and failures per second')}
${chartFigure('latency', 'Latency percentiles (ms)')}
</div>
${chartFigure('users', 'Active users', 'short')}`,
  });
}
