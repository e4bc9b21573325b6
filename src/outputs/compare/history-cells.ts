/**
 * How a run of the history reads: its verdict against the median of the runs before it, naming
 * the metrics that moved (`✗ regressed: p95 +32.1%, p99 +40.3%`), and the marker of the run
 * where a sustained regression began. Shared by the terminal table and the HTML page.
 */

import type { MetricName } from '../../compare/comparison.js';
import type { TrendPoint } from '../../compare/trend.js';
import { formatRelativeChange, verdictMark } from './cells.js';

export const REGRESSION_BEGAN = 'regression began here';

/** Short names: a run's verdict may list all five metrics in one table cell. */
const SHORT: Record<MetricName, string> = {
  rps: 'req/s',
  errorRate: 'errors',
  p50: 'p50',
  p95: 'p95',
  p99: 'p99',
};

export function trendVerdictText(point: TrendPoint): string {
  if (point.verdict === 'n/a') return 'first run';
  if (point.verdict === 'unchanged') return 'no significant change';
  const moved = point.metrics
    .filter((m) => m.verdict === point.verdict)
    .map(
      (m) => `${SHORT[m.metric]} ${m.unit === 'fraction' ? signedPoints(m.change) : formatRelativeChange(m)}`,
    );
  return `${verdictMark(point.verdict)} ${point.verdict}: ${moved.join(', ')}`;
}

function signedPoints(change: number | null): string {
  if (change === null) return '';
  return `${change < 0 ? '−' : '+'}${Math.abs(change * 100).toFixed(2)} pp`;
}
