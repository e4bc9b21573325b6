/**
 * A scenario's `thresholds` array (objects and strings) and repeated `--threshold` flags, parsed
 * to specs. Validation happens once, here, and collects every problem before throwing one
 * `VOLLEY_E_THRESHOLD` error, so a user fixes all their thresholds in one go. Input arrives from
 * user JavaScript at run time, so nothing about its shape is trusted.
 */

import { formatDuration } from '../core/units/duration.js';
import { VolleyError } from '../errors.js';
import type { RowFilter } from '../metrics/stats-source.js';
import { parseCondition } from './condition.js';
import { parseCustomMetricObject } from './custom-metric-object.js';
import { describeValue } from './describe-value.js';
import { isMetricName, METRIC_NAMES_HINT, parseMetricName, unitOf } from './run-vocabulary.js';
import { conditionsOf, OPTION_KEYS, parseAbortOnFail, parseWindow } from './object-options.js';
import { parseExpressionInto } from './parse-expression.js';
import { formatSelector, isSelectorKey, phaseSelectorProblems, setKey } from './selector.js';
import type { ThresholdDefinition, ThresholdSpec } from './threshold.js';

/**
 * Parses every definition. `origin` names where they came from, for the error message
 * (`'scenario load/platform.ts'`, `'--threshold'`). Throws one `VolleyError` whose `details`
 * list every problem.
 */
export function parseThresholds(defs: readonly ThresholdDefinition[], origin: string): ThresholdSpec[] {
  const specs: ThresholdSpec[] = [];
  const problems: string[] = [];
  defs.forEach((def: unknown, index) => {
    if (typeof def === 'string') {
      const spec = parseExpressionInto(def, problems);
      if (spec !== undefined) specs.push(spec);
    } else if (typeof def === 'object' && def !== null && !Array.isArray(def)) {
      const object = def as Record<string, unknown>;
      const where = `thresholds[${index}]`;
      // `metric:` names a custom metric, as `metric=` does in the string form.
      if (object.metric !== undefined) specs.push(...parseCustomMetricObject(object, where, problems));
      else specs.push(...parseObject(object, where, problems));
    } else {
      problems.push(
        `thresholds[${index}]: expected a string like 'p95<300ms' or an object like ` +
          `{ p95: '<300ms' }, got ${describeValue(def)}`,
      );
    }
  });
  if (problems.length > 0) {
    const message =
      problems.length === 1
        ? `${origin}: ${problems[0]}`
        : `${origin}: ${problems.length} invalid thresholds\n${problems.map((p) => `  - ${p}`).join('\n')}`;
    throw new VolleyError('VOLLEY_E_THRESHOLD', message, { details: problems });
  }
  return specs;
}

/** One object-form threshold: a spec per condition, all sharing its selector and options. */
function parseObject(def: Record<string, unknown>, where: string, problems: string[]): ThresholdSpec[] {
  const own: string[] = [];
  const filter: RowFilter = {};
  const metricKeys: string[] = [];
  for (const key of Object.keys(def)) {
    // An optional key set to undefined (`p95: strict ? '<1s' : undefined`) is as good as absent.
    if (def[key] === undefined) continue;
    if (isSelectorKey(key)) setKey(filter, key, def[key], own);
    else if (isMetricName(key)) metricKeys.push(key);
    else if (!OPTION_KEYS.includes(key)) {
      own.push(
        `unknown key '${key}' (use a metric: ${METRIC_NAMES_HINT}; a selector: user, name, method, ` +
          `tag, scenario, phase; metric for a custom metric; or abortOnFail, window)`,
      );
    }
  }
  const abortOnFail = parseAbortOnFail(def.abortOnFail, own);
  const windowMs = parseWindow(def.window, own);
  own.push(...phaseSelectorProblems(filter, windowMs));
  if (metricKeys.length === 0)
    own.push(`no metric given (add one of ${METRIC_NAMES_HINT}, e.g. p95: '<300ms')`);
  for (const problem of own) problems.push(`${where}: ${problem}`);

  const selector = formatSelector(filter);
  const suffix = windowMs === undefined ? '' : ` over ${formatDuration(windowMs)}`;
  const specs: ThresholdSpec[] = [];
  for (const key of metricKeys) {
    for (const conditionText of conditionsOf(def[key], `${where}.${key}`, problems)) {
      const condition = conditionText.trim().replace(/^([<>=!]+)\s*/, '$1');
      const expression = `${selector === '' ? '' : `${selector}:`}${key}${condition}${suffix}`;
      const mine: string[] = [];
      const metric = parseMetricName(key, mine);
      const parsed = parseCondition(conditionText, metric && unitOf(metric), mine);
      for (const problem of mine) problems.push(`threshold '${expression}': ${problem}`);
      if (metric === undefined || parsed === undefined) continue;
      const spec: ThresholdSpec = {
        expression,
        filter: { ...filter },
        metric,
        op: parsed.op,
        value: parsed.value,
        abortOnFail,
      };
      if (windowMs !== undefined) spec.windowMs = windowMs;
      specs.push(spec);
    }
  }
  return own.length === 0 ? specs : [];
}
