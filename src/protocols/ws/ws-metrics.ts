/**
 * The WebSocket built-in custom metrics: counters of messages sent and received, registered by
 * the first socket a user opens. Declared here so a threshold can name them with no
 * `metrics` in the scenario (`metric=ws_messages_received:rate>10/s`).
 */

import type { CustomMetricDeclaration } from '../../metrics/custom-metric.js';
import { WS_MESSAGES_RECEIVED, WS_MESSAGES_SENT } from '../../metrics/builtin-metrics.js';

export { WS_MESSAGES_RECEIVED, WS_MESSAGES_SENT };

/** Every built-in WebSocket metric, for checking thresholds before a run. */
export const WS_METRICS: readonly CustomMetricDeclaration[] = [WS_MESSAGES_SENT, WS_MESSAGES_RECEIVED];
