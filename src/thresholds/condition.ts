/**
 * The `op value` half of a threshold (`<=200ms`, `>=99%`, `>100/s`): the operator, and the
 * value read in the unit of the metric it applies to. Every vocabulary reads conditions here.
 */

import type { ComparisonOperator } from './threshold.js';
import { parseValue, type ValueUnit, valueProblem } from './value-unit.js';

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

/** The operator text and the value text of a condition, both trimmed. */
export function splitCondition(text: string): { opText: string; valueText: string } {
  const match = CONDITION.exec(text) as RegExpExecArray;
  return { opText: match[1] ?? '', valueText: match[2] ?? '' };
}

/**
 * Reads `op value` for a metric in `unit`; on failure pushes problems and returns undefined.
 * Without a unit (the metric was not known) only the operator is judged: the metric's own
 * problem is reported.
 */
export function parseCondition(
  text: string,
  unit: ValueUnit | undefined,
  problems: string[],
): Condition | undefined {
  const { opText, valueText } = splitCondition(text);
  const op = parseOperator(opText, problems);
  if (valueText === '') {
    problems.push('no value given after the operator (e.g. p95<300ms)');
    return undefined;
  }
  if (unit === undefined) return undefined;
  const value = parseValue(valueText, unit);
  if (value === undefined) problems.push(valueProblem(valueText, unit));
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
