/**
 * Thresholds of benchmarks and stress tests: `{ mean: '<50ms', p95: '<150ms' }`,
 * `{ successRate: '>95%', peakMemory: '<500MB', memoryGrowth: '<50MB' }`. The run thresholds
 * (`src/thresholds/`) speak of requests and rows; these speak of one operation and the process
 * running it, so the metric names and units are their own, while the operators, the comparison
 * and the unit parsers are shared. Every problem in a file's definitions is collected before
 * anything runs.
 */

import { tryParseDuration } from '../core/units/duration.js';
import { tryParsePercent } from '../core/units/percent.js';
import { tryParseRate } from '../core/units/rate.js';
import type { ThresholdVerdict } from '../metrics/result.js';
import { compare } from '../thresholds/compare.js';
import { parseOperator } from '../thresholds/condition.js';
import type { ComparisonOperator } from '../thresholds/index.js';
import { tryParseBytes } from '../core/units/bytes.js';
import { formatVerdictValue, type MetricUnit } from './metric-value.js';

export type ThresholdScope = 'bench' | 'stress';

export type MetricName =
  | 'mean'
  | 'min'
  | 'max'
  | 'percentile'
  | 'stdev'
  | 'ops'
  | 'rme'
  | 'successRate'
  | 'errorRate'
  | 'failures'
  | 'peakMemory'
  | 'meanMemory'
  | 'memoryGrowth'
  | 'peakCpu'
  | 'meanCpu'
  | 'targetPeakMemory'
  | 'targetMemoryGrowth'
  | 'targetPeakCpu'
  | 'scalingEfficiency'
  | 'degradation';

export interface MetricThreshold {
  /** As written: `mean<50ms`, `successRate>95%`. */
  expression: string;
  metric: MetricName;
  /** For `percentile`: in (0, 100]. */
  percentile: number;
  unit: MetricUnit;
  op: ComparisonOperator;
  value: number;
}

interface MetricInfo {
  metric: MetricName;
  unit: MetricUnit;
  scopes: readonly ThresholdScope[];
}

const BOTH: readonly ThresholdScope[] = ['bench', 'stress'];
const BENCH: readonly ThresholdScope[] = ['bench'];
const STRESS: readonly ThresholdScope[] = ['stress'];

/** Keys are lower-case: names are matched case-insensitively. */
const METRICS: ReadonlyMap<string, MetricInfo> = new Map<string, MetricInfo>([
  ['mean', { metric: 'mean', unit: 'ms', scopes: BOTH }],
  ['avg', { metric: 'mean', unit: 'ms', scopes: BOTH }],
  ['min', { metric: 'min', unit: 'ms', scopes: BOTH }],
  ['max', { metric: 'max', unit: 'ms', scopes: BOTH }],
  ['stdev', { metric: 'stdev', unit: 'ms', scopes: BENCH }],
  ['sd', { metric: 'stdev', unit: 'ms', scopes: BENCH }],
  ['ops', { metric: 'ops', unit: 'perSecond', scopes: BOTH }],
  ['rme', { metric: 'rme', unit: 'fraction', scopes: BENCH }],
  ['successrate', { metric: 'successRate', unit: 'fraction', scopes: STRESS }],
  ['errorrate', { metric: 'errorRate', unit: 'fraction', scopes: STRESS }],
  ['failures', { metric: 'failures', unit: 'count', scopes: STRESS }],
  ['peakmemory', { metric: 'peakMemory', unit: 'bytes', scopes: BOTH }],
  ['meanmemory', { metric: 'meanMemory', unit: 'bytes', scopes: BOTH }],
  ['memorygrowth', { metric: 'memoryGrowth', unit: 'bytes', scopes: BOTH }],
  ['peakcpu', { metric: 'peakCpu', unit: 'cpu', scopes: BOTH }],
  ['meancpu', { metric: 'meanCpu', unit: 'cpu', scopes: BOTH }],
  ['targetpeakmemory', { metric: 'targetPeakMemory', unit: 'bytes', scopes: BOTH }],
  ['targetmemorygrowth', { metric: 'targetMemoryGrowth', unit: 'bytes', scopes: BOTH }],
  ['targetpeakcpu', { metric: 'targetPeakCpu', unit: 'cpu', scopes: BOTH }],
  ['scalingefficiency', { metric: 'scalingEfficiency', unit: 'fraction', scopes: STRESS }],
  ['degradation', { metric: 'degradation', unit: 'ratio', scopes: STRESS }],
]);

const PERCENTILE = /^p(?:(\d+(?:\.\d+)?)|\(\s*(\d+(?:\.\d+)?)\s*\))$/i;

function namesFor(scope: ThresholdScope): string {
  const names = new Set<string>();
  for (const info of METRICS.values()) if (info.scopes.includes(scope)) names.add(info.metric);
  return [...names, 'median', 'pNN'].join(', ');
}

/** What a unit's values look like, for messages. */
const UNIT_HINT: Record<MetricUnit, string> = {
  ms: 'a duration like 50ms or 1.5s',
  fraction: 'a percentage like 95% or a fraction like 0.95',
  cpu: 'a percent of one core like 80%',
  bytes: 'a size with a unit like 500MB or 256MiB',
  perSecond: 'a rate like 1000/s',
  ratio: 'a multiple like 3x',
  count: 'a whole number',
};

