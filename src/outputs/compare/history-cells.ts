/**
 * How a run of the history reads: its verdict against the median of the runs before it, naming
 * the metrics that moved (`✗ regressed: p95 +32.1%, p99 +40.3%`), and the marker of the run
 * where a sustained regression began. Shared by the terminal table and the HTML page.
 */

import { METRIC_TEXT } from '../../compare/comparison.js';
import type { TrendPoint } from '../../compare/trend.js';
import { formatRelativeChange, verdictMark } from './cells.js';

export const REGRESSION_BEGAN = 'regression began here';

export function trendVerdictText(point: TrendPoint): string {
  if (point.verdict === 'n/a') return 'first run';
  if (point.verdict === 'unchanged') return 'no significant change';
  const moved = point.metrics
    .filter((m) => m.verdict === point.verdict)
    .map(
      (m) =>
        `${METRIC_TEXT[m.metric]} ${m.unit === 'fraction' ? signedPoints(m.change) : formatRelativeChange(m)}`,
    );
  return `${verdictMark(point.verdict)} ${point.verdict}: ${moved.join(', ')}`;
}

function signedPoints(change: number | null): string {
  if (change === null) return '';
  return `${change < 0 ? '−' : '+'}${Math.abs(change * 100).toFixed(2)} pp`;
}
