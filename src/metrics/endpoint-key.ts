/**
 * What a stats row is keyed by: the user class that made the request, the request's name
 * (its path, or the `name` the script gave) and the HTTP method. `kind` separates requests from
 * task-level errors (an exception thrown by a task outside any request).
 */

export interface EndpointKey {
  /** Scenario name, when a run has several; empty for the default scenario. */
  scenario: string;
  user: string;
  name: string;
  method: string;
  /**
   * The `vu.group()` path the row was recorded in (`checkout › pay`), absent outside any group.
   * The row's name then starts with it (`checkout › /api/pay`), so every report shows it as it is.
   */
  group?: string;
  /**
   * The protocol of the row's samples when it is not HTTP/1.1 or a measure: `h2`, `ws`, `sse`,
   * `grpc` (see PROTOCOLS). Absent for HTTP/1.1 requests, `vu.measure()` and `vu.group()` rows,
   * so results written before protocols existed read the same.
   */
  protocol?: string;
}

/** The protocols a row can carry, and how a person reads each (the summary's Protocol column). */
export const PROTOCOLS = { h2: 'HTTP/2', ws: 'WebSocket', sse: 'SSE', grpc: 'gRPC' } as const;
export type Protocol = keyof typeof PROTOCOLS;

/** The Protocol column's text for a row: its protocol, HTTP/1.1 for an HTTP row, else empty. */
export function protocolLabel(key: EndpointKey, isHttp: boolean): string {
  if (key.protocol !== undefined) return (PROTOCOLS as Record<string, string>)[key.protocol] ?? key.protocol;
  return isHttp ? 'HTTP/1.1' : '';
}

/** How nested group names join into a path, and a group path and a name into a row name. */
export const GROUP_SEPARATOR = ' › ';

/** The type (method) of the row that times a whole `vu.group()`. */
export const GROUP_TYPE = 'GROUP';

/** The type of a WebSocket row that times a socket's whole life (from connect to close). */
export const SESSION_TYPE = 'SESSION';

/**
 * Whether a row counts in the run's totals (the `Aggregated` row, per-class figures, the live
 * line, a threshold without a selector). A `GROUP` row does not: it times calls that are already
 * rows of their own, and would count them twice. Nor does a WebSocket `SESSION`: a socket's
 * lifetime (seconds, minutes) is no request, and would swamp the latency of those that are.
 */
export function countsInTotals(key: EndpointKey): boolean {
  return key.method !== GROUP_TYPE && !(key.method === SESSION_TYPE && key.protocol === 'ws');
}

/** A stable string form of a key, for maps off the hot path (aggregation, comparison). */
export function endpointKeyId(key: EndpointKey): string {
  const id = `${key.scenario}\u0000${key.user}\u0000${key.method}\u0000${key.name}`;
  const grouped = key.group === undefined ? id : `${id}\u0000${key.group}`;
  return key.protocol === undefined ? grouped : `${grouped}\u0001${key.protocol}`;
}

/** How a person reads a key in a table or an error list: `AuthUser POST /login`. */
export function formatEndpointKey(key: EndpointKey): string {
  const prefix = key.scenario === '' ? '' : `${key.scenario}/`;
  return `${prefix}${key.user} ${key.method} ${key.name}`;
}
