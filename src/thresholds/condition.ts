/**
 * The `op value` half of a threshold (`<=200ms`, `>=99%`, `>100/s`): the operator, and the
 * value read in the unit of the metric it applies to. A unit that does not fit the metric
 * (`p95<99%`) is an error rather than a silent reinterpretation.
 */

import { tryParseBytes } from '../core/units/bytes.js';
import { tryParseDuration } from '../core/units/duration.js';
import { tryParsePercent } from '../core/units/percent.js';
import { tryParseRate } from '../core/units/rate.js';
import type { ComparisonOperator, ThresholdMetric } from './threshold.js';

export interface Condition {
  op: ComparisonOperator;
  value: number;
}

const OPERATORS_HINT = 'use <, <=, >, >= or ==';

/**
 * Splits `op value` at the operator. Only `[<>=!]` can form an operator and none can appear in
 * a value, so the operator is the run of those characters before the value.
 */
const CONDITION = /^\s*([<>=!]*)\s*(.*?)\s*$/s;

const BARE_NUMBER = /^\d+(?:\.\d+)?$/;

/** Reads `op value` for `metric`; on failure pushes problems and returns undefined. */
export function parseCondition(
  text: string,
  metric: ThresholdMetric | undefined,
  problems: string[],
): Condition | undefined {
  const match = CONDITION.exec(text) as RegExpExecArray;
  const opText = match[1] ?? '';
  const valueText = match[2] ?? '';
  const op = parseOperator(opText, problems);
  if (valueText === '') {
    problems.push('no value given after the operator (e.g. p95<300ms)');
    return undefined;
  }
  // Without a known metric the unit cannot be judged; the metric's own problem is reported.
  if (metric === undefined) return undefined;
  const value = parseValue(valueText, metric, problems);
  if (op === undefined || value === undefined) return undefined;
  return { op, value };
}

export function parseOperator(text: string, problems: string[]): ComparisonOperator | undefined {
  switch (text) {
    case '<':
    case '<=':
    case '>':
    case '>=':
    case '==':
      return text;
    case '':
      problems.push(`no comparison operator (${OPERATORS_HINT}, e.g. p95<300ms)`);
      return undefined;
    default:
      problems.push(`unsupported operator '${text}' (${OPERATORS_HINT})`);
      return undefined;
  }
}

/** Reads a value in the metric's unit: ms, fraction, per second or count. */
export function parseValue(text: string, metric: ThresholdMetric, problems: string[]): number | undefined {
  switch (metric.kind) {
    case 'latency': {
      // A bare number is milliseconds here, unlike `tryParseDuration`'s seconds (a CLI `-t 60`
      // convention): latencies are thought of in ms.
      const ms = BARE_NUMBER.test(text) ? Number(text) : tryParseDuration(text);
      if (ms === undefined) problems.push(`'${text}' is not a duration (use 300ms, 1.5s)`);
      return ms;
    }
    case 'rate': {
      const fraction = tryParsePercent(text);
      if (fraction === undefined) {
        const over = /^\d+(?:\.\d+)?%$/.test(text) || BARE_NUMBER.test(text);
        problems.push(
          over
            ? `'${text}' is over 100% (use 99%, 99.9% or a fraction like 0.99)`
            : `'${text}' is not a percentage (use 99%, 99.9% or a fraction like 0.99)`,
        );
      }
      return fraction;
    }
    case 'rps': {
      const rate = tryParseRate(text);
      if (rate === undefined) problems.push(`'${text}' is not a rate (use 100/s, 6000/m or 100)`);
      return rate;
    }
    case 'memory': {
      const bytes = tryParseBytes(text);
      if (bytes === undefined) problems.push(`'${text}' is not a size (use 50MB, 1.5GB or 256MiB)`);
      return bytes;
    }
    case 'count': {
      if (/^\d+$/.test(text)) return Number(text);
      problems.push(`'${text}' is not a whole number (use e.g. 1000)`);
      return undefined;
    }
  }
}
