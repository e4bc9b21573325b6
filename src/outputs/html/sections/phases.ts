/**
 * Per-phase rows (the steps of a step load): how throughput, latency and errors changed as the
 * load went up. Where latency bends is where capacity ends.
 */

import type { Result } from '../../../metrics/result.js';
import { formatCount, formatDuration, formatPercent, formatRate } from '../../../core/units/index.js';
import { html, type SafeHtml } from '../html.js';
import { num, renderTable, text } from '../table.js';
import { card } from './card.js';

export function phasesSection(result: Result): SafeHtml {
  const phases = result.phases ?? [];
  if (phases.length === 0) return html``;
  const table = renderTable({
    className: 'phases',
    columns: [
      { label: 'phase', kind: 'text' },
      { label: 'from', kind: 'num', title: 'seconds since the start' },
      { label: 'users', kind: 'num' },
      { label: 'requests', kind: 'num' },
      { label: 'req/s', kind: 'num' },
      { label: 'errors', kind: 'num' },
      { label: 'p50 ms', kind: 'num' },
      { label: 'p95 ms', kind: 'num' },
      { label: 'p99 ms', kind: 'num' },
    ],
    rows: phases.map((phase) => [
      text(phase.name),
      num(phase.fromS, `${Math.round(phase.fromS)}s`),
      num(phase.users, formatCount(phase.users)),
      num(phase.requests, formatCount(phase.requests)),
      num(phase.rps, formatRate(phase.rps)),
      num(phase.errorRate, formatPercent(phase.errorRate), phase.errorRate > 0 ? 'bad' : undefined),
      num(phase.latency.p50, formatDuration(phase.latency.p50, 'latency-cell')),
      num(phase.latency.p95, formatDuration(phase.latency.p95, 'latency-cell')),
      num(phase.latency.p99, formatDuration(phase.latency.p99, 'latency-cell')),
    ]),
    sortedBy: { column: 1, direction: 'ascending' },
  });
  return card({ id: 'phases', title: 'Phases', note: `${phases.length} steps`, body: table });
}
