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
}

/** How nested group names join into a path, and a group path and a name into a row name. */
export const GROUP_SEPARATOR = ' › ';

/** The type (method) of the row that times a whole `vu.group()`. */
export const GROUP_TYPE = 'GROUP';

/**
 * Whether a row counts in the run's totals (the `Aggregated` row, per-class figures, the live
 * line, a threshold without a selector). A `GROUP` row does not: it times calls that are already
 * rows of their own, and would count them twice.
 */
export function countsInTotals(key: EndpointKey): boolean {
  return key.method !== GROUP_TYPE;
}

/** A stable string form of a key, for maps off the hot path (aggregation, comparison). */
export function endpointKeyId(key: EndpointKey): string {
  const id = `${key.scenario}\u0000${key.user}\u0000${key.method}\u0000${key.name}`;
  return key.group === undefined ? id : `${id}\u0000${key.group}`;
}

/** How a person reads a key in a table or an error list: `AuthUser POST /login`. */
export function formatEndpointKey(key: EndpointKey): string {
  const prefix = key.scenario === '' ? '' : `${key.scenario}/`;
  return `${prefix}${key.user} ${key.method} ${key.name}`;
}
