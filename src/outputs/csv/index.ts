/**
 * Locust-compatible CSV reports (`--csv prefix`). Other layers import from here only.
 */

export {
  CSV_SUFFIXES,
  CsvOutput,
  type CsvReports,
  type CsvSuffix,
  csvReportPaths,
  formatCsvReports,
  writeCsvReports,
} from './csv-output.js';
export { csvField, pythonFloat } from './csv-text.js';
export {
  EXCEPTIONS_COLUMNS,
  FAILURES_COLUMNS,
  LOCUST_PERCENTILES,
  STATS_COLUMNS,
  STATS_HISTORY_COLUMNS,
} from './locust-columns.js';
