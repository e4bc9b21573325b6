/**
 * The per-virtual-user HTTP client. Each user owns one: its own keep-alive connections, cookie
 * jar and default headers, like a real client would have. This is volley's hot path, so a
 * request does only what it must: resolve the URL by string slicing (origins are parsed once),
 * find its stats row through a cached id, take its head bytes from a cache (or build them once),
 * queue one object that is both the request and its response on a connection of its own
 * (`http1-connection.ts`), and record plain numbers when it completes.
 *
 * A request's timeout bounds the wait for the response head and each gap between body reads
 * (not the whole exchange), and the client's default timeout also bounds connecting. Short ones
 * get a precise head timer (`exchange.ts`).
 *
 * Bodies: every byte is counted, at most `maxBodySize` (default 4 MiB) is kept, or none with
 * `discardBody`. Requests ask for `gzip, deflate, br` (the header is among the default headers, so
 * cached heads carry it), and a body is decoded only when the script reads it (`response.ts`).
 *
 * Redirects (301, 302, 303, 307, 308 with a `location`) are followed up to a limit, as Locust's
 * requests and k6 do: the exchange notices one at its head, and once its body is read,
 * `follow()` sends the same exchange on. A hop picks its target and builds its head with the code
 * a request uses (`target()`, `lane()`, `buildHead()`), so it reuses connections, the jar and the head
 * cache the same way; what it changes on the way (method, body, credentials) is in `redirect.ts`.
 */

import { DEFAULT_ACCEPT_ENCODING, DEFAULT_MAX_BODY_SIZE } from '../../config/http-defaults.js';
import type { MetricsRecorder } from '../../metrics/recorder.js';
import { ConnectionPool, type Lane } from './connection-pool.js';
import { CookieJar } from './cookie-jar.js';
import { EndpointCache, METHOD_INDEX, METHODS, type MethodInfo } from './endpoints.js';
import { Exchange, type ExchangeOwner } from './exchange.js';
import { BODY_HEADERS, CREDENTIAL_HEADERS, dropsBody, redirectLimit } from './redirect.js';
import { HeadCache, headerLines, requestHead, wirePath } from './request-head.js';
import { RequestHeaders, withoutHeaders } from './request-headers.js';
import { Response } from './response.js';
import { timeoutMs as parseTimeout } from './timeout.js';
import { type HttpApi, type HttpClientOptions, type HttpResponse, type RequestOptions } from './types.js';
import { appendQuery, encodeQuery, isAbsolute, type OriginInfo, parseOrigin, pathStart } from './url.js';

interface Target {
  readonly info: OriginInfo;
  pool: ConnectionPool | undefined;
  /** Heads of the requests sent with the default headers and no body. */
  readonly heads: HeadCache;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const STOPPED = 'aborted: run stopped';

export class HttpClient implements HttpApi, ExchangeOwner {
  /** The recorder scope of the task now running; the user sets it before each task. */
  scope = 0;
  /**
   * When the next request was due (a `performance.now()` time), set by open-model executors: the
   * request's latency counts from then, so a late start counts against the target. It applies
   * to one request and resets to NaN.
   */
  dueAt = Number.NaN;
  readonly jar: CookieJar | undefined;
  readonly discardBody: boolean;
  readonly maxBodySize: number;
  readonly connectTimeoutMs: number;
  private readonly insecure: boolean;
  private readonly recorder: MetricsRecorder;
  private readonly timeoutMs: number;
  private readonly maxRedirects: number;
  private readonly connections: number;
  private readonly headers: RequestHeaders;
  private readonly endpoints: EndpointCache;
  private readonly base: Target | undefined;
  /** By the origin prefix as written in URLs, and by canonical origin. */
  private readonly targets = new Map<string, Target>();
  private readonly methods = new Map<string, MethodInfo>();
  private nextMethodIndex = Object.keys(METHOD_INDEX).length;
  private state: 'open' | 'closed' | 'destroyed' = 'open';

  constructor(options: HttpClientOptions) {
    const timeout = options.timeoutMs ?? 60_000;
    if (!Number.isFinite(timeout) || timeout < 0)
      throw new TypeError(`timeoutMs: expected >= 0, got ${timeout}`);
    const connections = options.connections ?? 6;
    if (!Number.isInteger(connections) || connections < 1) {
      throw new TypeError(`connections: expected a positive integer, got ${connections}`);
    }
    this.maxRedirects = redirectLimit(options.maxRedirects ?? 10, 'maxRedirects');
    this.recorder = options.recorder;
    this.timeoutMs = Math.round(timeout);
    this.connectTimeoutMs = this.timeoutMs;
    this.insecure = options.insecure ?? false;
    this.connections = connections;
    this.discardBody = options.discardBody ?? false;
    this.maxBodySize = bodyLimit(options.maxBodySize ?? DEFAULT_MAX_BODY_SIZE, 'maxBodySize');
    this.jar = (options.cookies ?? true) ? new CookieJar() : undefined;
    // In the default headers, so the cached request heads carry it at no cost per request.
    this.headers = new RequestHeaders(withAcceptEncoding(options.headers, options.acceptEncoding));
    this.endpoints = new EndpointCache(options.recorder);
    if (options.baseUrl !== undefined) {
      const info = parseOrigin(options.baseUrl, true);
      this.base = { info, pool: undefined, heads: new HeadCache() };
      this.targets.set(info.origin, this.base);
    }
  }

