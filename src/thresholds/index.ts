/**
 * Thresholds: the one engine. Parse `[selector:]metric op value` strings and scenario objects
 * into run specs, or a benchmark's `{ metric: condition }` object with the vocabulary it is
 * written in; judge specs against a `StatsSource` or a measured value. Other layers import from
 * here only.
 */

export { checkCustomMetricThresholds } from './custom-metric-threshold.js';
export { evaluateThreshold, evaluateThresholds } from './evaluate.js';
export {
  formatActual,
  formatByteSize,
  formatTime,
  formatValue,
  type ShownValue,
  type ValueDisplay,
} from './format-actual.js';
export { judgeThreshold, type MetricThreshold, parseMetricThresholds } from './metric-thresholds.js';
export { parseThresholds } from './parse-definition.js';
export { parseThresholdExpression } from './parse-expression.js';
export { RUN_VOCABULARY } from './run-vocabulary.js';
export { formatSelector } from './selector.js';
export type {
  ComparisonOperator,
  ThresholdCondition,
  ThresholdDefinition,
  ThresholdMetric,
  ThresholdObject,
  ThresholdSpec,
} from './threshold.js';
export { parseValue, type ValueUnit } from './value-unit.js';
export { judge, type JudgedCondition, type Measured } from './verdict.js';
export type { MetricVocabulary, VocabularyEntry } from './vocabulary.js';
