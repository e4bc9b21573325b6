/**
 * The Prometheus endpoint of a running load test (`GET /metrics`, text format 0.0.4).
 * Other layers import from here only.
 */

export {
  escapeHelp,
  escapeLabelValue,
  type ExpositionState,
  formatSampleValue,
  PROMETHEUS_CONTENT_TYPE,
  renderExposition,
} from './exposition.js';
export { METRICS_PATH, PrometheusOutput, type PrometheusOutputOptions } from './prometheus-output.js';
export { PUSH_JOB, pushExposition, pushUrl } from './pushgateway.js';
