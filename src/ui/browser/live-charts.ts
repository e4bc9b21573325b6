/**
 * The Charts tab: three uPlot charts over the run (requests and failures per second, p95 response
 * time, users), one point per `progress` event, with the HTML report's colours, axes and legend.
 * The series grow in plain arrays whatever tab is shown; the charts are created the first time
 * their tab is opened (uPlot needs a visible element to measure) and redrawn only while visible.
 */

import type UPlot from 'uplot';
import { axisClock, tick } from '../../outputs/browser/axis-clock.js';
import { axisTheme, fromZero, legendMarkers, onWindowResize, themedAxis, withAlpha } from '../../outputs/browser/chart-theme.js';
import type { UiHistoryPoint, UiProgress } from '../ui-messages.js';
import { byId } from './dom.js';
import { count, isNumber, MISSING, msValue, rate } from './format.js';
import { FIRST_BASELINE_MS } from './progress-baseline.js';

interface LiveSeries {
  label: string;
  color: string;
  unit: '/s' | 'ms' | '';
  /** Which of `chartColumns` the series draws. */
  column: number;
  fill: boolean;
}

interface LiveChartSpec {
  id: string;
  y: string;
  height: number;
  series: LiveSeries[];
}

interface LiveChart {
  spec: LiveChartSpec;
  chart: UPlot;
  el: HTMLElement;
}

const CHART_SPECS: LiveChartSpec[] = [
  {
    id: 'throughput',
    y: 'per second',
    height: 220,
    series: [
      { label: 'requests/s', color: '#3b82f6', unit: '/s', column: 1, fill: true },
      { label: 'failures/s', color: '#ef4444', unit: '/s', column: 2, fill: false },
    ],
  },
  { id: 'latency', y: 'latency (ms)', height: 190, series: [{ label: 'p95', color: '#f59e0b', unit: 'ms', column: 3, fill: false }] },
  { id: 'users', y: 'active users', height: 190, series: [{ label: 'users', color: '#8b5cf6', unit: '', column: 4, fill: true }] },
];
/** Columns: elapsed seconds, requests/s, failures/s, p95 ms, users. */
const chartColumns: (number | null)[][] = [[], [], [], [], []];
let liveCharts: LiveChart[] | null = null;
const chartsPanel = byId('panel-charts');

function legendValue(unit: LiveSeries['unit'], v: number | null | undefined): string {
  if (v === null || v === undefined) return MISSING;
  return unit === 'ms' ? msValue(v) + ' ms' : unit === '' ? count(v) : rate(v) + unit;
}

function chartOptions(spec: LiveChartSpec, el: HTMLElement): UPlot.Options {
  const theme = axisTheme();
  const series: UPlot.Series[] = [
    { label: 'elapsed', value: (_u, v) => (v === null || v === undefined ? MISSING : axisClock(v)) },
  ];
  spec.series.forEach((s) => {
    series.push({
      label: s.label,
      stroke: s.color,
      width: 2,
      fill: s.fill ? withAlpha(s.color, 0.12) : undefined,
      points: { show: false },
      value: (_u, v) => legendValue(s.unit, v),
    });
  });
  return {
    width: Math.max(200, el.clientWidth),
    height: spec.height,
    scales: { x: { time: false }, y: { range: fromZero } },
    axes: [
      themedAxis(theme, {
        label: 'elapsed (m:ss)',
        labelSize: 18,
        size: 30,
        space: 60,
        // Whole seconds and up: a tick between two seconds would repeat the same m:ss label.
        incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400],
        values: (_u, splits) => splits.map(axisClock),
      }),
      themedAxis(theme, { label: spec.y, labelSize: 22, size: 58, values: (_u, splits) => splits.map(tick) }),
    ],
    series,
    cursor: { drag: { x: false, y: false }, points: { size: 7 } },
    hooks: { draw: [showLatest], setCursor: [showLatest] },
    legend: { live: true, markers: legendMarkers(spec.series.map((s) => s.color)) },
  };
}

function chartData(spec: LiveChartSpec): UPlot.AlignedData {
  return [chartColumns[0] as number[], ...spec.series.map((s) => chartColumns[s.column] as (number | null)[])];
}

/**
 * With the pointer off the chart, the legend shows the latest values rather than dashes. Run from
 * uPlot's hooks, because a redraw or the pointer leaving resets the legend after any call here.
 */
function showLatest(chart: UPlot): void {
  const last = (chart.data[0]?.length ?? 0) - 1;
  if (last >= 0 && !((chart.cursor.left ?? -1) >= 0)) chart.setLegend({ idx: last }, false);
}

export function ensureCharts(): void {
  const Plot = globalThis.uPlot;
  if (liveCharts !== null || chartsPanel.hidden || typeof Plot !== 'function') return;
  liveCharts = CHART_SPECS.map((spec) => {
    const el = document.querySelector<HTMLElement>('[data-live-chart="' + spec.id + '"]') as HTMLElement;
    const chart = new Plot(chartOptions(spec, el), chartData(spec), el);
    return { spec, chart, el };
  });
}

export function redrawCharts(): void {
  ensureCharts();
  if (liveCharts === null || chartsPanel.hidden) return;
  liveCharts.forEach((c) => c.chart.setData(chartData(c.spec)));
}

export function resizeCharts(): void {
  if (liveCharts === null || chartsPanel.hidden) return;
  liveCharts.forEach((c) => c.chart.setSize({ width: Math.max(200, c.el.clientWidth), height: c.spec.height }));
}

function pushPoint(seconds: number, rps: number, failuresPerSec: number, p95: number | null, users: number): void {
  chartColumns[0]?.push(seconds);
  chartColumns[1]?.push(rps);
  chartColumns[2]?.push(failuresPerSec);
  chartColumns[3]?.push(p95);
  chartColumns[4]?.push(users);
}

export function addChartPoint(progress: UiProgress, previous: UiProgress | null): void {
  if (previous !== null && progress.elapsedMs <= previous.elapsedMs) return;
  const times = chartColumns[0] as number[];
  // The history sent on connect already holds this second.
  if (times.length > 0 && progress.elapsedMs / 1000 <= (times[times.length - 1] as number)) return;
  // A page that saw the start draws from 0:00, when nothing had been sent and nobody was running.
  if (previous === null && times.length === 0 && progress.elapsedMs <= FIRST_BASELINE_MS) {
    pushPoint(0, 0, 0, null, 0);
  }
  pushPoint(progress.elapsedMs / 1000, progress.rps, progress.failuresPerSec,
    isNumber(progress.p95Ms) ? progress.p95Ms : null, progress.users);
  redrawCharts();
}

/** The run's seconds so far, sent when the page connects: the charts start over from them. */
export function loadHistory(points: UiHistoryPoint[]): void {
  resetCharts();
  if (points.length > 0 && (points[0] as UiHistoryPoint).t * 1000 <= FIRST_BASELINE_MS) pushPoint(0, 0, 0, null, 0);
  points.forEach((point) => {
    pushPoint(point.t, point.rps, point.failuresPerSec, isNumber(point.p95Ms) ? point.p95Ms : null, point.users);
  });
  redrawCharts();
}

export function resetCharts(): void {
  chartColumns.forEach((column) => {
    column.length = 0;
  });
  redrawCharts();
}

export function initCharts(): void {
  onWindowResize(resizeCharts);
}
