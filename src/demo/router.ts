/**
 * The demo target's router: method + path pattern (`/api/items/:id`) → handler. It knows
 * nothing about HTTP objects, so it is tested on its own and every API area registers into it
 * the same way.
 *
 * Matching is two-tier because the demo must never be the bottleneck of a load generator
 * running beside it: static paths resolve with one Map lookup; only paths with `:params` are
 * compared segment by segment, and only against patterns with the same number of segments.
 * A path that matches a pattern under another method yields 405 with the allowed methods;
 * HEAD is served by the GET handler (Node drops the body of a HEAD response itself).
 */

export type RouteParams = Record<string, string>;

export type RouteMatch<H> =
  | { kind: 'found'; handler: H; params: RouteParams }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

export interface RouteInfo {
  method: string;
  pattern: string;
}

interface ParamRoute<H> {
  method: string;
  pattern: string;
  /** Literal segment, or null where the pattern has a parameter. */
  literals: (string | null)[];
  /** Parameter name per segment, or null for literals. */
  names: (string | null)[];
  handler: H;
}

const NO_PARAMS: RouteParams = Object.freeze({}) as RouteParams;

export class Router<H> {
  readonly #static = new Map<string, Map<string, H>>();
  /** Param routes bucketed by segment count. */
  readonly #dynamic = new Map<number, ParamRoute<H>[]>();
  readonly #routes: RouteInfo[] = [];

  /** Adds a route; a pattern is `/`-separated literals and `:name` parameters. */
  add(method: string, pattern: string, handler: H): this {
    const upper = method.toUpperCase();
    const path = normalizePath(pattern);
    const segments = splitSegments(path);
    const names = segments.map((s) => (s.startsWith(':') ? s.slice(1) : null));
    if (names.some((n) => n === '')) throw new Error(`route ${pattern}: empty parameter name`);
    if (this.#routes.some((r) => r.method === upper && normalizePath(r.pattern) === path)) {
      throw new Error(`route ${upper} ${pattern} is already registered`);
    }
    if (names.every((n) => n === null)) {
      let byMethod = this.#static.get(path);
      if (byMethod === undefined) {
        byMethod = new Map();
        this.#static.set(path, byMethod);
      }
      byMethod.set(upper, handler);
    } else {
      const literals = segments.map((s, i) => (names[i] === null ? s : null));
      let bucket = this.#dynamic.get(segments.length);
      if (bucket === undefined) {
        bucket = [];
        this.#dynamic.set(segments.length, bucket);
      }
      bucket.push({ method: upper, pattern: path, literals, names, handler });
    }
    this.#routes.push({ method: upper, pattern: path });
    return this;
  }

  /** Every registered route, in registration order. */
  routes(): readonly RouteInfo[] {
    return this.#routes;
  }

  /**
   * Resolves a request. `path` is the URL path without the query string, still percent-encoded;
   * parameters are decoded (a malformed escape makes the path not match).
   */
  match(method: string, path: string): RouteMatch<H> {
    const lookup = method === 'HEAD' ? 'GET' : method;
    const normalized = normalizePath(path);
    const byMethod = this.#static.get(normalized);
    if (byMethod !== undefined) {
      const handler = byMethod.get(lookup);
      if (handler !== undefined) return { kind: 'found', handler, params: NO_PARAMS };
    }
    const segments = splitSegments(normalized);
    const bucket = this.#dynamic.get(segments.length);
    let allow: Set<string> | undefined;
    if (bucket !== undefined) {
      for (const route of bucket) {
        if (!literalsMatch(route.literals, segments)) continue;
        // A parameter that cannot be decoded means the path does not fit this pattern at all.
        const params = decodeParams(route.names, segments);
        if (params === undefined) continue;
        if (route.method === lookup) return { kind: 'found', handler: route.handler, params };
        allow ??= new Set();
        allow.add(route.method);
      }
    }
    if (byMethod !== undefined) {
      allow ??= new Set();
      for (const m of byMethod.keys()) allow.add(m);
    }
    if (allow === undefined) return { kind: 'not-found' };
    if (allow.has('GET')) allow.add('HEAD');
    return { kind: 'method-not-allowed', allow: [...allow].sort() };
  }
}

/** Drops a trailing slash (except on the root) so `/api/items/` and `/api/items` are one path. */
function normalizePath(path: string): string {
  if (path.length > 1 && path.endsWith('/')) return path.slice(0, -1);
  return path === '' ? '/' : path;
}

function splitSegments(path: string): string[] {
  return path === '/' ? [] : path.slice(1).split('/');
}

function literalsMatch(literals: readonly (string | null)[], segments: readonly string[]): boolean {
  for (let i = 0; i < literals.length; i++) {
    const literal = literals[i];
    if (literal !== null && literal !== segments[i]) return false;
  }
  return true;
}

function decodeParams(
  names: readonly (string | null)[],
  segments: readonly string[],
): RouteParams | undefined {
  const params: RouteParams = {};
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (name === null || name === undefined) continue;
    const raw = segments[i] as string;
    if (raw === '') return undefined;
    try {
      params[name] = raw.includes('%') ? decodeURIComponent(raw) : raw;
    } catch {
      return undefined;
    }
  }
  return params;
}
