/**
 * Thresholds: parse `[selector:]metric op value` strings and scenario objects into specs, and
 * judge specs against a `StatsSource`. Other layers import from here only.
 */

export { evaluateThreshold, evaluateThresholds } from './evaluate.js';
export { formatValue } from './format-actual.js';
export { parseThresholds } from './parse-definition.js';
export { parseThresholdExpression } from './parse-expression.js';
export { formatSelector } from './selector.js';
export type {
  ComparisonOperator,
  ThresholdCondition,
  ThresholdDefinition,
  ThresholdMetric,
  ThresholdObject,
  ThresholdSpec,
} from './threshold.js';
