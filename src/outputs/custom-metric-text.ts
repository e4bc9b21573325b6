/**
 * A custom metric's figures as one line of text, the same in every report (terminal summary,
 * Markdown, HTML): a counter `885 (29.5/s)`, a gauge `last 7 · min 0 · max 54`, a rate
 * `33.33% (10 of 30)`, a trend `avg 0.0123 · min … · med … · max … · p90 … · p95 … · p99 …`
 * (a trend in ms reads like a latency: `avg 12.3ms`).
 */

import { formatCount, formatPercent } from '../core/units/index.js';
import type { CustomMetricStats } from '../metrics/result.js';
import { formatValue } from '../thresholds/index.js';

/** A value in the metric's unit: `12.3ms` for a trend in ms, else 4 significant digits. */
export function metricValueText(metric: Pick<CustomMetricStats, 'unit'>, value: number): string {
  return formatValue(metric.unit === 'ms' ? 'latency' : 'number', value).text;
}

/** The trend statistics shown, in order. */
export const TREND_STATS = ['avg', 'min', 'med', 'max', 'p90', 'p95', 'p99'] as const;

export function customMetricText(metric: CustomMetricStats): string {
  const value = (n: number | undefined): string => metricValueText(metric, n ?? 0);
  switch (metric.kind) {
    case 'counter':
      return `${sumText(metric.sum ?? 0)} (${formatValue('requestRate', metric.perSecond ?? 0).text})`;
    case 'gauge':
      return `last ${value(metric.last)} · min ${value(metric.min)} · max ${value(metric.max)}`;
    case 'rate':
      return `${formatPercent(metric.rate ?? 0)} (${formatCount(metric.trues ?? 0)} of ${formatCount(metric.samples)})`;
    case 'trend':
      return TREND_STATS.map((stat) => `${stat} ${value(metric[stat])}`).join(' · ');
  }
}

/** A counter's sum: grouped digits when whole (`1,234`), else 4 significant digits. */
function sumText(sum: number): string {
  return Number.isInteger(sum) ? formatCount(sum) : formatValue('number', sum).text;
}
