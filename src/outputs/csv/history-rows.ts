/**
 * The rows of `prefix_stats_history.csv`: Locust appends one `Aggregated` row per second while
 * it runs; we write the same rows after the run from the Result's per-second time series.
 *
 * What differs, because the Result keeps less per second than Locust's live state:
 * - percentiles: the series keeps 50, 95 and 99 of the requests finished in that second; the
 *   others, and seconds without requests, read `N/A`. (Locust's default history gives
 *   cumulative percentiles on the Aggregated row, its `--csv-full-history` rows a 10-second
 *   window; per-second values are what the series has.)
 * - the `Total …` columns (cumulative counts and response times at that second) are not in the
 *   series, so they read `N/A` rather than figures rebuilt from rounded rates.
 * Rates print with six decimals, as Locust's `f"{rps:2f}"` does.
 */

import type { Result, TimeSeriesPoint } from '../../metrics/result.js';
import type { CsvCell } from './csv-text.js';
import { AGGREGATED, LOCUST_PERCENTILES, NOT_AVAILABLE } from './locust-columns.js';
import { wholeMs } from './stats-rows.js';

const TOTAL_COLUMNS = 7;

function percentileOf(point: TimeSeriesPoint, fraction: number): number | null {
  switch (fraction) {
    case 0.5:
      return point.p50;
    case 0.95:
      return point.p95;
    case 0.99:
      return point.p99;
    default:
      return null;
  }
}

/** Unix seconds of the end of a point's interval, truncated like Locust's `int(time.time())`. */
function timestampOf(startedAt: string, point: TimeSeriesPoint): number {
  return Math.floor((Date.parse(startedAt) + point.t * 1000) / 1000);
}

export function historyRows(result: Result): CsvCell[][] {
  return result.timeSeries.map((point) => [
    { int: timestampOf(result.startedAt, point) },
    { int: point.users },
    '',
    AGGREGATED,
    point.rps.toFixed(6),
    point.failuresPerSec.toFixed(6),
    ...LOCUST_PERCENTILES.map((fraction): CsvCell => {
      const value = percentileOf(point, fraction);
      return value === null ? NOT_AVAILABLE : wholeMs(value);
    }),
    ...Array<CsvCell>(TOTAL_COLUMNS).fill(NOT_AVAILABLE),
  ]);
}
