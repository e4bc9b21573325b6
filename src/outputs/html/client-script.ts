/**
 * The report's browser script, inlined after uPlot. It does two things: draws each chart from
 * the specs in the embedded JSON (see chart-data.ts), and sorts tables when a header is clicked.
 * Everything it shows comes from that JSON and reaches the page through uPlot (which writes
 * labels with textContent) or by moving existing rows; it never builds markup from strings.
 *
 * Plain ES2017 in a string, because the package's TypeScript has no DOM types; the end-to-end
 * test (test/e2e/html-report.test.ts) runs it in Chromium and fails on any console error.
 */

import { AXIS_CLOCK_SCRIPT } from './axis-clock-script.js';

export const CLIENT_SCRIPT = String.raw`(function () {
'use strict';
var report = JSON.parse(document.getElementById('volley-data').textContent);
var NINES_TICKS = [0, Math.log10(2), 1, 2, 3, 4, 5];

function cssVar(name) {
  return getComputedStyle(document.body).getPropertyValue(name).trim();
}

${AXIS_CLOCK_SCRIPT}

/** About three significant digits, as the tables print them. */
function number(v) {
  if (v === null || v === undefined || !isFinite(v)) return '\u2014';
  var a = Math.abs(v);
  if (a >= 100) return Math.round(v).toLocaleString('en-US');
  if (a >= 10) return v.toFixed(1);
  if (a >= 1 || a === 0) return v.toFixed(2);
  return String(Number(v.toPrecision(2)));
}

function tick(v) {
  if (v === null || v === undefined) return '';
  var a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  return String(Number(v.toPrecision(3)));
}

/** The percentile at position x of the nines axis: 0 -> 0%, 1 -> 90%, 3 -> 99.9%. */
function percentile(x, detailed) {
  var p = 100 * (1 - Math.pow(10, -x));
  var decimals = detailed ? Math.max(0, Math.ceil(x - 1e-9) - 1) : Math.max(0, Math.round(x) - 2);
  return p.toFixed(decimals) + '%';
}

function withAlpha(hex, alpha) {
  var n = parseInt(hex.slice(1), 16);
  return 'rgba(' + ((n >> 16) & 255) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
}

/** Grid lines at powers of ten only: a log axis with every 2..9 line is a blur. */
function decades(u, axisIdx, min, max) {
  var out = [];
  for (var e = Math.floor(Math.log10(min)); Math.pow(10, e) <= max * 1.0001; e += 1) {
    var v = Number(Math.pow(10, e).toPrecision(1));
    if (v >= min * 0.9999) out.push(v);
  }
  return out;
}

function fromZero(u, min, max) {
  return [0, max !== null && max > 0 ? max * 1.08 : 1];
}

function heightOf(el) {
  return el.classList.contains('short') ? 170 : 270;
}

function chartOptions(spec, el) {
  var muted = cssVar('--muted');
  var grid = cssVar('--grid');
  var font = '12px ' + cssVar('--font');
  var nines = spec.x === 'nines';
  var xs = spec.data[0];
  var xmax = xs[xs.length - 1];
  function axis(extra) {
    var base = {
      stroke: muted,
      font: font,
      labelFont: font,
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1, size: 4 },
    };
    for (var k in extra) base[k] = extra[k];
    return base;
  }
  var axes = [
    axis({
      label: nines ? 'percentile' : 'elapsed (m:ss)',
      labelSize: 18,
      size: 30,
      space: nines ? 40 : 60,
      splits: nines
        ? function () {
            return NINES_TICKS.filter(function (x) { return x <= xmax + 1e-9; });
          }
        : undefined,
      values: function (u, splits) {
        return splits.map(function (v) { return nines ? percentile(v, false) : axisClock(v); });
      },
    }),
    axis({
      scale: 'y',
      label: spec.y.label,
      labelSize: 22,
      size: 58,
      splits: spec.y.log ? decades : undefined,
      values: function (u, splits) { return splits.map(tick); },
    }),
  ];
  if (spec.y2) {
    axes.push(axis({
      scale: 'y2',
      side: 1,
      label: spec.y2.label,
      labelSize: 22,
      size: 58,
      grid: { show: false },
      values: function (u, splits) { return splits.map(tick); },
    }));
  }
  var series = [{
    label: nines ? 'percentile' : 'elapsed',
    value: function (u, v) {
      if (v === null || v === undefined) return '\u2014';
      return nines ? percentile(v, true) : axisClock(v);
    },
  }];
  spec.series.forEach(function (s) {
    series.push({
      label: s.label,
      scale: s.scale,
      stroke: s.color,
      width: 2,
      fill: s.fill ? withAlpha(s.color, 0.12) : undefined,
      points: { show: false },
      value: function (u, v) {
        if (v === null || v === undefined) return '\u2014';
        return number(v) + (s.unit === '' || s.unit === '/s' || s.unit === '%' ? s.unit : ' ' + s.unit);
      },
    });
  });
  var scales = { x: { time: false } };
  if (nines) scales.x.range = function () { return [0, xmax]; };
  scales.y = spec.y.log ? { distr: 3, log: 10 } : { range: fromZero };
  if (spec.y2) scales.y2 = { range: fromZero };
  return {
    width: Math.max(200, el.clientWidth),
    height: heightOf(el),
    scales: scales,
    axes: axes,
    series: series,
    cursor: { drag: { x: true, y: false }, points: { size: 7 } },
    legend: {
      live: true,
      // Solid swatches: uPlot's default leaves a series without a fill as an empty square.
      markers: {
        fill: function (u, i) { return i === 0 ? 'transparent' : spec.series[i - 1].color; },
      },
    },
  };
}

var drawn = [];
(report.charts || []).forEach(function (spec) {
  var el = document.querySelector('[data-chart="' + spec.id + '"]');
  if (!el) return;
  var chart = new uPlot(chartOptions(spec, el), spec.data, el);
  drawn.push({ chart: chart, el: el });
});

var pending = 0;
window.addEventListener('resize', function () {
  if (pending) cancelAnimationFrame(pending);
  pending = requestAnimationFrame(function () {
    pending = 0;
    drawn.forEach(function (d) {
      d.chart.setSize({ width: Math.max(200, d.el.clientWidth), height: heightOf(d.el) });
    });
  });
});

/** Missing values (no data-v, shown as a dash) sort last whichever the direction. */
function sortKey(cell, kind) {
  if (!cell) return null;
  if (kind === 'num') {
    var v = cell.getAttribute('data-v');
    return v === null ? null : Number(v);
  }
  return cell.textContent.trim();
}

function compareKeys(a, b, kind) {
  if (kind === 'num') return a - b;
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

function sortBy(table, th, button) {
  var col = Number(button.getAttribute('data-col'));
  var kind = button.getAttribute('data-kind');
  var current = th.getAttribute('aria-sort');
  var direction = current === 'descending' ? 'ascending'
    : current === 'ascending' ? 'descending'
    : kind === 'num' ? 'descending' : 'ascending';
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
  th.setAttribute('aria-sort', direction);
  var body = table.tBodies[0];
  var rows = Array.prototype.map.call(body.rows, function (row, i) {
    return { row: row, i: i, key: sortKey(row.cells[col], kind) };
  });
  rows.sort(function (a, b) {
    if (a.key === null || b.key === null) return (a.key === null) - (b.key === null) || a.i - b.i;
    var c = compareKeys(a.key, b.key, kind);
    return (direction === 'ascending' ? c : -c) || a.i - b.i;
  });
  rows.forEach(function (r) { body.appendChild(r.row); });
}

Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
  Array.prototype.forEach.call(table.querySelectorAll('thead button.sort'), function (button) {
    button.addEventListener('click', function () { sortBy(table, button.parentElement, button); });
  });
});
})();
`;
