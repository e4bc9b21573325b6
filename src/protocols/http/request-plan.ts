/**
 * A request as the client resolved it, for the exchange that sends it: where it goes, its bytes,
 * and its per-request settings. Each client owns one plan and refills it for every request (and
 * every redirect hop); the exchange copies what it keeps in its constructor (or in `redirect()`)
 * and never holds the plan, so a request allocates no options object. Filling and reading happen
 * in one synchronous call, so a plan is never seen half-filled.
 */

import { type MethodInfo, METHODS } from './endpoints.js';
import type { OriginInfo } from './url.js';

/** One hop of a request: what a redirect may change on its way. */
export interface HopPlan {
  origin: OriginInfo;
  /** The path with its query (no fragment). */
  path: string;
  /** The method as this hop sends it (a redirect may turn it into GET). */
  method: MethodInfo;
  /** The request line and headers, ending in the blank line. */
  head: Buffer | string;
  body: Uint8Array | null;
  /** The body type the client adds (a `json` body's), kept to build the heads of redirect hops. */
  contentType: string | undefined;
  /** The request's own headers, kept to build the heads of redirect hops. */
  ownHeaders: Readonly<Record<string, string>> | undefined;
}

/** The plan's origin before its first request; the client sets every field before a plan is read. */
const NO_ORIGIN: OriginInfo = {
  origin: '',
  hostname: '',
  secure: false,
  basePath: '',
  target: { host: '', port: 0, secure: false, servername: undefined },
  hostLines: '',
};

export class RequestPlan implements HopPlan {
  origin: OriginInfo = NO_ORIGIN;
  path = '/';
  method: MethodInfo = METHODS.GET;
  head: Buffer | string = '';
  body: Uint8Array | null = null;
  contentType: string | undefined = undefined;
  ownHeaders: Readonly<Record<string, string>> | undefined = undefined;
  /** The recorder scope of the task that sent it. */
  scope = 0;
  /** Its stats row. */
  endpoint = -1;
  /** Its stats name. */
  name = '';
  /** The statuses that count as success (undefined: anything under 400). */
  expect: number | readonly number[] | undefined = undefined;
  /** Milliseconds for the head, then between body reads (0: none). */
  timeoutMs = 0;
  /** How many redirects to follow (0: none). */
  redirectLimit = 0;
  /** Body bytes kept for the script (0: discard, count only); the rest is counted and dropped. */
  keepLimit = 0;
  /** The request opted in to a retry whatever its method. */
  retry = false;
}