  get(url: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.send(METHODS.GET, url, options);
  }
  post(url: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.send(METHODS.POST, url, options);
  }
  put(url: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.send(METHODS.PUT, url, options);
  }
  patch(url: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.send(METHODS.PATCH, url, options);
  }
  delete(url: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.send(METHODS.DELETE, url, options);
  }
  head(url: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.send(METHODS.HEAD, url, options);
  }
  options(url: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.send(METHODS.OPTIONS, url, options);
  }

  /** Any method, in any case (`'patch'` is sent as `PATCH`). */
  request(method: string, url: string, options?: RequestOptions): Promise<HttpResponse> {
    let info = this.methods.get(method);
    if (info === undefined) {
      if (typeof method !== 'string' || !TOKEN.test(method))
        throw new TypeError(`invalid HTTP method '${method}'`);
      const upper = method.toUpperCase();
      info = { method: upper, index: METHOD_INDEX[upper] ?? this.nextMethodIndex++ };
      this.methods.set(method, info);
    }
    return this.send(info, url, options);
  }

  /**
   * Closes the connections once in-flight requests finish; later requests resolve unrecorded as
   * errors. A redirect in flight ends at the hop under way: a further hop fails with `client closed`.
   */
  async close(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'closed';
    await Promise.all(this.pools().map((p) => p.close()));
  }

  /**
   * Aborts in-flight requests: they resolve with status 0 and are recorded as failed with the
   * message `aborted: run stopped`, so nothing vanishes from the stats. Later requests resolve
   * unrecorded, as the run is over.
   */
  async destroy(): Promise<void> {
    if (this.state === 'destroyed') return;
    this.state = 'destroyed';
    const reason = stopped();
    await Promise.all(this.pools().map((p) => p.destroy(reason)));
  }

  /**
   * Internal (the exchange's callback, not for scripts): sends `exchange` on to `to`, where its
   * `status` redirect pointed. A 303, or a 301 or 302 after a POST, becomes a GET without its body
   * and the request's own body headers (HEAD stays HEAD); otherwise method and body go on. Leaving
   * the origin drops the request's own `authorization` and `cookie` headers, for good; the jar's
   * cookies are looked up for each hop, as for any request.
   */
  follow(exchange: Exchange, to: URL, status: number): void {
    if (this.state !== 'open') {
      exchange.onRequestError(this.state === 'destroyed' ? stopped() : new Error('client closed'));
      return;
    }
    const target = this.target(to.origin);
    const path = to.pathname + to.search;
    let method = exchange.requestMethod;
    let body = exchange.requestBody;
    let contentType = exchange.contentType;
    let own = exchange.ownHeaders;
    if (dropsBody(status, method.method)) {
      method = METHODS.GET;
      body = null;
      contentType = undefined;
      own = withoutHeaders(own, BODY_HEADERS);
    }
    if (target.info !== exchange.origin) own = withoutHeaders(own, CREDENTIAL_HEADERS);
    const head = this.buildHead(target, method, path, to.pathname, body, contentType, own);
    exchange.redirect(this.lane(target), target.info, path, method, head, body, contentType, own);
  }

  private send(method: MethodInfo, url: string, options: RequestOptions | undefined) {
    let target: Target;
    let path: string;
    let prefix = ''; // the stats name of a request to another origin than the base carries the origin
    if (url.charCodeAt(0) === 0x2f) {
      if (this.base === undefined)
        throw new TypeError(`relative URL '${url}' needs a base URL (the scenario host)`);
      target = this.base;
      path = target.info.basePath === '' ? url : target.info.basePath + url;
    } else if (isAbsolute(url)) {
      const at = pathStart(url);
      target = this.target(url.slice(0, at));
      path = at === url.length ? '/' : url.charCodeAt(at) === 0x2f ? url.slice(at) : `/${url.slice(at)}`;
      if (target !== this.base) prefix = target.info.origin;
    } else {
      throw new TypeError(`URL '${url}' must be a path starting with '/' or an absolute http(s):// URL`);
    }
    const hash = path.indexOf('#');
    if (hash !== -1) path = path.slice(0, hash);
    const q = path.indexOf('?');
    const bare = q === -1 ? path : path.slice(0, q);

    let name = bare;
    let body: Uint8Array | null = null;
    let contentType: string | undefined;
    let timeout = this.timeoutMs;
    let expect: number | readonly number[] | undefined;
    let ownHeaders: Readonly<Record<string, string>> | undefined;
    let redirects = this.maxRedirects;
    let keep = this.discardBody ? 0 : this.maxBodySize;
    let retry = false;
    if (options !== undefined) {
      if (options.name !== undefined) name = options.name;
      else if (prefix !== '') name = prefix + bare;
      if (options.query !== undefined) path = appendQuery(path, encodeQuery(options.query));
      if (options.json !== undefined) {
        body = Buffer.from(JSON.stringify(options.json));
        contentType = 'application/json';
      } else if (options.body !== undefined) {
        body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
      }
      if (options.timeout !== undefined) timeout = parseTimeout(options.timeout);
      if (options.redirects !== undefined) redirects = redirectLimit(options.redirects, 'redirects');
      if (options.maxBodySize !== undefined || options.discardResponseBody !== undefined) {
        const limit = options.maxBodySize === undefined ? this.maxBodySize : bodyLimit(options.maxBodySize, 'maxBodySize');
        const discard = options.discardResponseBody ?? this.discardBody;
        keep = discard ? 0 : limit;
      }
      retry = options.retry === true;
      expect = options.expect;
      ownHeaders = options.headers;
    } else if (prefix !== '') {
      name = prefix + bare;
    }
    const head = this.buildHead(target, method, path, bare, body, contentType, ownHeaders);

    const scope = this.scope;
    const dueAt = this.dueAt;
    this.dueAt = Number.NaN;
    if (this.state !== 'open') return Promise.resolve(this.refused(scope, method.method, name, target.info, path));
    const endpoint = this.endpoints.id(scope, method.index, method.method, name);
    const exchange = new Exchange(
      this,
      this.recorder,
      scope,
      endpoint,
      method,
      name,
      expect,
      timeout,
      redirects,
      target.info,
      path,
      head,
      body,
      contentType,
      ownHeaders,
      keep,
      retry,
    );
    return exchange.send(this.lane(target), dueAt);
  }

