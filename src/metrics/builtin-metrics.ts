/**
 * The custom metrics volley's protocols record by themselves (events, messages, reconnects),
 * declared here once: each protocol registers its own with the recorder on first use, and
 * threshold checking knows them all before the run, so `metric=sse_events:rate>100` works in a
 * scenario that declares nothing. A scenario cannot declare a metric of the same name.
 */

import type { CustomMetricDeclaration } from './custom-metric.js';

/** Server-Sent Events: events received (a counter: its rate is events per second). */
export const SSE_EVENTS: CustomMetricDeclaration = { name: 'sse_events', kind: 'counter' };
/** Server-Sent Events: the time between consecutive events of one connection. */
export const SSE_EVENT_GAP: CustomMetricDeclaration = { name: 'sse_event_gap_ms', kind: 'trend', unit: 'ms' };
/** Server-Sent Events: reconnects made after a stream ended or dropped. */
export const SSE_RECONNECTS: CustomMetricDeclaration = { name: 'sse_reconnects', kind: 'counter' };

/** WebSocket: messages sent, over every socket of the run. */
export const WS_MESSAGES_SENT: CustomMetricDeclaration = { name: 'ws_messages_sent', kind: 'counter' };
/** WebSocket: messages received, over every socket of the run. */
export const WS_MESSAGES_RECEIVED: CustomMetricDeclaration = { name: 'ws_messages_received', kind: 'counter' };

/** gRPC: messages sent on streaming calls (server, client and bidi streams). */
export const GRPC_MESSAGES_SENT: CustomMetricDeclaration = { name: 'grpc_messages_sent', kind: 'counter' };
/** gRPC: messages received on streaming calls. */
export const GRPC_MESSAGES_RECEIVED: CustomMetricDeclaration = { name: 'grpc_messages_received', kind: 'counter' };

/** Every built-in metric, with the protocol that records it (for error messages). */
export const BUILTIN_METRICS: readonly { declaration: CustomMetricDeclaration; recordedBy: string }[] = [
  { declaration: SSE_EVENTS, recordedBy: 'Server-Sent Events (vu.http.sse)' },
  { declaration: SSE_EVENT_GAP, recordedBy: 'Server-Sent Events (vu.http.sse)' },
  { declaration: SSE_RECONNECTS, recordedBy: 'Server-Sent Events (vu.http.sse)' },
  { declaration: WS_MESSAGES_SENT, recordedBy: 'WebSocket (vu.ws)' },
  { declaration: WS_MESSAGES_RECEIVED, recordedBy: 'WebSocket (vu.ws)' },
  { declaration: GRPC_MESSAGES_SENT, recordedBy: 'gRPC (vu.grpc)' },
  { declaration: GRPC_MESSAGES_RECEIVED, recordedBy: 'gRPC (vu.grpc)' },
];

/** The protocol that records `name`, when it is a built-in metric's. */
export function builtinMetricOwner(name: string): string | undefined {
  return BUILTIN_METRICS.find((m) => m.declaration.name === name)?.recordedBy;
}
