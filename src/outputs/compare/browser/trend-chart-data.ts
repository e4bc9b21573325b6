/**
 * What the history page embeds for its charts (history-html.ts writes it, history.ts reads it):
 * one array per series, x in Unix seconds.
 */
export interface TrendChartData {
  t: number[];
  p50: (number | null)[];
  p95: (number | null)[];
  p99: (number | null)[];
  rps: number[];
  errors: (number | null)[];
  /** Where a sustained regression began: x values of the dashed red lines. */
  began: number[];
}
