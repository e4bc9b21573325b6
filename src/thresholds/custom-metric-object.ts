/**
 * The object form of a custom-metric threshold, shaped like a request threshold's: `metric`
 * names the metric (as `metric=` does in the string form), every stat key adds one condition,
 * and `abortOnFail` and `window` work as they do for requests:
 *
 *   { metric: 'cost_usd', p95: '<0.02', avg: '<0.01', window: '30s', abortOnFail: true }
 *
 * Each condition is read by the string form's parser, so both forms accept the same stats and
 * values and read back the same (`metric=cost_usd:p95<0.02 over 30s`). `metric` stands alone:
 * no request selector goes with it.
 */

import { formatDuration } from '../core/units/duration.js';
import { CUSTOM_METRIC_NAME } from '../metrics/custom-metric.js';
import { parseCustomMetricThreshold } from './custom-metric-threshold.js';
import { describeValue } from './describe-value.js';
import { conditionsOf, OPTION_KEYS, parseAbortOnFail, parseWindow } from './object-options.js';
import { isSelectorKey } from './selector.js';
import type { ThresholdSpec } from './threshold.js';

const STAT_KEYS = ['avg', 'mean', 'min', 'max', 'med', 'median', 'rate', 'count', 'last'];
const PERCENTILE_KEY = /^p(?:\d+(?:\.\d+)?|\(\s*\d+(?:\.\d+)?\s*\))$/;
const STATS_HINT = 'avg, min, max, med, pNN, rate, count or last';

function isStatKey(key: string): boolean {
  return STAT_KEYS.includes(key) || PERCENTILE_KEY.test(key);
}

/** The metric's name, `metric=` tolerated as in the string form; undefined after a problem. */
function metricName(value: unknown, problems: string[]): string | undefined {
  const name = typeof value === 'string' ? value.trim().replace(/^metric\s*=\s*/, '') : undefined;
  if (name !== undefined && CUSTOM_METRIC_NAME.test(name)) return name;
  problems.push(`metric must be the name of a declared custom metric, like 'cost_usd', got ${describeValue(value)}`);
  return undefined;
}

/** One object-form custom-metric threshold: a spec per condition. Problems follow `where`. */
export function parseCustomMetricObject(
  def: Record<string, unknown>,
  where: string,
  problems: string[],
): ThresholdSpec[] {
  const own: string[] = [];
  const name = metricName(def.metric, own);
  const statKeys: string[] = [];
  for (const key of Object.keys(def)) {
    if (def[key] === undefined || key === 'metric' || OPTION_KEYS.includes(key)) continue;
    if (isStatKey(key)) statKeys.push(key);
    else if (isSelectorKey(key)) own.push(`metric stands alone: it takes no ${key} selector (custom metrics are not per request)`);
    else own.push(`unknown key '${key}' (a custom metric's stats are ${STATS_HINT}; or abortOnFail, window)`);
  }
  const abortOnFail = parseAbortOnFail(def.abortOnFail, own);
  const windowMs = parseWindow(def.window, own);
  if (statKeys.length === 0) own.push(`no stat given (add one of ${STATS_HINT}, e.g. p95: '<0.02')`);
  for (const problem of own) problems.push(`${where}: ${problem}`);
  if (name === undefined) return [];

  const suffix = windowMs === undefined ? '' : ` over ${formatDuration(windowMs)}`;
  const specs: ThresholdSpec[] = [];
  for (const key of statKeys) {
    for (const conditionText of conditionsOf(def[key], `${where}.${key}`, problems)) {
      const condition = conditionText.trim().replace(/^([<>=!]+)\s*/, '$1');
      const expression = `metric=${name}:${key}${condition}${suffix}`;
      const mine: string[] = [];
      const spec = parseCustomMetricThreshold(expression, `metric=${name}`, key, conditionText, mine);
      for (const problem of mine) problems.push(`threshold '${expression}': ${problem}`);
      if (spec === undefined) continue;
      spec.abortOnFail = abortOnFail;
      if (windowMs !== undefined) spec.windowMs = windowMs;
      specs.push(spec);
    }
  }
  return own.length === 0 ? specs : [];
}
