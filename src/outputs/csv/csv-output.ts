/**
 * `--csv prefix`: the four files Locust's `--csv` writes, with Locust's exact columns, so the
 * spreadsheets and scripts a team built around Locust keep working:
 *
 *   prefix_stats.csv          one row per request (Type, Name), then `Aggregated`
 *   prefix_stats_history.csv  one `Aggregated` row per second of the run
 *   prefix_failures.csv       failed requests grouped by method, name and error
 *   prefix_exceptions.csv     exceptions thrown by tasks
 *   prefix_metrics.csv        volley's own: the custom metrics, when the run has any
 *
 * Locust rewrites these files while it runs; volley writes them once, from the Result, at the
 * end (and `volley report result.json --csv prefix` writes the same files later). Each file is
 * written atomically.
 */

import type { Result } from '../../metrics/result.js';
import { writeFileAtomic } from '../../core/atomic-write.js';
import type { Output } from '../output.js';
import { csvDocument } from './csv-text.js';
import { exceptionRows, failureRows } from './error-rows.js';
import { historyRows } from './history-rows.js';
import {
  EXCEPTIONS_COLUMNS,
  FAILURES_COLUMNS,
  STATS_COLUMNS,
  STATS_HISTORY_COLUMNS,
} from './locust-columns.js';
import { formatMetricsCsv, METRICS_SUFFIX } from './metric-rows.js';
import { aggregatedRow, statsCells, statsRows } from './stats-rows.js';

/** The suffixes Locust appends to the prefix (before `.csv`), in the order files are written. */
export const CSV_SUFFIXES = ['_stats', '_stats_history', '_failures', '_exceptions'] as const;

export type CsvSuffix = (typeof CSV_SUFFIXES)[number];

/** The text of each file, keyed by its suffix. */
export type CsvReports = Record<CsvSuffix, string>;

export function formatCsvReports(result: Result): CsvReports {
  const stats = [...statsRows(result), aggregatedRow(result)].map(statsCells);
  return {
    _stats: csvDocument(STATS_COLUMNS, stats),
    _stats_history: csvDocument(STATS_HISTORY_COLUMNS, historyRows(result)),
    _failures: csvDocument(FAILURES_COLUMNS, failureRows(result)),
    _exceptions: csvDocument(EXCEPTIONS_COLUMNS, exceptionRows(result)),
  };
}

/** `prefix_stats.csv` and its siblings, in the order they are written. */
export function csvReportPaths(prefix: string): string[] {
  return CSV_SUFFIXES.map((suffix) => `${prefix}${suffix}.csv`);
}

/**
 * Writes the four files, creating parent folders, and returns their paths. Fails with
 * `VOLLEY_E_IO` naming the first file that could not be written.
 */
export async function writeCsvReports(result: Result, prefix: string): Promise<string[]> {
  const reports = formatCsvReports(result);
  const paths = csvReportPaths(prefix);
  for (const [index, suffix] of CSV_SUFFIXES.entries()) {
    await writeFileAtomic(paths[index] as string, reports[suffix], 'csv');
  }
  const metrics = formatMetricsCsv(result);
  if (metrics === null) return paths;
  const metricsPath = `${prefix}${METRICS_SUFFIX}.csv`;
  await writeFileAtomic(metricsPath, metrics, 'csv');
  return [...paths, metricsPath];
}

export class CsvOutput implements Output {
  readonly name = 'csv';
  readonly prefix: string;

  constructor(prefix: string) {
    this.prefix = prefix;
  }

  async onEnd(result: Result): Promise<void> {
    await writeCsvReports(result, this.prefix);
  }
}
