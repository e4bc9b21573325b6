/**
 * The headers a request went out with, as a plain record, for the rare request that is one of
 * its row's slowest (the recorder redacts them): read back from the HTTP/1.1 head that was
 * written, or from the HTTP/2 header block less its pseudo-headers. Never on the request path.
 */

import type { OutgoingHttpHeaders } from 'node:http2';

/** `name: value` lines after the request line of an HTTP/1.1 head; repeated names join with `, `. */
export function headHeaders(head: Buffer | string): Record<string, string> {
  const text = typeof head === 'string' ? head : head.toString('latin1');
  const pairs = new Map<string, string>();
  const lines = text.split('\r\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const earlier = pairs.get(name);
    pairs.set(name, earlier === undefined ? value : `${earlier}, ${value}`);
  }
  return Object.fromEntries(pairs);
}

/** An HTTP/2 header block without its pseudo-headers (`:method`, `:path`…), values as text. */
export function sentHttp2Headers(headers: OutgoingHttpHeaders): Record<string, string> {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    pairs.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
  }
  return Object.fromEntries(pairs);
}
