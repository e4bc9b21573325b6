/**
 * How much a run keeps, whatever its requests look like. A script that builds a request's name
 * from an id (`/users/123`) without a `name` option makes a stats row per id; an error message
 * carrying an id makes an error group per id. Both grew without bound (gigabytes, reports too
 * large to write), so rows and error groups are capped here, in the recorder and the aggregate
 * alike, and what lies beyond a cap is still counted, under one overflow row or group.
 */

import type { EndpointKey } from './endpoint-key.js';

/** Distinct stats rows a run keeps; later names are recorded under their method's overflow row. */
export const MAX_ROWS = 1000;

/** Distinct error groups kept per stats row (request errors and task errors each). */
export const MAX_ERROR_GROUPS_PER_ROW = 50;

/** The name of a method's overflow row: `GET (other URLs)`. */
export const OVERFLOW_NAME = '(other URLs)';

/** The row that takes a key's requests once the run has MAX_ROWS rows. */
export function overflowKey(key: EndpointKey): EndpointKey {
  const overflow: EndpointKey = { scenario: key.scenario, user: key.user, method: key.method, name: OVERFLOW_NAME };
  if (key.protocol !== undefined) overflow.protocol = key.protocol;
  return overflow;
}

export function isOverflowKey(key: EndpointKey): boolean {
  return key.name === OVERFLOW_NAME;
}

/** The warning a run with overflowing rows carries (on stderr as it happens, and in the Result). */
export function rowOverflowWarning(): string {
  return (
    `More than ${MAX_ROWS.toLocaleString('en-US')} distinct request names: later ones are counted under ` +
    `one row per method, such as 'GET ${OVERFLOW_NAME}'. Requests whose URL carries an id need a ` +
    "name option that groups them, e.g. http.get(`/users/${id}`, { name: '/users/:id' })."
  );
}
