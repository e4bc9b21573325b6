/**
 * The Markdown summary's slowest requests, with `--slowest` as in the terminal: the run's slowest
 * few across every row, each with its row, status (or error) and full URL, so a pull request shows
 * which requests made the tail.
 */

import type { Result } from '../../metrics/result.js';
import type { SlowRequest } from '../../metrics/slowest-requests.js';
import { formatDuration, MISSING } from '../../core/units/index.js';
import { listsSlowest } from '../summary-slowest.js';
import { escapeMarkdown, markdownTable } from './markdown-text.js';

export const TOP_SLOWEST = 10;

function statusText(entry: SlowRequest): string {
  const status = entry.status === undefined ? (entry.failed ? 'failed' : MISSING) : String(entry.status);
  return entry.error === undefined ? status : `${status} (${entry.error})`;
}

export function slowestSection(result: Result): string[] {
  if (!listsSlowest(result)) return [];
  const all = result.endpoints.flatMap((row) =>
    (row.slowest ?? []).map((entry) => ({ row: `${row.method} ${row.name}`, entry })),
  );
  if (all.length === 0) return [];
  const shown = all.sort((a, b) => b.entry.latencyMs - a.entry.latencyMs).slice(0, TOP_SLOWEST);
  const rows = shown.map(({ row, entry }) => [
    formatDuration(entry.latencyMs, 'latency'),
    escapeMarkdown(statusText(entry)),
    escapeMarkdown(row),
    entry.url === undefined ? MISSING : `${escapeMarkdown(entry.method ?? '')} ${escapeMarkdown(entry.url)}`,
  ]);
  return [
    '### Slowest requests',
    '',
    ...markdownTable(
      [
        { heading: 'latency', align: 'right' },
        { heading: 'status', align: 'left' },
        { heading: 'row', align: 'left' },
        { heading: 'request', align: 'left' },
      ],
      rows,
    ),
  ];
}
