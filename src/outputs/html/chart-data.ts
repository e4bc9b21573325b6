/**
 * What each chart shows, decided in Node: the series, their colours and units, and the data in
 * uPlot's columnar form (x first, one column per series). The browser script is then a generic
 * "draw this spec" loop with no knowledge of the Result, and everything a chart means can be
 * tested here without a browser.
 */

import type { Result } from '../../metrics/result.js';
import type { ChartSpec, SeriesSpec } from './browser/chart-spec.js';
import { percentileCurves } from './percentile-curve.js';

export type { ChartSpec, SeriesSpec };

export const COLORS = {
  blue: '#3b82f6',
  red: '#ef4444',
  green: '#10b981',
  amber: '#f59e0b',
  violet: '#8b5cf6',
  teal: '#14b8a6',
  pink: '#ec4899',
  slate: '#64748b',
} as const;

/** Colours for one curve per user class, after the total's blue. */
const CLASS_COLORS = [COLORS.violet, COLORS.teal, COLORS.amber, COLORS.pink, COLORS.green, COLORS.slate];

function series(label: string, color: string, unit: string, extra: Partial<SeriesSpec> = {}): SeriesSpec {
  return { label, color, unit, scale: 'y', fill: false, ...extra };
}

/** Three decimals at most: the data is embedded in the page, and nobody reads a fourth. */
function round(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Math.round(value * 1000) / 1000;
}

function column(values: readonly (number | null)[]): (number | null)[] {
  return values.map(round);
}

/** Requests/s and failures/s, latency percentiles, and active users, over the run. */
export function timeCharts(result: Result): ChartSpec[] {
  const points = result.timeSeries;
  if (points.length === 0) return [];
  const t = column(points.map((p) => p.t));
  const elapsed = (id: string, y: string, specs: SeriesSpec[], data: (number | null)[][]): ChartSpec => ({
    id,
    x: 'elapsed',
    y: { label: y, log: false },
    y2: null,
    series: specs,
    data: [t, ...data],
  });
  return [
    elapsed(
      'throughput',
      'per second',
      [series('requests/s', COLORS.blue, '/s', { fill: true }), series('failures/s', COLORS.red, '/s')],
      [column(points.map((p) => p.rps)), column(points.map((p) => p.failuresPerSec))],
    ),
    elapsed(
      'latency',
      'latency (ms)',
      [series('p50', COLORS.green, 'ms'), series('p95', COLORS.amber, 'ms'), series('p99', COLORS.red, 'ms')],
      [column(points.map((p) => p.p50)), column(points.map((p) => p.p95)), column(points.map((p) => p.p99))],
    ),
    elapsed(
      'users',
      'active users',
      [series('users', COLORS.violet, '', { fill: true })],
      [column(points.map((p) => p.users))],
    ),
  ];
}

/**
 * Latency by percentile for the whole run and, when there are several user classes, each class.
 * Values are floored at 1 µs because the y axis is logarithmic.
 */
export function distributionChart(result: Result): ChartSpec | null {
  const classes = result.userClasses.length > 1 ? result.userClasses : [];
  const { x, curves } = percentileCurves([result.totals.histogram, ...classes.map((c) => c.histogram)]);
  const labels = [
    'all requests',
    ...classes.map((c) => (c.scenario === '' ? c.user : `${c.scenario}/${c.user}`)),
  ];
  const specs: SeriesSpec[] = [];
  const data: (number | null)[][] = [column(x)];
  curves.forEach((curve, i) => {
    if (curve === null) return;
    const color = i === 0 ? COLORS.blue : (CLASS_COLORS[(i - 1) % CLASS_COLORS.length] as string);
    specs.push(series(labels[i] as string, color, 'ms'));
    data.push(column(curve.map((ms) => (ms === null ? null : Math.max(ms, 0.001)))));
  });
  if (specs.length === 0) return null;
  return {
    id: 'distribution',
    x: 'nines',
    y: { label: 'latency (ms)', log: true },
    y2: null,
    series: specs,
    data,
  };
}

const MB = 1_000_000;

/** The generator's CPU and event-loop delay, and its memory, when the monitor sampled them. */
export function monitorCharts(result: Result): ChartSpec[] {
  const samples = result.monitor.generator;
  if (samples.length === 0) return [];
  const t = column(samples.map((s) => s.t));
  return [
    {
      id: 'monitor-cpu',
      x: 'elapsed',
      y: { label: 'CPU (% of a core)', log: false },
      y2: { label: 'event-loop delay p99 (ms)' },
      series: [
        series('CPU', COLORS.blue, '%', { fill: true }),
        series('event-loop delay p99', COLORS.amber, 'ms', { scale: 'y2' }),
      ],
      data: [t, column(samples.map((s) => s.cpuPercent)), column(samples.map((s) => s.eventLoopDelayP99Ms))],
    },
    {
      id: 'monitor-memory',
      x: 'elapsed',
      y: { label: 'memory (MB)', log: false },
      y2: null,
      series: [series('RSS', COLORS.violet, 'MB', { fill: true }), series('heap used', COLORS.teal, 'MB')],
      data: [
        t,
        column(samples.map((s) => s.rssBytes / MB)),
        column(samples.map((s) => s.heapUsedBytes / MB)),
      ],
    },
  ];
}
