/**
 * Request header assembly. The client's default headers are checked and turned into head lines
 * once, so a request without its own headers, body type or cookies does nothing here. Only a
 * request that adds something gets a merged copy, checked in turn.
 */

import { checkHeader, headerLines } from './request-head.js';
import { DEFAULT_ACCEPT_ENCODING } from '../../config/http-defaults.js';

export class RequestHeaders {
  /** The defaults, `[name, value, …]`. */
  readonly flat: readonly string[];
  /** Their head lines, `name: value\r\n` each. */
  readonly lines: string;
  private readonly lowerNames: readonly string[];

  constructor(defaults: Readonly<Record<string, string>> | undefined) {
    const flat: string[] = [];
    const lower: string[] = [];
    for (const name in defaults) {
      const value = defaults[name];
      if (value === undefined) continue;
      checkHeader(name, value);
      flat.push(name, value);
      lower.push(name.toLowerCase());
    }
    this.flat = flat;
    this.lowerNames = lower;
    this.lines = headerLines(flat);
  }

  /**
   * A request's own headers, then a content type (a `json` body's) and the jar's cookies unless
   * those set them, then the defaults none of these override (names compared case-insensitively).
   */
  merge(
    own: Readonly<Record<string, string>> | undefined,
    contentType: string | undefined,
    cookie: string | undefined,
  ): string[] {
    const out: string[] = [];
    const names: string[] = [];
    for (const name in own) {
      const value = own[name];
      if (value === undefined) continue;
      checkHeader(name, value);
      out.push(name, value);
      names.push(name.toLowerCase());
    }
    if (contentType !== undefined && !names.includes('content-type')) {
      out.push('content-type', contentType);
      names.push('content-type');
    }
    if (cookie !== undefined && !names.includes('cookie')) {
      out.push('cookie', cookie);
      names.push('cookie');
    }
    for (let i = 0; i < this.lowerNames.length; i++) {
      if (names.includes(this.lowerNames[i] as string)) continue;
      out.push(this.flat[2 * i] as string, this.flat[2 * i + 1] as string);
    }
    return out;
  }
}

/**
 * `own` without the headers named in `lowerNames` (compared case-insensitively): `own` itself
 * when it has none of them, undefined when nothing is left. For redirects, which drop a body's
 * headers or credentials.
 */
export function withoutHeaders(
  own: Readonly<Record<string, string>> | undefined,
  lowerNames: readonly string[],
): Readonly<Record<string, string>> | undefined {
  if (own === undefined) return undefined;
  let kept: Record<string, string> | undefined;
  let dropped = false;
  for (const name in own) {
    const value = own[name];
    if (value === undefined) continue;
    if (lowerNames.includes(name.toLowerCase())) {
      dropped = true;
      continue;
    }
    kept ??= {};
    kept[name] = value;
  }
  if (!dropped) return own;
  return kept;
}

/**
 * The default headers of clients made with the same `headers` object and accept-encoding, built
 * once and shared: every user of a run has the same, and building them per user cost a copy, a
 * check of each header and the head lines per user. The cache is keyed by the object, so the
 * caller must not change it afterwards (a run's options are fixed once resolved).
 */
const sharedDefaults = new WeakMap<object, Map<string | false | undefined, RequestHeaders>>();
const NO_HEADERS = {};

export function defaultRequestHeaders(
  headers: Readonly<Record<string, string>> | undefined,
  acceptEncoding: string | false | undefined,
): RequestHeaders {
  const key = headers ?? NO_HEADERS;
  let byEncoding = sharedDefaults.get(key);
  if (byEncoding === undefined) {
    byEncoding = new Map();
    sharedDefaults.set(key, byEncoding);
  }
  let built = byEncoding.get(acceptEncoding);
  if (built === undefined) {
    built = new RequestHeaders(withAcceptEncoding(headers, acceptEncoding));
    byEncoding.set(acceptEncoding, built);
  }
  return built;
}

/** The headers with `accept-encoding` added, unless they name it or it is turned off. */
function withAcceptEncoding(
  headers: Readonly<Record<string, string>> | undefined,
  acceptEncoding: string | false | undefined,
): Readonly<Record<string, string>> | undefined {
  if (acceptEncoding === false) return headers;
  for (const name in headers) if (name.toLowerCase() === 'accept-encoding') return headers;
  return { ...headers, 'accept-encoding': acceptEncoding ?? DEFAULT_ACCEPT_ENCODING };
}
