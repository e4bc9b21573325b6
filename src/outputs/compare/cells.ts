/**
 * How one compared metric reads, shared by the terminal, Markdown and HTML renderers so they
 * agree to the character: values in the metric's unit, signed changes (error-rate changes in
 * percentage points, never a "percent of a percent"), the evidence in one short cell.
 */

import {
  type ComparedUnit,
  type Comparison,
  METRIC_TEXT,
  type MetricComparison,
  VERDICT_TEXT,
  type Verdict,
} from '../../compare/comparison.js';
import { formatCount, formatDuration, formatPercent, formatRate, MISSING } from '../../core/units/index.js';
import { formatValue as formatShown } from '../../thresholds/index.js';

/** What the cells read of a compared figure: a request row's metric or a custom metric's stat. */
export type ComparedFigure = Pick<MetricComparison, 'change' | 'relativeChange' | 'evidence'> & {
  unit: ComparedUnit;
};

/** A custom metric's plain number: 4 significant digits, as its summary line shows it. */
function plainNumber(value: number): string {
  return formatShown('number', value).text;
}

export function formatValue(metric: Pick<ComparedFigure, 'unit'>, value: number | null): string {
  if (value === null) return MISSING;
  switch (metric.unit) {
    case 'ms':
      return formatDuration(value, 'latency');
    case 'fraction':
      return formatPercent(value, 2);
    case '/s':
      return formatRate(value);
    case 'number':
      return plainNumber(value);
  }
}

function signed(value: number, text: (magnitude: number) => string): string {
  const magnitude = text(Math.abs(value));
  if (magnitude === text(0)) return magnitude;
  return `${value < 0 ? '−' : '+'}${magnitude}`;
}

function percentagePoints(fraction: number): string {
  return `${(fraction * 100).toFixed(2)} pp`;
}

export function formatChange(metric: ComparedFigure): string {
  const change = metric.change;
  if (change === null) return MISSING;
  switch (metric.unit) {
    case 'ms':
      return signed(change, (ms) => formatDuration(ms, 'latency'));
    case 'fraction':
      return signed(change, percentagePoints);
    case '/s':
      return signed(change, formatRate);
    case 'number':
      return signed(change, plainNumber);
  }
}

export function formatRelativeChange(metric: Pick<ComparedFigure, 'relativeChange'>): string {
  if (metric.relativeChange === null) return MISSING;
  return signed(metric.relativeChange, (m) => formatPercent(m, 1));
}

/** The interval of a latency change, a p-value for the error rate, nothing for throughput. */
export function formatEvidence(metric: ComparedFigure): string {
  const evidence = metric.evidence;
  switch (evidence.kind) {
    case 'bootstrap': {
      // A custom trend's values are plain numbers unless it is a trend in ms.
      if (metric.unit === 'number') return `${signed(evidence.low, plainNumber)} … ${signed(evidence.high, plainNumber)}`;
      const bound = (value: number): string => signed(value, (ms) => formatDuration(ms, 'latency-cell'));
      return `${bound(evidence.low)} … ${bound(evidence.high)} ms`;
    }
    case 'two-proportion':
      return evidence.pValue < 0.001 ? 'p < 0.001' : `p = ${evidence.pValue.toFixed(3)}`;
    case 'ratio':
      return 'ratio only';
    case 'none':
      return evidence.reason;
  }
}

export function metricName(metric: MetricComparison): string {
  return METRIC_TEXT[metric.metric];
}

export function verdictText(verdict: Verdict | 'added' | 'removed'): string {
  return VERDICT_TEXT[verdict];
}

/** `regressed` → `✗ regressed`: readable without colour, and in screen readers as words. */
export function verdictMark(verdict: Verdict | 'added' | 'removed'): string {
  switch (verdict) {
    case 'regressed':
      return '✗';
    case 'improved':
      return '✓';
    case 'added':
      return '+';
    case 'removed':
      return '−';
    default:
      return ' ';
  }
}

/** `10%`, `12.5%`: a setting as the user wrote it, without padding zeros. */
export function formatSetting(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))}%`;
}

/** The headline: `REGRESSED: 3 of 15 compared metrics regressed beyond the 10% tolerance`. */
export function headline(comparison: Comparison): { word: string; detail: string } {
  const { counts, settings } = comparison;
  const compared = counts.regressed + counts.improved + counts.unchanged;
  const tolerance = `${formatSetting(settings.maxRegression)} tolerance, ${formatSetting(settings.confidence)} confidence`;
  switch (comparison.verdict) {
    case 'regressed':
      return {
        word: 'REGRESSED',
        detail: `${counts.regressed} of ${compared} compared metrics regressed (${tolerance})`,
      };
    case 'improved':
      return {
        word: 'IMPROVED',
        detail: `${counts.improved} of ${compared} compared metrics improved, none regressed (${tolerance})`,
      };
    case 'unchanged':
      return { word: 'NO SIGNIFICANT CHANGE', detail: `in ${compared} compared metrics (${tolerance})` };
  }
}

/** How the verdicts were reached, in one paragraph for the foot of every report. */
export function methodNote(comparison: Comparison): string {
  const s = comparison.settings;
  const tolerance = formatSetting(s.maxRegression);
  return (
    `Latency percentiles: ${formatSetting(s.confidence)} bootstrap interval of the difference ` +
    `(${formatCount(s.resamples)} resamples of up to ${formatCount(s.sampleCap)} requests per run), ` +
    "widened where the runs' seconds disagree more than that; a change counts when the interval " +
    `excludes 0 and exceeds ${tolerance} of the baseline; a percentile needs ${s.minTail} requests ` +
    `beyond it in each run to be judged (p99: ${formatCount(s.minTail * 100)}). Error rate: ` +
    `two-proportion z-test, and a change beyond max(${tolerance} of the baseline rate, ` +
    `${percentagePoints(s.errorRateFloor)}). Requests/s: compared as a ratio against ${tolerance}; ` +
    'a run has one throughput figure, no per-request distribution to test.' +
    (comparison.metrics === undefined ? '' : ` ${CUSTOM_METRICS_NOTE}`)
  );
}

const CUSTOM_METRICS_NOTE =
  "Custom metrics: a trend's percentiles are judged as latency percentiles (their interval widened " +
  "by the endpoints' noise factor), a rate's fraction by the two-proportion test (the margin taken " +
  "on the share on the bad side), a counter's rate per second as a ratio; each in its direction: " +
  "declared with better: 'lower' or 'higher', else a trend lower and a rate higher. A counter " +
  'without a declared direction, and every gauge, is shown, not judged.'

/** `2025-01-31 12:00 UTC`, or `2025-01-31 12:00:05 UTC` with seconds (runs minutes apart). */
export function formatWhen(iso: string, options: { seconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date
    .toISOString()
    .slice(0, options.seconds === true ? 19 : 16)
    .replace('T', ' ')} UTC`;
}
