/**
 * What a chart in the HTML report is, as chart-data.ts decides it in Node and the page script
 * draws it: types only, shared by both sides (no DOM, no Node).
 */

export interface SeriesSpec {
  label: string;
  /** A CSS colour that reads on both the light and the dark theme. */
  color: string;
  /** Appended to values in the legend: `ms`, `/s`, `%`, `MB`, or empty. */
  unit: string;
  /** Which y axis the series is drawn against. */
  scale: 'y' | 'y2';
  fill: boolean;
}

export interface ChartSpec {
  /** Matches the `data-chart` attribute of the element the chart is drawn into. */
  id: string;
  /** `elapsed`: seconds since the start, read as a clock; `nines`: see percentile-curve.ts. */
  x: 'elapsed' | 'nines';
  y: { label: string; log: boolean };
  y2: { label: string } | null;
  series: SeriesSpec[];
  data: (number | null)[][];
}
