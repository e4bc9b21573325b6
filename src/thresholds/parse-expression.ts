/**
 * The string form of a threshold, `[selector:]metric op value`, as given to `--threshold` or as
 * a plain string in a scenario's `thresholds`. Request names may contain `:` and spaces
 * (`name=GET /items/:id:p95<300ms`), so the expression is read from the end: the condition is
 * the trailing operator and value, the metric is what precedes it back to the last `:`, and
 * everything before that `:` is the selector.
 */

import { VolleyError } from '../errors.js';
import { parseCondition } from './condition.js';
import { isCustomMetricSelector, parseCustomMetricThreshold } from './custom-metric-threshold.js';
import { parseMetricName, unitOf } from './run-vocabulary.js';
import { parseSelector, phaseSelectorProblems } from './selector.js';
import type { ThresholdSpec } from './threshold.js';

/** Lazy head, then the last run of operator characters and a value free of them. */
const SPLIT = /^(.*?)([<>=!]+[^<>=!]*)$/s;

/**
 * Parses one string-form threshold, pushing problems (already prefixed with the expression)
 * onto `problems`. Returns undefined when anything was wrong.
 */
export function parseExpressionInto(text: string, problems: string[]): ThresholdSpec | undefined {
  const expression = text.trim();
  const own: string[] = [];
  const spec = parseTrimmed(expression, own);
  if (spec !== undefined) own.push(...phaseSelectorProblems(spec.filter, spec.windowMs));
  for (const problem of own) problems.push(`threshold '${expression}': ${problem}`);
  return own.length === 0 ? spec : undefined;
}

/** Parses one string-form threshold, throwing a `VOLLEY_E_THRESHOLD` error naming every problem. */
export function parseThresholdExpression(text: string): ThresholdSpec {
  const problems: string[] = [];
  const spec = parseExpressionInto(text, problems);
  if (spec === undefined) {
    throw new VolleyError('VOLLEY_E_THRESHOLD', problems.join('\n'), { details: problems });
  }
  return spec;
}

function parseTrimmed(expression: string, problems: string[]): ThresholdSpec | undefined {
  if (expression === '') {
    problems.push('empty threshold (write e.g. p95<300ms)');
    return undefined;
  }
  const match = SPLIT.exec(expression);
  if (match === null) {
    problems.push('no comparison operator (use <, <=, >, >= or ==, e.g. p95<300ms)');
    return undefined;
  }
  const head = match[1] ?? '';
  const colon = head.lastIndexOf(':');
  const selectorText = colon === -1 ? undefined : head.slice(0, colon);
  if (selectorText !== undefined && isCustomMetricSelector(selectorText)) {
    return parseCustomMetricThreshold(expression, selectorText, head.slice(colon + 1), match[2] ?? '', problems);
  }
  const filter = selectorText === undefined ? {} : parseSelector(selectorText, problems);
  const metric = parseMetricName(head.slice(colon + 1), problems);
  const condition = parseCondition(match[2] ?? '', metric && unitOf(metric), problems);
  if (metric === undefined || condition === undefined || problems.length > 0) return undefined;
  return { expression, filter, metric, op: condition.op, value: condition.value, abortOnFail: false };
}
