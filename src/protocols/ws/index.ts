/**
 * The WebSocket protocol's public face: the per-user client behind `vu.ws`, its options, the
 * shapes a script sees, and the built-in metrics thresholds may name. Everything else in this
 * folder is internal.
 */

export { WsClient, type WsClientOptions, type WsCookieSource } from './ws-client.js';
export { WS_METRICS } from './ws-metrics.js';
export type {
  WsApi,
  WsCloseInfo,
  WsConnectOptions,
  WsData,
  WsMessage,
  WsRequestOptions,
  WsSocket,
  WsTimeout,
  WsWaitOptions,
} from './types.js';
