/**
 * `prefix_metrics.csv`, volley's own file beside Locust's four, written only when the run has
 * custom metrics: one row per metric, every statistic a column, empty where its kind has none.
 */

import type { CustomMetricStats, Result } from '../../metrics/result.js';
import { type CsvCell, csvDocument } from './csv-text.js';

export const METRICS_SUFFIX = '_metrics';

const STAT_COLUMNS = [
  ['Sum', 'sum'],
  ['Per Second', 'perSecond'],
  ['Last', 'last'],
  ['Min', 'min'],
  ['Max', 'max'],
  ['True', 'trues'],
  ['Rate', 'rate'],
  ['Avg', 'avg'],
  ['Median', 'med'],
  ['90%', 'p90'],
  ['95%', 'p95'],
  ['99%', 'p99'],
] as const satisfies readonly (readonly [string, keyof CustomMetricStats])[];

export const METRICS_COLUMNS = ['Name', 'Kind', 'Unit', 'Samples', ...STAT_COLUMNS.map(([header]) => header)];

function metricCells(metric: CustomMetricStats): CsvCell[] {
  return [
    metric.name,
    metric.kind,
    metric.unit ?? '',
    { int: metric.samples },
    ...STAT_COLUMNS.map(([, field]): CsvCell => {
      const value = metric[field];
      return value === undefined ? '' : { float: value };
    }),
  ];
}

/** The file's text, or null when the run recorded no custom metric. */
export function formatMetricsCsv(result: Result): string | null {
  const metrics = result.metrics ?? [];
  return metrics.length === 0 ? null : csvDocument(METRICS_COLUMNS, metrics.map(metricCells));
}