  /**
   * A request's head: prebuilt for one with the default headers and no body (and no cookies from
   * the jar), else built now. `bare` is the path without its query, for the jar.
   */
  private buildHead(
    target: Target,
    method: MethodInfo,
    path: string,
    bare: string,
    body: Uint8Array | null,
    contentType: string | undefined,
    ownHeaders: Readonly<Record<string, string>> | undefined,
  ): Buffer | string {
    const jar = this.jar;
    const cookie =
      jar !== undefined && jar.size > 0
        ? jar.header(target.info.hostname, bare, target.info.secure)
        : undefined;
    const defaultHeaders = ownHeaders === undefined && contentType === undefined && cookie === undefined;
    const plain = defaultHeaders && body === null;
    const index = method.index;
    const cached = plain ? target.heads.get(index, path) : undefined;
    if (cached !== undefined) return cached;
    const lines = defaultHeaders
      ? this.headers.lines
      : headerLines(this.headers.merge(ownHeaders, contentType, cookie));
    // POST, PUT and PATCH announce an empty body; other methods without one send no length.
    const length = body !== null ? body.byteLength : index >= 1 && index <= 3 ? 0 : -1;
    const text = requestHead(method.method, wirePath(path), target.info.hostLines, lines, length);
    return plain ? target.heads.set(index, path, text) : text;
  }

  /** A connection for a request to `target`: the target's pool opens on first use. */
  private lane(target: Target): Lane {
    return (target.pool ?? this.connect(target)).acquire();
  }

  /** The target of an absolute URL's origin prefix, parsed on first sight. */
  private target(prefix: string): Target {
    let target = this.targets.get(prefix);
    if (target === undefined) {
      const info = parseOrigin(prefix, false);
      target = this.targets.get(info.origin);
      if (target === undefined) {
        target = { info, pool: undefined, heads: new HeadCache() };
        this.targets.set(info.origin, target);
      }
      this.targets.set(prefix, target);
    }
    return target;
  }

  private connect(target: Target): ConnectionPool {
    target.pool = new ConnectionPool(
      target.info,
      { connectTimeoutMs: this.connectTimeoutMs, insecure: this.insecure },
      this.connections,
    );
    return target.pool;
  }

  private pools(): ConnectionPool[] {
    const out = new Set<ConnectionPool>();
    for (const target of this.targets.values()) if (target.pool !== undefined) out.add(target.pool);
    return [...out];
  }

  /** A request after close/destroy: an error response outside the stats (the run is over). */
  private refused(scope: number, method: string, name: string, origin: OriginInfo, path: string): Response {
    const response = new Response(this.recorder, scope, -1, method, name, origin, path);
    response.error = new Error(this.state === 'destroyed' ? STOPPED : 'client closed');
    response.failed = true;
    return response;
  }
}

/** A cap on kept body bytes: a positive integer. */
function bodyLimit(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new TypeError(`${name}: expected a positive number of bytes, got ${value}`);
  return value;
}

/** The default headers with `accept-encoding` added, unless they name one or it is switched off. */
function withAcceptEncoding(
  headers: Readonly<Record<string, string>> | undefined,
  acceptEncoding: string | false | undefined,
): Readonly<Record<string, string>> | undefined {
  if (acceptEncoding === false) return headers;
  for (const name in headers) if (name.toLowerCase() === 'accept-encoding') return headers;
  return { ...headers, 'accept-encoding': acceptEncoding ?? DEFAULT_ACCEPT_ENCODING };
}

/** Why requests end when the run stops (`destroy()`). */
function stopped(): Error {
  const reason = new Error(STOPPED);
  reason.name = 'AbortError';
  return reason;
}
