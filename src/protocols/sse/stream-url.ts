/**
 * A stream's URL and default row name: a path starting with `/` joins the scenario host (and its
 * base path), an absolute http(s) URL stands alone; `query` is appended, encoded with
 * `encodeURIComponent`. The row name is the path without the query, prefixed with the origin when
 * it is not the scenario host's (as HTTP requests are named). Parsed once per `sse()` call.
 */

import type { SseQueryValue } from './types.js';

export interface StreamUrl {
  readonly url: URL;
  readonly name: string;
}

export function streamUrl(url: string, base: URL | undefined, query: Readonly<Record<string, SseQueryValue>> | undefined): StreamUrl {
  let target: URL;
  if (url.startsWith('/')) {
    if (base === undefined) throw new TypeError(`relative URL '${url}' needs a base URL (the scenario host)`);
    const basePath = base.pathname.endsWith('/') ? base.pathname.slice(0, -1) : base.pathname;
    target = new URL(base.origin + basePath + url);
  } else if (/^https?:\/\//i.test(url)) {
    target = new URL(url);
  } else {
    throw new TypeError(`URL '${url}' must be a path starting with '/' or an absolute http(s):// URL`);
  }
  target.hash = '';
  const encoded = encodeQuery(query);
  if (encoded !== '') target.search = target.search === '' ? `?${encoded}` : `${target.search}&${encoded}`;
  const prefix = base !== undefined && target.origin === base.origin ? '' : target.origin;
  return { url: target, name: prefix + target.pathname };
}

function encodeQuery(query: Readonly<Record<string, SseQueryValue>> | undefined): string {
  const parts: string[] = [];
  for (const key in query) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const one of values) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(one))}`);
  }
  return parts.join('&');
}
