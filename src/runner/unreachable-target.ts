/**
 * Notices a target that nothing answers: when every request of the run's first seconds failed
 * to connect (refused, unreachable), the run is measuring nothing but its own error path, so it
 * says so plainly and stops, instead of sending failing requests for its whole duration.
 *
 * Read on the aggregation tick from the grouped errors, never on the request path.
 */

import type { LiveErrorRow } from '../metrics/live-row.js';

/** How long a run must have been refused before it is called unreachable. */
export const UNREACHABLE_AFTER_MS = 3000;

/**
 * Connection errors that mean no service answered: Node's codes (`connect ECONNREFUSED
 * 127.0.0.1:8080`) and the HTTP client's own wording (`connection refused: nothing is listening
 * on 127.0.0.1:8080`).
 */
const CONNECT_ERROR = /\b(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL)\b|\bconnection refused\b/i;
/** The address in either form: after "listening on", or after the error code. */
const LISTENING_ON = /\blistening on (\S+?)\.?$/;
const AFTER_CODE = /\b(?:ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL)\b\D*?((?:\d{1,3}\.){3}\d{1,3}:\d+|\[?[0-9a-f:]*:[0-9a-f:]*\]?:\d+)/i;

function addressIn(message: string): string | undefined {
  return LISTENING_ON.exec(message)?.[1] ?? AFTER_CODE.exec(message)?.[1];
}

export interface ReachabilityView {
  elapsedMs: number;
  requests: number;
  failures: number;
  errors: readonly LiveErrorRow[];
}

/**
 * `undefined` while it is too early to tell; `null` once the target answered (or no request was
 * made in the window: nothing to judge); otherwise the message that explains the stop.
 */
export function unreachableTarget(view: ReachabilityView, host: string): string | null | undefined {
  if (view.requests > view.failures) return null;
  if (view.elapsedMs < UNREACHABLE_AFTER_MS) return undefined;
  if (view.requests === 0) return null;
  const refused = view.errors.filter((e) => e.kind === 'request' && CONNECT_ERROR.test(e.message));
  const count = refused.reduce((sum, e) => sum + e.count, 0);
  if (count < view.requests) return null;
  const addresses = [
    ...new Set(refused.map((e) => addressIn(e.message)).filter((a) => a !== undefined)),
  ];
  const where = addresses.length > 0 ? addresses.join(', ') : host === '' ? 'the target' : host;
  const seconds = Math.round(view.elapsedMs / 1000);
  return (
    `nothing is listening on ${where}: is the service running? Every request of the first ` +
    `${seconds}s (${view.requests.toLocaleString('en-US')}) failed to connect, so the run stopped early ` +
    '(--keep-going runs on regardless).'
  );
}
