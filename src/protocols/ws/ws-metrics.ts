/**
 * The WebSocket built-in custom metrics: counters of messages sent and received, registered by
 * the first socket a user opens. Declared here so a threshold can name them with no
 * `metrics` in the scenario (`metric=ws_messages_received:rate>10/s`).
 */

import type { CustomMetricDeclaration } from '../../metrics/custom-metric.js';

export const WS_MESSAGES_SENT: CustomMetricDeclaration = { name: 'ws_messages_sent', kind: 'counter' };
export const WS_MESSAGES_RECEIVED: CustomMetricDeclaration = { name: 'ws_messages_received', kind: 'counter' };

/** Every built-in WebSocket metric, for checking thresholds before a run. */
export const WS_METRICS: readonly CustomMetricDeclaration[] = [WS_MESSAGES_SENT, WS_MESSAGES_RECEIVED];
