/**
 * The `volley history --html` page's charts: latency percentiles, throughput and error rate per
 * run, with a dashed red line where a sustained regression began. Reads the page's `trend-data`
 * JSON; uPlot is the global the page inlines before this script.
 */

import type UPlot from 'uplot';
import type { TrendChartData as TrendData } from './trend-chart-data.js';

type SeriesSpec = [label: string, stroke: string];

const HEIGHT = 240;
const AXIS = { stroke: '#8b919c', grid: { stroke: 'rgba(128,128,128,0.15)' } };

function regressionMarkers(data: TrendData): (u: UPlot) => void {
  return (u) => {
    const { ctx } = u;
    const { top, height } = u.bbox;
    ctx.save();
    ctx.strokeStyle = '#d32f2f';
    ctx.lineWidth = 2 * devicePixelRatio;
    ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
    for (const t of data.began) {
      const x = Math.round(u.valToPos(t, 'x', true));
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
    }
    ctx.restore();
  };
}

function chartOptions(width: number, unit: string, series: SeriesSpec[], draw: (u: UPlot) => void): UPlot.Options {
  return {
    width,
    height: HEIGHT,
    series: [
      {},
      ...series.map(([label, stroke]) => ({
        label,
        stroke,
        width: 2,
        points: { show: true, size: 6 },
        spanGaps: true,
        value: (_u: UPlot, v: number | null) => (v === null || v === undefined ? '—' : v.toFixed(2) + unit),
      })),
    ],
    axes: [AXIS, { ...AXIS, values: (_u: UPlot, values: number[]) => values.map((v) => v + unit) }],
    hooks: { draw: [draw] },
  };
}

function drawHistory(uplot: typeof UPlot): void {
  const data = JSON.parse(document.getElementById('trend-data')?.textContent ?? '{}') as TrendData;
  const draw = regressionMarkers(data);
  const charts: [HTMLElement, UPlot][] = [];
  const chart = (id: string, unit: string, series: SeriesSpec[], values: (number | null)[][]): void => {
    const el = document.getElementById(id);
    if (el === null) return;
    const options = chartOptions(Math.max(320, el.clientWidth), unit, series, draw);
    charts.push([el, new uplot(options, [data.t, ...values] as UPlot.AlignedData, el)]);
  };
  chart('chart-latency', 'ms', [['p50', '#3b82f6'], ['p95', '#f59e0b'], ['p99', '#ef4444']], [data.p50, data.p95, data.p99]);
  chart('chart-rps', '/s', [['requests/s', '#10b981']], [data.rps]);
  chart('chart-errors', '%', [['error rate', '#ef4444']], [data.errors]);
  window.addEventListener('resize', () => {
    for (const [el, plot] of charts) plot.setSize({ width: Math.max(320, el.clientWidth), height: HEIGHT });
  });
}

if (globalThis.uPlot !== undefined) drawHistory(globalThis.uPlot);
