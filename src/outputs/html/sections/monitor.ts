/**
 * The load generator's own health over the run: CPU and event-loop delay (when either is high,
 * latencies include time the generator spent queueing, not the target), and its memory.
 */

import type { Result } from '../../../metrics/result.js';
import { formatBytes, formatCountOf } from '../../../core/units/index.js';
import { html, type SafeHtml } from '../html.js';
import { num, renderTable, text } from '../table.js';
import { card, chartFigure } from './card.js';

/** The processes `--monitor-pid` watched (the service under test): CPU and memory over the run. */
function targetsTable(result: Result): SafeHtml {
  const targets = (result.monitor.targets ?? []).filter((target) => target.samples.length > 0);
  if (targets.length === 0) return html``;
  return html`<h3 class="subhead">Monitored processes</h3>
${renderTable({
  className: 'targets',
  columns: [
    { label: 'process', kind: 'text' },
    { label: 'CPU mean %', kind: 'num' },
    { label: 'CPU peak %', kind: 'num' },
    { label: 'memory first', kind: 'num' },
    { label: 'memory last', kind: 'num' },
    { label: 'memory peak', kind: 'num' },
  ],
  rows: targets.map((target) => {
    const cpu = target.samples.map((s) => s.cpuPercent);
    const rss = target.samples.map((s) => s.rssBytes);
    const mean = cpu.reduce((a, b) => a + b, 0) / cpu.length;
    const first = rss[0] as number;
    const last = rss.at(-1) as number;
    const peak = Math.max(...rss);
    return [
      text(`pid ${target.pid} ${target.command}${target.note === null ? '' : ` (${target.note})`}`),
      num(mean, mean.toFixed(1)),
      num(Math.max(...cpu), Math.max(...cpu).toFixed(1)),
      num(first, formatBytes(first)),
      num(last, formatBytes(last)),
      num(peak, formatBytes(peak)),
    ];
  }),
})}`;
}

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
</div>
${targetsTable(result)}`,
  });
}
