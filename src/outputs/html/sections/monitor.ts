/**
 * The load generator's own health over the run: CPU and event-loop delay (when either is high,
 * latencies include time the generator spent queueing, not the target), and its memory.
 */

import type { Result } from '../../../metrics/result.js';
import { formatCountOf } from '../../format.js';
import { html, type SafeHtml } from '../html.js';
import { card, chartFigure } from './card.js';

export function monitorSection(result: Result): SafeHtml {
  const samples = result.monitor.generator;
  if (samples.length === 0) return html``;
  return card({
    id: 'generator',
    title: 'Load generator',
    note: formatCountOf(samples.length, 'sample'),
    body: html`<div class="chart-grid">
${chartFigure('monitor-cpu', 'CPU (% of one core) and event-loop delay p99 (ms)')}
${chartFigure('monitor-memory', 'Memory (MB)')}
</div>`,
  });
}
