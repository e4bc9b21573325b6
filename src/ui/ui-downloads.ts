/**
 * The statistics the page offers to download while the run goes on and after it (Locust's
 * "Download data"): the CSV files `--csv` writes, with Locust's columns, served under Locust's
 * names. During the run they render from the Result so far; after it, from the final Result.
 */

import type { Result } from '../metrics/result.js';
import { type CsvReports, type CsvSuffix, formatCsvReports } from '../outputs/csv/index.js';

/** Each download's path and the `--csv` file it is. */
export const CSV_DOWNLOADS: Readonly<Record<string, CsvSuffix>> = {
  '/requests.csv': '_stats',
  '/failures.csv': '_failures',
  '/exceptions.csv': '_exceptions',
  // Per-second rows: the time series is complete only once the run has ended.
  '/stats_history.csv': '_stats_history',
};

export function csvReports(result: Result): CsvReports {
  return formatCsvReports(result);
}

/** `attachment; filename="requests.csv"`: the browser saves it under the path's name. */
export function attachment(path: string): Record<string, string> {
  return { 'content-disposition': `attachment; filename="${path.slice(1)}"` };
}
