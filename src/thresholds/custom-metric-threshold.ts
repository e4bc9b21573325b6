/**
 * Thresholds on the scenario's custom metrics: `metric=<name>:<stat><op><value>`. The stats a
 * kind has: a trend `avg`, `min`, `max`, `med`, `pNN`; a rate `rate` (`rate>0.9`, `rate>90%`); a
 * counter `count` (its sum) and `rate` per second (`rate>5/s`); a gauge `last`, `min`, `max`; any
 * kind `count` (samples, or a counter's sum). Parsed with the run's thresholds, then checked
 * against the declarations once the scenario is known (an undeclared name is an error).
 */

import { formatDuration, tryParseDuration } from '../core/units/duration.js';
import { VolleyError } from '../errors.js';
import type { CustomMetricDeclaration, CustomMetricKind } from '../metrics/custom-metric.js';
import type { StatsSource } from '../metrics/stats-source.js';
import { parseOperator, splitCondition } from './condition.js';
import type { ValueDisplay } from './format-actual.js';
import type { ThresholdMetric, ThresholdSpec } from './threshold.js';
import { parseValue } from './value-unit.js';
import type { Measured } from './verdict.js';

export type CustomStat = 'avg' | 'min' | 'max' | 'percentile' | 'rate' | 'perSecond' | 'count' | 'last';

export type CustomThresholdMetric = Extract<ThresholdMetric, { kind: 'custom' }>;

const STATS_OF: Record<CustomMetricKind, readonly CustomStat[]> = {
  counter: ['count', 'perSecond'],
  gauge: ['last', 'min', 'max', 'count'],
  rate: ['rate', 'count'],
  trend: ['avg', 'min', 'max', 'percentile', 'count'],
};

const HINT_OF: Record<CustomMetricKind, string> = {
  counter: 'count, rate (per second: rate>5/s)',
  gauge: 'last, min, max',
  rate: 'rate (rate>0.9 or rate>90%)',
  trend: 'avg, min, max, med, pNN',
};

const PERCENTILE = /^p(?:(\d+(?:\.\d+)?)|\(\s*(\d+(?:\.\d+)?)\s*\))$/i;
const NUMBER = /^-?\d+(?:\.\d+)?(?:e[-+]?\d+)?$/i;

/** True when a selector names a custom metric (`metric=cost_usd`). */
export function isCustomMetricSelector(selector: string): boolean {
  return /^\s*metric\s*=/.test(selector);
}

/** `metric=<name>` `:` `<stat>` and `<op><value>`; problems follow `threshold '…': `. */
export function parseCustomMetricThreshold(
  expression: string,
  selector: string,
  statText: string,
  conditionText: string,
  problems: string[],
): ThresholdSpec | undefined {
  const name = selector.slice(selector.indexOf('=') + 1).trim();
  if (!/^[a-z][a-z0-9_]*$/.test(name)) {
    problems.push(`'${name}' is not a metric name (metric= stands alone: metric=cost_usd:p95<0.02)`);
    return undefined;
  }
  const { opText, valueText } = splitCondition(conditionText);
  const op = parseOperator(opText, problems);
  const parsed = statAndValue(statText.trim(), valueText, problems);
  if (op === undefined || parsed === undefined) return undefined;
  const metric: CustomThresholdMetric = { kind: 'custom', name, stat: parsed.stat, percentile: parsed.percentile };
  return { expression, filter: {}, metric, op, value: parsed.value, abortOnFail: false };
}

function statAndValue(
  text: string,
  valueText: string,
  problems: string[],
): { stat: CustomStat; percentile: number; value: number } | undefined {
  const lower = text.toLowerCase();
  let stat: CustomStat;
  let percentile = 0;
  const match = PERCENTILE.exec(text);
  if (match !== null) {
    stat = 'percentile';
    percentile = Number(match[1] ?? match[2]);
    if (!(percentile > 0 && percentile <= 100)) {
      problems.push(`percentile ${percentile} in '${text}' is out of range (use 0 < N <= 100)`);
      return undefined;
    }
  } else if (lower === 'med' || lower === 'median') {
    stat = 'percentile';
    percentile = 50;
  } else if (lower === 'mean' || lower === 'avg') stat = 'avg';
  else if (lower === 'rate') stat = valueText.includes('/') ? 'perSecond' : 'rate';
  else if (lower === 'min' || lower === 'max' || lower === 'last' || lower === 'count') stat = lower;
  else {
    problems.push(`unknown custom-metric stat '${text}' (use avg, min, max, med, pNN, rate, count or last)`);
    return undefined;
  }
  const value = valueOf(stat, valueText);
  if (value === undefined) {
    problems.push(valueText === '' ? 'no value given after the operator' : `'${valueText}' is not a value for ${text}`);
    return undefined;
  }
  return { stat, percentile, value };
}

