/**
 * Where a `vu.ws.connect()` goes and what its rows are called. A relative URL joins the
 * scenario host (its base path too) with http turned into ws and https into wss; `ws://`,
 * `wss://`, `http://` and `https://` URLs are taken as they are (the latter two turned likewise).
 * Runs once per connect, off the per-message path, so it may build a URL object.
 */

export interface WsTarget {
  /** The `ws:` or `wss:` URL the handshake goes to. */
  readonly url: string;
  /** For the cookie jar: lowercase host, IPv6 without brackets. */
  readonly hostname: string;
  /** The path the jar matches cookies against (without the query). */
  readonly path: string;
  /** wss: cookies marked Secure go too. */
  readonly secure: boolean;
  /** The default row name: the path, prefixed with the origin when it is not the scenario host's. */
  readonly name: string;
}

const SCHEMES: Readonly<Record<string, string>> = { 'ws:': 'ws:', 'wss:': 'wss:', 'http:': 'ws:', 'https:': 'wss:' };

/** Resolves `url` against the scenario host `baseUrl`; a TypeError for a URL it cannot use. */
export function resolveWsUrl(url: string, baseUrl: string | undefined): WsTarget {
  if (typeof url !== 'string' || url === '') throw new TypeError(`ws.connect(): expected a URL, got ${String(url)}`);
  const relative = url.charCodeAt(0) === 0x2f;
  let parsed: URL;
  let base: URL | undefined;
  try {
    base = baseUrl === undefined ? undefined : new URL(baseUrl);
    parsed = relative ? joinBase(url, base) : new URL(url);
  } catch (error) {
    if (error instanceof TypeError && error.message.startsWith('ws.connect()')) throw error;
    throw new TypeError(`ws.connect(): invalid URL '${url}'`);
  }
  const scheme = SCHEMES[parsed.protocol];
  if (scheme === undefined)
    throw new TypeError(`ws.connect(): unsupported scheme in '${url}' (use ws://, wss:// or a path like /chat)`);
  const sameHost = base !== undefined && SCHEMES[base.protocol] === scheme && base.host === parsed.host;
  parsed.protocol = scheme;
  const hostname = parsed.hostname.startsWith('[') ? parsed.hostname.slice(1, -1) : parsed.hostname;
  const path = parsed.pathname;
  return {
    url: parsed.href,
    hostname: hostname.toLowerCase(),
    path,
    secure: scheme === 'wss:',
    name: relative || sameHost ? path : `${scheme}//${parsed.host}${path}`,
  };
}

function joinBase(url: string, base: URL | undefined): URL {
  if (base === undefined) throw new TypeError(`ws.connect(): relative URL '${url}' needs a base URL (the scenario host)`);
  const basePath = base.pathname.endsWith('/') ? base.pathname.slice(0, -1) : base.pathname;
  return new URL(basePath + url, base.origin);
}
