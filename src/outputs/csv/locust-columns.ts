/**
 * Locust's CSV columns, copied from `locust/stats.py` (class `StatsCSV` and
 * `StatsCSVFileWriter`: `requests_csv_columns`, `stats_history_csv_columns`, `failures_columns`,
 * `exceptions_columns`) so spreadsheets and scripts written for Locust's `--csv` read ours.
 * The percentile headings are `get_readable_percentiles(PERCENTILES_TO_REPORT)`.
 */

/** `PERCENTILES_TO_REPORT` in `locust/stats.py`, as fractions. */
export const LOCUST_PERCENTILES = [0.5, 0.66, 0.75, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999, 0.9999, 1.0] as const;

/**
 * `get_readable_percentiles`: `50%`, `99.9%`, `100%`. Python prints `int(p * 100)` when that is
 * whole and `round(100 * p, 6)` otherwise; both print the same shortest digits as here.
 */
export function readablePercentile(fraction: number): string {
  const percent = fraction * 100;
  return Number.isInteger(percent) ? `${percent}%` : `${Number(percent.toFixed(6))}%`;
}

const PERCENTILE_HEADINGS = LOCUST_PERCENTILES.map(readablePercentile);

export const STATS_COLUMNS: readonly string[] = [
  'Type',
  'Name',
  'Request Count',
  'Failure Count',
  'Median Response Time',
  'Average Response Time',
  'Min Response Time',
  'Max Response Time',
  'Average Content Size',
  'Requests/s',
  'Failures/s',
  ...PERCENTILE_HEADINGS,
];

export const STATS_HISTORY_COLUMNS: readonly string[] = [
  'Timestamp',
  'User Count',
  'Type',
  'Name',
  'Requests/s',
  'Failures/s',
  ...PERCENTILE_HEADINGS,
  'Total Request Count',
  'Total Failure Count',
  'Total Median Response Time',
  'Total Average Response Time',
  'Total Min Response Time',
  'Total Max Response Time',
  'Total Average Content Size',
];

export const FAILURES_COLUMNS: readonly string[] = ['Method', 'Name', 'Error', 'Occurrences'];

export const EXCEPTIONS_COLUMNS: readonly string[] = ['Count', 'Message', 'Traceback', 'Nodes'];

/** Locust's cell for a value it cannot give (percentiles of a row without requests). */
export const NOT_AVAILABLE = 'N/A';

/** The name of Locust's total row, whose Type cell is empty. */
export const AGGREGATED = 'Aggregated';
