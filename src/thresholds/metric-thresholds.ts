/**
 * Thresholds written as one object of metric conditions, with no selector and no window, as
 * benchmarks and stress tests take them: `{ mean: '<50ms', p95: '<150ms' }`,
 * `{ successRate: '>95%', peakMemory: '<500MB' }`. The caller passes the vocabulary the names
 * come from (`src/bench/metric-vocabularies.ts`); operators, units, comparison and the verdict's
 * text are the ones every threshold shares. Every problem is collected before anything runs.
 */

import type { ThresholdVerdict } from '../metrics/result.js';
import { parseCondition, splitCondition } from './condition.js';
import type { ValueDisplay } from './format-actual.js';
import type { ComparisonOperator } from './threshold.js';
import type { ValueUnit } from './value-unit.js';
import { judge, type Measured } from './verdict.js';
import { type MetricVocabulary, resolveMetricName } from './vocabulary.js';

export interface MetricThreshold<Metric> {
  /** As written: `mean<50ms`, `successRate>95%`. */
  expression: string;
  metric: Metric;
  /** For a percentile metric: in (0, 100]; else 0. */
  percentile: number;
  unit: ValueUnit;
  display: ValueDisplay;
  op: ComparisonOperator;
  value: number;
}

/**
 * Parses a definition's `thresholds` object. Problems are pushed prefixed with `where`
 * (`bench 'lease creation'`); the specs are returned only when there were none.
 */
export function parseMetricThresholds<Metric>(
  input: unknown,
  vocabulary: MetricVocabulary<Metric>,
  where: string,
  problems: string[],
): MetricThreshold<Metric>[] {
  if (input === undefined) return [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push(`${where}: thresholds must be an object like { mean: '<50ms' }`);
    return [];
  }
  const own: string[] = [];
  const specs: MetricThreshold<Metric>[] = [];
  for (const [key, raw] of Object.entries(input as Record<string, unknown>)) {
    if (raw === undefined) continue;
    const entry = resolveMetricName(key, vocabulary, own);
    const conditions = Array.isArray(raw) ? (raw as unknown[]) : [raw];
    if (conditions.length === 0) own.push(`${key}: empty list of conditions`);
    for (const condition of conditions) {
      if (typeof condition !== 'string') {
        own.push(`${key}: expected a condition like '<50ms', got ${typeof condition}`);
        continue;
      }
      if (entry === undefined) continue;
      const mine: string[] = [];
      const parsed = parseCondition(condition, entry.unit, mine);
      for (const problem of mine) own.push(`${key}: '${condition}': ${problem}`);
      if (parsed === undefined) continue;
      const { opText, valueText } = splitCondition(condition);
      specs.push({
        expression: `${key}${opText}${valueText}`,
        metric: entry.metric,
        percentile: entry.percentile ?? 0,
        unit: entry.unit,
        display: entry.display,
        op: parsed.op,
        value: parsed.value,
      });
    }
  }
  for (const problem of own) problems.push(`${where}: threshold ${problem}`);
  return own.length === 0 ? specs : [];
}

/** The verdict of one threshold; `suffix` names the level (` (concurrency 10)`). */
export function judgeThreshold<Metric>(
  spec: MetricThreshold<Metric>,
  measured: Measured,
  suffix = '',
): ThresholdVerdict {
  return judge({ ...spec, expression: spec.expression + suffix, abortOnFail: false }, measured);
}
