/** The summary's "Custom metrics" block: one line per recorded custom metric, by name. */

import type { Result } from '../metrics/result.js';
import { customMetricText } from './custom-metric-text.js';
import type { SectionContext } from './summary-tables.js';
import { renderTable } from './table.js';

export function customMetricSection(result: Result, context: SectionContext): string[] {
  const metrics = result.metrics ?? [];
  if (metrics.length === 0) return [];
  const { palette } = context;
  const lines = renderTable({
    columns: [
      { header: 'Metric', shrink: 'middle', minWidth: 12 },
      { header: 'Kind' },
      { header: 'Value', shrink: 'end', minWidth: 20 },
    ],
    rows: metrics.map((metric) => [metric.name, metric.kind, customMetricText(metric)]),
    maxWidth: context.width,
    indent: context.indent,
    headerStyle: palette.bold,
    ruleStyle: palette.dim,
  });
  return [palette.bold('Custom metrics'), ...lines];
}
