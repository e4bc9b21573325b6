/**
 * The client's cache of stats-row ids. The recorder maps (scope, method, name) to a row id, but
 * reaching it would mean building a key string per request; here the lookup is two array
 * indexes (scope, method index) and one `Map<name, id>` hit, with no string built. The cache
 * holds at most as many names per scope and method as a run keeps rows: past that, names are
 * asked of the recorder each time (they land in an overflow row), so a script requesting ever new
 * URLs without `name` cannot grow a user's memory.
 */

import { MAX_ROWS } from '../../metrics/limits.js';
import type { Protocol } from '../../metrics/endpoint-key.js';
import type { MetricsRecorder } from '../../metrics/recorder.js';

/** A method as sent (uppercase) with its index, which keys the stats-id and head caches. */
export interface MethodInfo {
  readonly method: string;
  readonly index: number;
}

/**
 * The standard methods, shared by every client: the one method table. Other methods get the next
 * free index in the process (from `STANDARD_METHOD_COUNT`, see `methodInfo`). POST, PUT and PATCH are 1 to 3, which the
 * client's head builder relies on (they announce an empty body).
 */
export const METHODS = {
  GET: { method: 'GET', index: 0 },
  POST: { method: 'POST', index: 1 },
  PUT: { method: 'PUT', index: 2 },
  PATCH: { method: 'PATCH', index: 3 },
  DELETE: { method: 'DELETE', index: 4 },
  HEAD: { method: 'HEAD', index: 5 },
  OPTIONS: { method: 'OPTIONS', index: 6 },
} as const satisfies Readonly<Record<string, MethodInfo>>;

/** How many standard methods there are: the first index free for other methods. */
export const STANDARD_METHOD_COUNT = Object.keys(METHODS).length;

/** The standard method of this uppercase name, if it is one (an own key only, never the prototype's). */
export function standardMethod(upper: string): MethodInfo | undefined {
  return Object.hasOwn(METHODS, upper) ? METHODS[upper as keyof typeof METHODS] : undefined;
}

/** An HTTP method is a token (RFC 9110 §5.6.2). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Methods as scripts write them (`'patch'`, `'PURGE'`), found once per process, not per user. */
const methodsAsWritten = new Map<string, MethodInfo>();
/** Past this many spellings, a method is looked up anew on each request rather than kept. */
const MAX_METHOD_SPELLINGS = 256;
let nextMethodIndex = STANDARD_METHOD_COUNT;

/**
 * The method a script named, in any case: a standard one, or another method with an index of
 * its own, the same in every client. Throws on a name that is not an HTTP token.
 */
export function methodInfo(method: string): MethodInfo {
  const known = methodsAsWritten.get(method);
  if (known !== undefined) return known;
  if (typeof method !== 'string' || !TOKEN.test(method)) throw new TypeError(`invalid HTTP method '${method}'`);
  const upper = method.toUpperCase();
  const info = standardMethod(upper) ?? methodsAsWritten.get(upper) ?? { method: upper, index: nextMethodIndex++ };
  if (methodsAsWritten.size < MAX_METHOD_SPELLINGS) {
    methodsAsWritten.set(method, info);
    methodsAsWritten.set(upper, info);
  }
  return info;
}

export class EndpointCache {
  /** Names cached across all scopes and methods (for tests and diagnostics). */
  get size(): number {
    let total = 0;
    for (const methods of this.byScope) for (const names of methods ?? []) total += names?.size ?? 0;
    return total;
  }

  private readonly byScope: (Map<string, number> | undefined)[][] = [];

  /** `protocol`: the rows' protocol when not HTTP/1.1 (`h2` for the HTTP/2 side of the client). */
  constructor(
    private readonly recorder: MetricsRecorder,
    private readonly protocol?: Protocol,
  ) {}

  id(scope: number, methodIndex: number, method: string, name: string): number {
    // Scopes are small non-negative integers in practice; anything else skips the cache.
    if (!Number.isInteger(scope) || scope < 0 || scope > 0xffff)
      return this.recorder.endpoint(scope, method, name, this.protocol);
    let methods = this.byScope[scope];
    if (methods === undefined) {
      methods = [];
      this.byScope[scope] = methods;
    }
    let names = methods[methodIndex];
    if (names === undefined) {
      names = new Map();
      methods[methodIndex] = names;
    }
    let id = names.get(name);
    if (id === undefined) {
      id = this.recorder.endpoint(scope, method, name, this.protocol);
      if (names.size < MAX_ROWS) names.set(name, id);
    }
    return id;
  }
}
