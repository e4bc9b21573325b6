/**
 * The summary's "Slowest requests" section, shown with `--slowest`: per row, the requests that
 * took longest, with their latency, status (or why they failed), method and full URL, so a spike
 * in p99 leads to concrete requests. The JSON and HTML reports always carry them; the terminal
 * lists them only when asked, as they are long lines.
 */

import { formatDuration, MISSING } from '../core/units/index.js';
import type { EndpointStats, Result } from '../metrics/result.js';
import type { SlowRequest } from '../metrics/slowest-requests.js';
import {
  compareByClass,
  compareText,
  isMultiClass,
  rowLabel,
  type SectionContext,
  titled,
} from './summary-tables.js';
import { type Cell, renderTable } from './table.js';
import { oneLine, truncate } from './text.js';

/** Error messages are cut before layout; the table cuts them again to fit the terminal. */
const ERROR_CAP = 120;

/** Whether the run asked the summary for its slowest requests (`--slowest [n]`). */
export function listsSlowest(result: Result): boolean {
  return typeof result.options.slowest === 'number';
}

/** `200`, `0` (no response), `—` for a row that is no HTTP request; failures in red. */
function statusCell(entry: SlowRequest, context: SectionContext): Cell {
  const text = entry.status === undefined ? (entry.failed ? 'failed' : MISSING) : String(entry.status);
  return entry.failed ? { text, style: context.palette.red } : text;
}

/** The full URL, or the row's name when the protocol knew none, then why it failed. */
function requestCell(row: EndpointStats, entry: SlowRequest, context: SectionContext): Cell {
  const target = entry.url ?? row.name;
  if (entry.error === undefined) return target;
  const why = truncate(oneLine(entry.error), ERROR_CAP);
  return { text: `${target}  (${why})`, style: (text) => context.palette.yellow(text) };
}

/** `Slowest requests`: each row's slowest, slowest first, with the row named on its first line. */
export function slowestSection(result: Result, context: SectionContext): string[] {
  if (!listsSlowest(result)) return [];
  const multiClass = isMultiClass(result);
  const rows = result.endpoints
    .filter((row) => row.slowest !== undefined && row.slowest.length > 0)
    .sort((a, b) => compareByClass(a, b) || compareText(a.name, b.name) || compareText(a.method, b.method));
  if (rows.length === 0) return [];
  const cells: Cell[][] = [];
  for (const row of rows) {
    for (const [i, entry] of (row.slowest ?? []).entries()) {
      cells.push([
        i === 0 ? `${row.method} ${rowLabel(row, row.name, multiClass)}` : '',
        formatDuration(entry.latencyMs, 'latency-cell'),
        statusCell(entry, context),
        entry.method ?? row.method,
        requestCell(row, entry, context),
      ]);
    }
  }
  const lines = renderTable({
    columns: [
      { header: 'row', shrink: 'middle', minWidth: 12 },
      { header: 'ms', align: 'right' },
      { header: 'status', align: 'right' },
      { header: 'method' },
      { header: 'url', shrink: 'end', minWidth: 24 },
    ],
    rows: cells,
    maxWidth: context.width,
    indent: context.indent,
    headerStyle: context.palette.bold,
    ruleStyle: context.palette.dim,
  });
  return titled('Slowest requests', '(per row, slowest first; headers in the JSON and HTML reports)', lines, context);
}
