/**
 * Request URL resolution without a `new URL()` per request. An origin (`http://host:port`) is
 * parsed once, when a client first meets it; after that a request is string slicing: relative
 * paths join the base path, absolute URLs split at their first `/`, `?` or `#` after the scheme
 * and look their origin up by that prefix.
 */

import { isIP } from 'node:net';
import type { ConnectionTarget } from './socket-connect.js';

/** One origin a client talks to, parsed once. */
export interface OriginInfo {
  /** Canonical `scheme://host[:port]` (lowercase host, default port dropped). */
  readonly origin: string;
  /** For cookie matching: lowercase, IPv6 without brackets. */
  readonly hostname: string;
  readonly secure: boolean;
  /** The base URL's path without a trailing slash (`/api`), or '' (always '' for non-base origins). */
  readonly basePath: string;
  /** Where its connections go. */
  readonly target: ConnectionTarget;
  /** The lines every request head to it starts its headers with: `host` and `connection`. */
  readonly hostLines: string;
}

/**
 * Origins parsed so far, shared by every client in the process: the users of a run meet the same
 * few origins, and each user parsing them anew cost a URL parse and an origin's strings per user.
 * Bounded, for a script that makes up a new origin per request.
 */
const parsedOrigins = new Map<string, OriginInfo>();
const MAX_PARSED_ORIGINS = 1024;

/** Parses the origin (and, for the base URL, the base path) of an absolute http(s) URL. */
export function parseOrigin(url: string, keepPath: boolean): OriginInfo {
  const key = keepPath ? `base ${url}` : url;
  let info = parsedOrigins.get(key);
  if (info === undefined) {
    info = parseOriginOnce(url, keepPath);
    if (parsedOrigins.size >= MAX_PARSED_ORIGINS) parsedOrigins.clear();
    parsedOrigins.set(key, info);
  }
  return info;
}

function parseOriginOnce(url: string, keepPath: boolean): OriginInfo {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`invalid URL '${url}': expected an absolute http:// or https:// URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TypeError(`unsupported URL scheme in '${url}': only http:// and https:// are supported`);
  }
  const hostname = parsed.hostname.startsWith('[') ? parsed.hostname.slice(1, -1) : parsed.hostname;
  let basePath = keepPath ? parsed.pathname : '';
  if (basePath.endsWith('/')) basePath = basePath.slice(0, -1);
  const secure = parsed.protocol === 'https:';
  return {
    origin: parsed.origin,
    hostname,
    secure,
    basePath,
    target: {
      host: hostname,
      port: parsed.port === '' ? (secure ? 443 : 80) : Number(parsed.port),
      secure,
      servername: isIP(hostname) === 0 ? hostname : undefined,
    },
    hostLines: `host: ${parsed.host}\r\nconnection: keep-alive\r\n`,
  };
}

/** Whether `url` starts with `http://` or `https://` (case-insensitively), checked by char codes. */
export function isAbsolute(url: string): boolean {
  if ((url.charCodeAt(0) | 0x20) !== 0x68 || (url.charCodeAt(1) | 0x20) !== 0x74) return false;
  if ((url.charCodeAt(2) | 0x20) !== 0x74 || (url.charCodeAt(3) | 0x20) !== 0x70) return false;
  const colon = (url.charCodeAt(4) | 0x20) === 0x73 ? 5 : 4;
  return (
    url.charCodeAt(colon) === 0x3a && url.charCodeAt(colon + 1) === 0x2f && url.charCodeAt(colon + 2) === 0x2f
  );
}

/** Where the path of an absolute URL starts: its first `/`, `?` or `#` after `scheme://`, or its length. */
export function pathStart(url: string): number {
  const from = url.indexOf('//') + 2;
  for (let i = from; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 0x2f || c === 0x3f || c === 0x23) return i;
  }
  return url.length;
}

/** Drops a `#fragment` (never sent) and makes sure the path starts with `/`. */
export function normalizePath(path: string): string {
  const hash = path.indexOf('#');
  const bare = hash === -1 ? path : path.slice(0, hash);
  return bare.charCodeAt(0) === 0x2f ? bare : `/${bare}`;
}

/** `a=1&b=x%20y&c=1&c=2`: arrays repeat the key; `undefined` and `null` are left out. */
export function encodeQuery(query: Readonly<Record<string, unknown>>): string {
  let out = '';
  for (const key in query) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    const k = encodeURIComponent(key);
    if (Array.isArray(value)) {
      for (const item of value) out += `${out === '' ? '' : '&'}${k}=${encodeURIComponent(String(item))}`;
    } else {
      out += `${out === '' ? '' : '&'}${k}=${encodeURIComponent(String(value))}`;
    }
  }
  return out;
}

/** Appends an encoded query to a path that may already carry one. */
export function appendQuery(path: string, encoded: string): string {
  if (encoded === '') return path;
  const q = path.indexOf('?');
  if (q === -1) return `${path}?${encoded}`;
  return q === path.length - 1 || path.endsWith('&') ? path + encoded : `${path}&${encoded}`;
}
