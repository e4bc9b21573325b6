/**
 * A request's HTTP/2 header block as `node:http2` takes it: an object of lowercase names with the
 * pseudo-headers `:method` and `:path` (Node adds `:scheme` and `:authority` from the session).
 * HTTP/2 forbids the connection-specific headers of HTTP/1.1 (RFC 9113 §8.2.2), so they are left
 * out, and a script's `host` header becomes `:authority`. Node copies the object it is given, so
 * the block of a plain request (default headers, no body, no cookies) is built once and reused.
 */

import type { OutgoingHttpHeaders } from 'node:http2';

/** HTTP/1.1 headers that have no place in HTTP/2 (Node refuses most of them). */
const CONNECTION_SPECIFIC: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
]);

/**
 * The header block of a request: `flat` is `[name, value, …]` as the HTTP/1.1 client merges it
 * (its own headers first, then the defaults none of them override), names in any case.
 */
export function http2Headers(method: string, path: string, flat: readonly string[]): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { ':method': method, ':path': path };
  for (let i = 0; i < flat.length; i += 2) {
    const name = (flat[i] as string).toLowerCase();
    const value = flat[i + 1] as string;
    if (CONNECTION_SPECIFIC.has(name)) continue;
    if (name === 'host') {
      headers[':authority'] = value;
      continue;
    }
    // The HTTP/1.1 merge never repeats a name; a repeated one here came from different cases.
    if (headers[name] === undefined) headers[name] = value;
  }
  return headers;
}
