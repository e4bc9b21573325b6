/**
 * The report's charts: uPlot options for a spec from the embedded JSON (see chart-data.ts), in
 * the page's colours. The x axis is elapsed time read as a clock, or the percentile ("nines")
 * axis of the latency distribution; the y axis may be logarithmic, and a second one may sit right.
 */

import type UPlot from 'uplot';
import { axisClock, tick } from '../../browser/axis-clock.js';
import { type AxisTheme, axisTheme, fromZero, legendMarkers, themedAxis, withAlpha } from '../../browser/chart-theme.js';
import type { ChartSpec } from './chart-spec.js';
import { chartNumber, decades, percentile } from './chart-values.js';

const NINES_TICKS = [0, Math.log10(2), 1, 2, 3, 4, 5];

export function heightOf(el: HTMLElement): number {
  return el.classList.contains('short') ? 170 : 270;
}

function lastX(spec: ChartSpec): number {
  const xs = spec.data[0] ?? [];
  return xs[xs.length - 1] ?? 0;
}

function axes(spec: ChartSpec, theme: AxisTheme): UPlot.Axis[] {
  const nines = spec.x === 'nines';
  const xmax = lastX(spec);
  const ticks = (_u: UPlot, splits: number[]): string[] => splits.map(tick);
  const list = [
    themedAxis(theme, {
      label: nines ? 'percentile' : 'elapsed (m:ss)',
      labelSize: 18,
      size: 30,
      space: nines ? 40 : 60,
      splits: nines ? () => NINES_TICKS.filter((x) => x <= xmax + 1e-9) : undefined,
      values: (_u, splits) => splits.map((v) => (nines ? percentile(v, false) : axisClock(v))),
    }),
    themedAxis(theme, {
      scale: 'y',
      label: spec.y.label,
      labelSize: 22,
      size: 58,
      splits: spec.y.log ? (_u, _axisIdx, min, max) => decades(min, max) : undefined,
      values: ticks,
    }),
  ];
  if (spec.y2) {
    list.push(themedAxis(theme, {
      scale: 'y2', side: 1, label: spec.y2.label, labelSize: 22, size: 58, grid: { show: false }, values: ticks,
    }));
  }
  return list;
}

function series(spec: ChartSpec): UPlot.Series[] {
  const nines = spec.x === 'nines';
  const list: UPlot.Series[] = [{
    label: nines ? 'percentile' : 'elapsed',
    value: (_u, v) => {
      if (v === null || v === undefined) return '\u2014';
      return nines ? percentile(v, true) : axisClock(v);
    },
  }];
  spec.series.forEach((s) => {
    list.push({
      label: s.label,
      scale: s.scale,
      stroke: s.color,
      width: 2,
      fill: s.fill ? withAlpha(s.color, 0.12) : undefined,
      points: { show: false },
      value: (_u, v) => {
        if (v === null || v === undefined) return '\u2014';
        return chartNumber(v) + (s.unit === '' || s.unit === '/s' || s.unit === '%' ? s.unit : ' ' + s.unit);
      },
    });
  });
  return list;
}

function scales(spec: ChartSpec): UPlot.Scales {
  const xmax = lastX(spec);
  const result: UPlot.Scales = { x: { time: false } };
  if (spec.x === 'nines') (result.x as UPlot.Scale).range = () => [0, xmax];
  result.y = spec.y.log ? { distr: 3, log: 10 } : { range: fromZero };
  if (spec.y2) result.y2 = { range: fromZero };
  return result;
}

export function chartOptions(spec: ChartSpec, el: HTMLElement): UPlot.Options {
  return {
    width: Math.max(200, el.clientWidth),
    height: heightOf(el),
    scales: scales(spec),
    axes: axes(spec, axisTheme()),
    series: series(spec),
    cursor: { drag: { x: true, y: false }, points: { size: 7 } },
    legend: { live: true, markers: legendMarkers(spec.series.map((s) => s.color)) },
  };
}