const BARE_NUMBER = /^\d+(?:\.\d+)?$/;

function parseValue(text: string, unit: MetricUnit): number | undefined {
  switch (unit) {
    case 'ms':
      // As in run thresholds, a bare number is milliseconds: latencies are thought of in ms.
      return BARE_NUMBER.test(text) ? Number(text) : tryParseDuration(text);
    case 'fraction':
      return tryParsePercent(text);
    case 'cpu': {
      const match = /^(\d+(?:\.\d+)?)%?$/.exec(text);
      return match === null ? undefined : Number(match[1]);
    }
    case 'bytes':
      return tryParseBytes(text);
    case 'perSecond':
      return tryParseRate(text);
    case 'ratio': {
      const match = /^(\d+(?:\.\d+)?)x?$/i.exec(text);
      return match === null ? undefined : Number(match[1]);
    }
    case 'count':
      return /^\d+$/.test(text) ? Number(text) : undefined;
  }
}

function resolveMetric(
  key: string,
  scope: ThresholdScope,
  problems: string[],
): { info: MetricInfo; percentile: number } | undefined {
  const lower = key.trim().toLowerCase();
  if (lower === 'median' || lower === 'med') {
    return { info: { metric: 'percentile', unit: 'ms', scopes: BOTH }, percentile: 50 };
  }
  const match = PERCENTILE.exec(key.trim());
  if (match !== null) {
    const percentile = Number(match[1] ?? match[2]);
    if (percentile > 0 && percentile <= 100) {
      return { info: { metric: 'percentile', unit: 'ms', scopes: BOTH }, percentile };
    }
    problems.push(`percentile in '${key}' is out of range (use 0 < N <= 100, e.g. p95 or p99.9)`);
    return undefined;
  }
  const info = METRICS.get(lower);
  if (info === undefined) {
    problems.push(`unknown metric '${key}' (use one of ${namesFor(scope)})`);
    return undefined;
  }
  if (!info.scopes.includes(scope)) {
    const other = scope === 'bench' ? 'stress tests' : 'benchmarks';
    const here = scope === 'bench' ? 'benchmarks' : 'stress tests';
    problems.push(`'${key}' applies to ${other}, not ${here} (use one of ${namesFor(scope)})`);
    return undefined;
  }
  return { info, percentile: 0 };
}

/**
 * Parses a definition's `thresholds` object. Problems are pushed prefixed with `where`
 * (`bench 'lease creation'`); the specs are returned only when there were none.
 */
export function parseMetricThresholds(
  input: unknown,
  scope: ThresholdScope,
  where: string,
  problems: string[],
): MetricThreshold[] {
  if (input === undefined) return [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push(`${where}: thresholds must be an object like { mean: '<50ms' }`);
    return [];
  }
  const own: string[] = [];
  const specs: MetricThreshold[] = [];
  for (const [key, raw] of Object.entries(input as Record<string, unknown>)) {
    if (raw === undefined) continue;
    const resolved = resolveMetric(key, scope, own);
    const conditions = Array.isArray(raw) ? (raw as unknown[]) : [raw];
    if (conditions.length === 0) own.push(`${key}: empty list of conditions`);
    for (const condition of conditions) {
      if (typeof condition !== 'string') {
        own.push(`${key}: expected a condition like '<50ms', got ${typeof condition}`);
        continue;
      }
      if (resolved === undefined) continue;
      const spec = parseCondition(key, condition, resolved.info, resolved.percentile, own);
      if (spec !== undefined) specs.push(spec);
    }
  }
  for (const problem of own) problems.push(`${where}: threshold ${problem}`);
  return own.length === 0 ? specs : [];
}

function parseCondition(
  key: string,
  condition: string,
  info: MetricInfo,
  percentile: number,
  problems: string[],
): MetricThreshold | undefined {
  const match = /^\s*([<>=!]*)\s*(.*?)\s*$/s.exec(condition) as RegExpExecArray;
  const valueText = match[2] ?? '';
  const expression = `${key}${match[1] ?? ''}${valueText}`;
  const mine: string[] = [];
  const op = parseOperator(match[1] ?? '', mine);
  const value = valueText === '' ? undefined : parseValue(valueText, info.unit);
  if (valueText === '') mine.push('no value after the operator');
  else if (value === undefined) mine.push(`'${valueText}' is not ${UNIT_HINT[info.unit]}`);
  for (const problem of mine) problems.push(`${key}: '${condition}': ${problem}`);
  if (op === undefined || value === undefined) return undefined;
  return { expression, metric: info.metric, percentile, unit: info.unit, op, value };
}

/** A measured value, or null with the reason there is none. */
export type Measured = { value: number } | { value: null; note: string };

/** The verdict of one threshold; `suffix` names the level (` (concurrency 10)`). */
export function judgeThreshold(spec: MetricThreshold, measured: Measured, suffix = ''): ThresholdVerdict {
  const expression = spec.expression + suffix;
  if (measured.value === null) {
    return {
      expression,
      ok: false,
      actual: null,
      actualText: 'no data',
      abortOnFail: false,
      note: measured.note,
    };
  }
  const ok = compare(measured.value, spec.op, spec.value);
  return {
    expression,
    ok,
    actual: measured.value,
    actualText: formatVerdictValue(spec.unit, measured.value, spec.op, spec.value, ok),
    abortOnFail: false,
  };
}
