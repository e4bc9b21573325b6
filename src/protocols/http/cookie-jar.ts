/**
 * A per-user cookie jar, close enough to RFC 6265 for real services: `Set-Cookie` with Path,
 * Domain, Expires, Max-Age and Secure; host-only versus domain cookies; the default path; expiry
 * (`Max-Age=0` deletes). HttpOnly and SameSite do not change what a non-browser client sends,
 * so they are accepted and ignored; public-suffix checks are out of scope (a load test talks to
 * the services it names).
 *
 * Cookies live in lists keyed by domain. A request looks up its host and each parent domain, so
 * the cost grows with the host's dot count, not with the number of cookies stored elsewhere. The
 * client asks `size` first: a user without cookies pays one comparison per request.
 */

interface Cookie {
  readonly name: string;
  readonly value: string;
  /** Lowercase, without a leading dot. */
  readonly domain: string;
  /** A cookie set without a Domain attribute: sent to exactly the host that set it. */
  readonly hostOnly: boolean;
  readonly path: string;
  readonly secure: boolean;
  /** Epoch milliseconds; Infinity for a session cookie. */
  readonly expires: number;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

export class CookieJar {
  private readonly byDomain = new Map<string, Cookie[]>();
  /** How many cookies are stored (expired ones count until a lookup drops them). */
  size = 0;

  /** Stores the `Set-Cookie` values of a response from `hostname` to a request for `requestPath`. */
  store(setCookies: readonly string[], hostname: string, requestPath: string, now = Date.now()): void {
    for (const line of setCookies) {
      const cookie = parseSetCookie(line, hostname.toLowerCase(), requestPath, now);
      if (cookie !== undefined) this.put(cookie, now);
    }
  }

  /** The `cookie` header value for a request, or undefined when no stored cookie applies. */
  header(hostname: string, path: string, secure: boolean, now = Date.now()): string | undefined {
    if (this.size === 0) return undefined;
    const host = hostname.toLowerCase();
    let matches: Cookie[] | undefined;
    let domain = host;
    for (;;) {
      const list = this.byDomain.get(domain);
      if (list !== undefined) {
        for (let i = 0; i < list.length; i++) {
          const c = list[i] as Cookie;
          if (c.expires <= now) {
            list.splice(i--, 1);
            this.size--;
            continue;
          }
          if ((c.hostOnly && domain !== host) || (c.secure && !secure) || !pathMatches(path, c.path))
            continue;
          matches ??= [];
          matches.push(c);
        }
      }
      const dot = domain.indexOf('.');
      if (dot === -1 || IPV4.test(host)) break;
      domain = domain.slice(dot + 1);
    }
    if (matches === undefined) return undefined;
    // RFC 6265 5.4: longer paths first; the sort is stable, so creation order breaks ties.
    if (matches.length > 1) matches.sort((a, b) => b.path.length - a.path.length);
    let out = '';
    for (const c of matches) out += `${out === '' ? '' : '; '}${c.name}=${c.value}`;
    return out;
  }

  /** Removes every cookie. */
  clear(): void {
    this.byDomain.clear();
    this.size = 0;
  }

  private put(cookie: Cookie, now: number): void {
    let list = this.byDomain.get(cookie.domain);
    const i =
      list === undefined ? -1 : list.findIndex((c) => c.name === cookie.name && c.path === cookie.path);
    if (list !== undefined && i !== -1) {
      list.splice(i, 1);
      this.size--;
    }
    if (cookie.expires <= now) return;
    if (list === undefined) {
      list = [];
      this.byDomain.set(cookie.domain, list);
    }
    list.push(cookie);
    this.size++;
  }
}

/** RFC 6265 5.2, leniently: an unusable line yields undefined, never an exception. */
function parseSetCookie(line: string, host: string, requestPath: string, now: number): Cookie | undefined {
  const parts = line.split(';');
  const pair = parts[0] as string;
  const eq = pair.indexOf('=');
  if (eq === -1) return undefined;
  const name = pair.slice(0, eq).trim();
  if (name === '') return undefined;
  const value = pair.slice(eq + 1).trim();

  let domain: string | undefined;
  let path: string | undefined;
  let secure = false;
  let maxAge: number | undefined;
  let expires: number | undefined;
  for (let i = 1; i < parts.length; i++) {
    const attr = parts[i] as string;
    const aeq = attr.indexOf('=');
    const key = (aeq === -1 ? attr : attr.slice(0, aeq)).trim().toLowerCase();
    const val = aeq === -1 ? '' : attr.slice(aeq + 1).trim();
    if (key === 'domain') {
      const d = (val.startsWith('.') ? val.slice(1) : val).toLowerCase();
      if (d !== '') domain = d;
    } else if (key === 'path') {
      path = val.startsWith('/') ? val : undefined;
    } else if (key === 'secure') {
      secure = true;
    } else if (key === 'max-age') {
      if (/^-?\d+$/.test(val)) maxAge = Number(val);
    } else if (key === 'expires') {
      const t = Date.parse(val);
      if (!Number.isNaN(t)) expires = t;
    }
  }

  if (domain !== undefined && domain !== host) {
    // A Domain attribute must cover the host that set it, and an IP address has no parent domain.
    if (IPV4.test(host) || host.includes(':') || !host.endsWith(`.${domain}`)) return undefined;
  }
  let expiresAt = Number.POSITIVE_INFINITY;
  if (maxAge !== undefined) expiresAt = maxAge <= 0 ? Number.NEGATIVE_INFINITY : now + maxAge * 1000;
  else if (expires !== undefined) expiresAt = expires;
  return {
    name,
    value,
    domain: domain ?? host,
    hostOnly: domain === undefined,
    path: path ?? defaultPath(requestPath),
    secure,
    expires: expiresAt,
  };
}

/** RFC 6265 5.1.4: the request path up to, not including, its last `/` (or `/`). */
function defaultPath(requestPath: string): string {
  const q = requestPath.indexOf('?');
  const p = q === -1 ? requestPath : requestPath.slice(0, q);
  const last = p.lastIndexOf('/');
  return last <= 0 ? '/' : p.slice(0, last);
}

/** RFC 6265 5.1.4 path-match: equal, or a prefix ending at a `/`. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (!requestPath.startsWith(cookiePath)) return false;
  return (
    requestPath.length === cookiePath.length ||
    cookiePath.endsWith('/') ||
    requestPath.charCodeAt(cookiePath.length) === 0x2f
  );
}
