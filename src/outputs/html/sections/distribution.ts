/**
 * Latency by percentile for the whole run (and each user class when there are several), on the
 * "nines" axis described in percentile-curve.ts, so the tail is as readable as the median.
 */

import type { Result } from '../../../metrics/result.js';
import { formatCountOf } from '../../../core/units/index.js';
import type { ChartSpec } from '../chart-data.js';
import { html, type SafeHtml } from '../html.js';
import { card, chartFigure } from './card.js';

/** `chart` is the spec the page embeds (null when no histogram could be read). */
export function distributionSection(result: Result, chart: ChartSpec | null): SafeHtml {
  if (chart === null) return html``;
  return card({
    id: 'distribution',
    title: 'Latency distribution',
    note: `${formatCountOf(result.totals.requests, 'request')}, logarithmic latency axis`,
    body: chartFigure('distribution', 'Latency (ms) by percentile'),
  });
}
