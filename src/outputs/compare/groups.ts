/**
 * A block of the comparison table as every renderer draws it: a bold first line (an endpoint
 * with its request counts, or a custom metric with its sample counts), then a line per compared
 * figure. Endpoints and custom metrics become the same shape here, so the terminal, Markdown and
 * HTML tables draw both with one code path and read alike.
 */

import type {
  CustomMetricComparison,
  CustomStatName,
  MetricComparison,
  RowComparison,
  RowPresence,
  RowVerdict,
  Verdict,
} from '../../compare/comparison.js';
import { formatCount } from '../../core/units/index.js';
import { type ComparedFigure, metricName } from './cells.js';

export interface GroupLine {
  name: string;
  figure: ComparedFigure & Pick<MetricComparison, 'baseline' | 'current'> & { verdict: Verdict };
}

export interface TableGroup {
  label: string;
  /** Said on the first line, in the evidence column: a custom metric's direction. */
  detail?: string;
  presence: RowPresence;
  verdict: RowVerdict;
  /** `1,200 req`, `300 samples`; '' where the run has none. */
  counts: { baseline: string; current: string };
  lines: GroupLine[];
  /** Shown on the first line when there is nothing to compare (`declared as … : not compared`). */
  note?: string;
}

function countText(value: number | null, unit: string): string {
  return value === null ? '' : `${formatCount(value)} ${unit}`;
}

export function endpointGroup(row: RowComparison): TableGroup {
  return {
    label: row.label,
    presence: row.presence,
    verdict: row.verdict,
    counts: { baseline: countText(row.requests.baseline, 'req'), current: countText(row.requests.current, 'req') },
    lines: row.metrics.map((metric) => ({ name: metricName(metric), figure: metric })),
  };
}

const STAT_TEXT: Record<CustomStatName, string> = {
  avg: 'avg',
  p50: 'p50',
  p95: 'p95',
  p99: 'p99',
  sum: 'total',
  perSecond: 'per second',
  rate: 'rate',
  last: 'last',
  min: 'min',
  max: 'max',
};

/** `cost_usd (trend)`, `acquire_ms (trend in ms)`. */
export function customMetricLabel(metric: CustomMetricComparison): string {
  return `${metric.name} (${metric.kind}${metric.unit === undefined ? '' : ` in ${metric.unit}`})`;
}

/** Which way the verdicts go: `lower is better`; a gauge is never judged, so it says nothing. */
export function customMetricDirection(metric: CustomMetricComparison): string {
  if (metric.kind === 'gauge') return '';
  return metric.better === null ? 'no direction declared' : `${metric.better} is better`;
}

export function customMetricGroup(metric: CustomMetricComparison): TableGroup {
  return {
    label: customMetricLabel(metric),
    detail: customMetricDirection(metric),
    presence: metric.presence,
    verdict: metric.verdict,
    counts: {
      baseline: countText(metric.samples.baseline, 'samples'),
      current: countText(metric.samples.current, 'samples'),
    },
    lines: metric.stats.map((stat) => ({ name: STAT_TEXT[stat.stat], figure: stat })),
    ...(metric.note === undefined ? {} : { note: metric.note }),
  };
}

/** The first line's evidence cell for a group with no figure lines, if any. */
export function groupNote(group: TableGroup): string | undefined {
  if (group.presence !== 'both') return `only in the ${group.presence === 'added' ? 'current' : 'baseline'} run`;
  return group.note;
}
