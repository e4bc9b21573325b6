/**
 * The HTML report's browser script, bundled by esbuild into one IIFE that render-report.ts
 * inlines after uPlot (see src/outputs/assets.ts). It draws each chart from the specs in the
 * embedded JSON (see chart-data.ts) and sorts tables when a header is clicked. Everything it shows
 * comes from that JSON and reaches the page through uPlot (which writes labels with textContent)
 * or by moving existing rows; it never builds markup from strings.
 */

import type UPlot from 'uplot';
import { onWindowResize } from '../../browser/chart-theme.js';
import type { ChartSpec } from './chart-spec.js';
import { chartOptions, heightOf } from './report-charts.js';
import { makeTablesSortable } from './table-sort.js';

interface DrawnChart {
  chart: UPlot;
  el: HTMLElement;
}

function drawCharts(specs: readonly ChartSpec[]): DrawnChart[] {
  const Plot = globalThis.uPlot;
  if (typeof Plot !== 'function') return [];
  const drawn: DrawnChart[] = [];
  specs.forEach((spec) => {
    const el = document.querySelector<HTMLElement>('[data-chart="' + spec.id + '"]');
    if (!el) return;
    drawn.push({ chart: new Plot(chartOptions(spec, el), spec.data as UPlot.AlignedData, el), el });
  });
  return drawn;
}

const report = JSON.parse(document.getElementById('volley-data')?.textContent ?? '{}') as { charts?: ChartSpec[] };
const drawn = drawCharts(report.charts || []);
onWindowResize(() => {
  drawn.forEach((d) => d.chart.setSize({ width: Math.max(200, d.el.clientWidth), height: heightOf(d.el) }));
});
makeTablesSortable();