function valueOf(stat: CustomStat, text: string): number | undefined {
  if (text === '') return undefined;
  if (stat === 'rate') return parseValue(text, 'fraction');
  if (stat === 'perSecond') return parseValue(text, 'perSecond');
  if (stat === 'count') return parseValue(text, 'count');
  // A plain number, or a duration in ms (for a trend of durations: p95<20ms).
  return NUMBER.test(text) ? Number(text) : tryParseDuration(text);
}

/**
 * Checks every custom-metric threshold against the scenario's declarations: the name declared,
 * the stat one its kind has. Throws one error listing every problem; marks trends in ms.
 * `builtIn` are the protocols' own metrics (`ws_messages_received`), known without a declaration.
 */
export function checkCustomMetricThresholds(
  specs: readonly ThresholdSpec[],
  declarations: readonly CustomMetricDeclaration[],
  builtIn: readonly CustomMetricDeclaration[] = [],
): void {
  const problems: string[] = [];
  for (const spec of specs) {
    if (spec.metric.kind !== 'custom') continue;
    const metric = spec.metric;
    const declaration = declarations.find((d) => d.name === metric.name) ?? builtIn.find((d) => d.name === metric.name);
    if (declaration === undefined) {
      const declared =
        declarations.length === 0 ? 'the scenario declares no metrics' : `declared: ${declarations.map((d) => d.name).join(', ')}`;
      problems.push(`threshold '${spec.expression}': no custom metric '${metric.name}' (${declared})`);
      continue;
    }
    metric.metricKind = declaration.kind;
    if (declaration.unit === 'ms') metric.ms = true;
    if (!STATS_OF[declaration.kind].includes(metric.stat)) {
      problems.push(
        `threshold '${spec.expression}': a ${declaration.kind} has ${HINT_OF[declaration.kind]}`,
      );
    }
  }
  if (problems.length > 0) throw new VolleyError('VOLLEY_E_THRESHOLD', problems.join('\n'), { details: problems });
}

/** How a custom metric's measured value is shown. */
export function customDisplay(metric: CustomThresholdMetric): ValueDisplay {
  switch (metric.stat) {
    case 'rate':
      return 'percent';
    case 'perSecond':
      return 'requestRate';
    case 'count':
      return 'count';
    default:
      return metric.ms === true ? 'latency' : 'number';
  }
}

/** The metric's figure over the run, or over the trailing `windowMs`. */
export function measureCustom(metric: CustomThresholdMetric, source: StatsSource, windowMs?: number): Measured {
  const figures =
    (windowMs === undefined ? source.customMetric?.(metric.name) : source.customMetric?.(metric.name, windowMs)) ??
    null;
  if (figures === null) {
    const window = windowMs === undefined ? '' : ` in the last ${formatDuration(windowMs)}`;
    return { value: null, note: `metric ${metric.name} recorded nothing${window}` };
  }
  switch (metric.stat) {
    case 'avg':
      return { value: figures.sum / figures.samples };
    case 'min':
      return { value: figures.min };
    case 'max':
      return { value: figures.max };
    case 'last':
      return { value: figures.last };
    case 'percentile':
      return { value: figures.percentile(metric.percentile) };
    case 'rate':
      return { value: figures.sum / figures.samples };
    case 'count':
      return { value: figures.kind === 'counter' ? figures.sum : figures.samples };
    case 'perSecond':
      return figures.seconds > 0
        ? { value: figures.sum / figures.seconds }
        : { value: null, note: 'no time has elapsed to compute a rate over' };
  }
}
