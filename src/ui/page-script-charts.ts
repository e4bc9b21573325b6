/**
 * The Charts tab: three uPlot charts over the run (requests and failures per second, p95 response
 * time, users), one point per `progress` event, with the HTML report's colours, axes and legend.
 * The series grow in plain arrays whatever tab is shown; the charts are created the first time
 * their tab is opened (uPlot needs a visible element to measure) and redrawn only while visible.
 */

import { AXIS_CLOCK_SCRIPT } from '../outputs/html/axis-clock-script.js';

export const CHARTS_SCRIPT = String.raw`
var CHART_SPECS = [
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
var chartColumns = [[], [], [], [], []];
var liveCharts = null;
var chartsPanel = byId('panel-charts');

function cssVar(name) {
  return getComputedStyle(document.body).getPropertyValue(name).trim();
}

function withAlpha(hex, alpha) {
  var n = parseInt(hex.slice(1), 16);
  return 'rgba(' + ((n >> 16) & 255) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
}

${AXIS_CLOCK_SCRIPT}
function tick(v) {
  if (v === null || v === undefined) return '';
  return Math.abs(v) >= 1000 ? count(v) : String(Number(v.toPrecision(3)));
}

function fromZero(u, min, max) {
  return [0, max !== null && max > 0 ? max * 1.08 : 1];
}

function chartOptions(spec, el) {
  var muted = cssVar('--muted');
  var grid = cssVar('--grid');
  var font = '12px ' + cssVar('--font');
  function axis(extra) {
    var base = { stroke: muted, font: font, labelFont: font, grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1, size: 4 } };
    for (var k in extra) base[k] = extra[k];
    return base;
  }
  var series = [{
    label: 'elapsed',
    value: function (u, v) { return v === null || v === undefined ? MISSING : axisClock(v); },
  }];
  spec.series.forEach(function (s) {
    series.push({
      label: s.label,
      stroke: s.color,
      width: 2,
      fill: s.fill ? withAlpha(s.color, 0.12) : undefined,
      points: { show: false },
      value: function (u, v) {
        if (v === null || v === undefined) return MISSING;
        return (s.unit === 'ms' ? msValue(v) + ' ms' : s.unit === '' ? count(v) : rate(v) + s.unit);
      },
    });
  });
  return {
    width: Math.max(200, el.clientWidth),
    height: spec.height,
    scales: { x: { time: false }, y: { range: fromZero } },
    axes: [
      axis({
        label: 'elapsed (m:ss)', labelSize: 18, size: 30, space: 60,
        // Whole seconds and up: a tick between two seconds would repeat the same m:ss label.
        incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400],
        values: function (u, splits) { return splits.map(axisClock); },
      }),
      axis({ label: spec.y, labelSize: 22, size: 58, values: function (u, splits) { return splits.map(tick); } }),
    ],
    series: series,
    cursor: { drag: { x: false, y: false }, points: { size: 7 } },
    hooks: { draw: [showLatest], setCursor: [showLatest] },
    legend: {
      live: true,
      markers: { fill: function (u, i) { return i === 0 ? 'transparent' : spec.series[i - 1].color; } },
    },
  };
}

function chartData(spec) {
  return [chartColumns[0]].concat(spec.series.map(function (s) { return chartColumns[s.column]; }));
}

/**
 * With the pointer off the chart, the legend shows the latest values rather than dashes. Run from
 * uPlot's hooks, because a redraw or the pointer leaving resets the legend after any call here.
 */
function showLatest(chart) {
  var last = chart.data[0].length - 1;
  if (last >= 0 && !(chart.cursor.left >= 0)) chart.setLegend({ idx: last }, false);
}

function ensureCharts() {
  if (liveCharts !== null || chartsPanel.hidden || typeof uPlot !== 'function') return;
  liveCharts = CHART_SPECS.map(function (spec) {
    var el = document.querySelector('[data-live-chart="' + spec.id + '"]');
    var chart = new uPlot(chartOptions(spec, el), chartData(spec), el);
    return { spec: spec, chart: chart, el: el };
  });
}

function redrawCharts() {
  ensureCharts();
  if (liveCharts === null || chartsPanel.hidden) return;
  liveCharts.forEach(function (c) {
    c.chart.setData(chartData(c.spec));
  });
}

function resizeCharts() {
  if (liveCharts === null || chartsPanel.hidden) return;
  liveCharts.forEach(function (c) {
    c.chart.setSize({ width: Math.max(200, c.el.clientWidth), height: c.spec.height });
  });
}

function pushPoint(seconds, rps, failuresPerSec, p95, users) {
  chartColumns[0].push(seconds);
  chartColumns[1].push(rps);
  chartColumns[2].push(failuresPerSec);
  chartColumns[3].push(p95);
  chartColumns[4].push(users);
}

function addChartPoint(progress, previous) {
  if (previous !== null && progress.elapsedMs <= previous.elapsedMs) return;
  var times = chartColumns[0];
  // The history sent on connect already holds this second.
  if (times.length > 0 && progress.elapsedMs / 1000 <= times[times.length - 1]) return;
  // A page that saw the start draws from 0:00, when nothing had been sent and nobody was running.
  if (previous === null && chartColumns[0].length === 0 && progress.elapsedMs <= FIRST_BASELINE_MS) {
    pushPoint(0, 0, 0, null, 0);
  }
  pushPoint(progress.elapsedMs / 1000, progress.rps, progress.failuresPerSec,
    isNumber(progress.p95Ms) ? progress.p95Ms : null, progress.users);
  redrawCharts();
}

/** The run's seconds so far, sent when the page connects: the charts start over from them. */
function loadHistory(points) {
  resetCharts();
  if (points.length > 0 && points[0].t * 1000 <= FIRST_BASELINE_MS) pushPoint(0, 0, 0, null, 0);
  points.forEach(function (point) {
    pushPoint(point.t, point.rps, point.failuresPerSec, isNumber(point.p95Ms) ? point.p95Ms : null, point.users);
  });
  redrawCharts();
}

function resetCharts() {
  chartColumns.forEach(function (column) { column.length = 0; });
  redrawCharts();
}

var resizePending = 0;
window.addEventListener('resize', function () {
  if (resizePending) cancelAnimationFrame(resizePending);
  resizePending = requestAnimationFrame(function () {
    resizePending = 0;
    resizeCharts();
  });
});
`;
