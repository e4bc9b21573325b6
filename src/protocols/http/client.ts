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
 * a request uses (`targets.get()`, `targets.lane()`, `buildHead()`), so it reuses connections, the jar and the head
 * cache the same way; what it changes on the way (method, body, credentials) is in `redirect.ts`.
 */

import { DEFAULT_MAX_BODY_SIZE } from '../../config/http-defaults.js';
import type { MetricsRecorder } from '../../metrics/recorder.js';
import { SseClient, type SseOptions, type SseStream } from '../sse/index.js';
import { Http2Client } from '../http2/index.js';
import { CookieJar } from './cookie-jar.js';
import { EndpointCache, METHODS, type MethodInfo, methodInfo } from './endpoints.js';
import { Exchange, type ExchangeContext, type RedirectFollower } from './exchange.js';
import { BODY_HEADERS, CREDENTIAL_HEADERS, dropsBody, redirectLimit } from './redirect.js';
import { headerLines, requestHead, wirePath } from './request-head.js';
import { defaultRequestHeaders, type RequestHeaders, withoutHeaders } from './request-headers.js';
import { type HopPlan, RequestPlan } from './request-plan.js';
import type { ConnectionSettings } from './socket-connect.js';
import { type Target, Targets } from './targets.js';
import { Response } from './response.js';
import { timeoutMs as parseTimeout } from './timeout.js';
import { type HttpApi, type HttpClientOptions, type HttpResponse, type RequestOptions } from './types.js';
import { appendQuery, encodeQuery, isAbsolute, type OriginInfo, pathStart } from './url.js';

const STOPPED = 'aborted: run stopped';

export class HttpClient implements HttpApi, RedirectFollower {
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
  /** What it was built with: the user's other protocol clients connect to the same host with the same default headers and TLS setting. */
  readonly settings: Readonly<HttpClientOptions>;
  private readonly recorder: MetricsRecorder;
  private readonly timeoutMs: number;
  private readonly maxRedirects: number;
  private readonly headers: RequestHeaders;
  private readonly endpoints: EndpointCache;
  private readonly targets: Targets;
  /** What this client's exchanges share, built once. */
  private readonly context: ExchangeContext;
  /** Refilled for each request and redirect hop (see `request-plan.ts`): no options object per request. */
  private readonly plan = new RequestPlan();
  /** A request or hop is being planned in `plan` (see `send`). */
  private planning = false;
  private state: 'open' | 'closed' | 'destroyed' = 'open';
  /**
   * Server-Sent Events stream over `node:http` (see protocols/sse/), not over this client's
   * connections; made on the first `sse()`, so a user that streams nothing pays nothing for it.
   */
  private eventStreams: SseClient | undefined = undefined;
  /** Requests go over HTTP/2 unless they say otherwise (`httpVersion`). */
  private readonly http2ByDefault: boolean;
  private readonly connectionSettings: ConnectionSettings;
  /** The HTTP/2 side, made on the first HTTP/2 request (`protocols/http2/`). */
  private http2: Http2Client | undefined = undefined;

  constructor(options: HttpClientOptions) {
    const timeout = options.timeoutMs ?? 60_000;
    if (!Number.isFinite(timeout) || timeout < 0)
      throw new TypeError(`timeoutMs: expected >= 0, got ${timeout}`);
    const connections = options.connections ?? 6;
    if (!Number.isInteger(connections) || connections < 1) {
      throw new TypeError(`connections: expected a positive integer, got ${connections}`);
    }
    this.settings = options;
    this.maxRedirects = redirectLimit(options.maxRedirects ?? 10, 'maxRedirects');
    this.recorder = options.recorder;
    this.timeoutMs = Math.round(timeout);
    this.connectTimeoutMs = this.timeoutMs;
    this.discardBody = options.discardBody ?? false;
    this.maxBodySize = bodyLimit(options.maxBodySize ?? DEFAULT_MAX_BODY_SIZE, 'maxBodySize');
    this.jar = (options.cookies ?? true) ? new CookieJar() : undefined;
    // In the default headers, so the cached request heads carry it at no cost per request.
    this.headers = defaultRequestHeaders(options.headers, options.acceptEncoding);
    this.endpoints = new EndpointCache(options.recorder);
    this.context = { recorder: this.recorder, jar: this.jar, connectTimeoutMs: this.connectTimeoutMs, redirects: this };
    const settings = { connectTimeoutMs: this.connectTimeoutMs, insecure: options.insecure ?? false };
    this.connectionSettings = settings;
    this.http2ByDefault = httpVersion(options.httpVersion, 'httpVersion') === 2;
    this.targets = new Targets(options.baseUrl, settings, connections, this.headers);
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

  sse(url: string, options?: SseOptions): SseStream {
    if (this.eventStreams === undefined) {
      this.eventStreams = new SseClient(this, this.settings, this.jar);
      if (this.state !== 'open') this.eventStreams.close(this.state === 'closed' ? 'client closed' : STOPPED);
    }
    return this.eventStreams.stream(url, options);
  }

  /** Any method, in any case (`'patch'` is sent as `PATCH`). */
  request(method: string, url: string, options?: RequestOptions): Promise<HttpResponse> {
    return this.send(methodInfo(method), url, options);
  }

  /**
   * Closes the connections once in-flight requests finish; later requests resolve unrecorded as
   * errors. A redirect in flight ends at the hop under way: a further hop fails with `client closed`.
   */
  async close(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'closed';
    this.eventStreams?.close('client closed');
    await Promise.all([...this.targets.pools().map((p) => p.close()), this.http2?.close()]);
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
    this.eventStreams?.close(STOPPED);
    await Promise.all([...this.targets.pools().map((p) => p.destroy(reason)), this.http2?.destroy(reason)]);
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
    const target = this.targets.get(to.origin);
    const own = !this.planning;
    const hop = own ? this.plan : new RequestPlan();
    this.planning = true;
    try {
      this.planHop(hop, target, exchange, to, status);
    } finally {
      if (own) this.planning = false;
    }
    exchange.redirect(this.targets.lane(target), hop);
  }

  private send(method: MethodInfo, url: string, options: RequestOptions | undefined): Promise<HttpResponse> {
    // The script's own code may run while a request is planned (a `toJSON` of a `json` body, a
    // getter in its options) and send another request of this client: that one gets a plan of its
    // own rather than overwrite the plan under way.
    const own = !this.planning;
    const plan = own ? this.plan : new RequestPlan();
    this.planning = true;
    const h2 = options === undefined ? this.http2ByDefault : usesHttp2(options, this.http2ByDefault);
    let target: Target;
    try {
      target = this.planRequest(plan, method, url, options, h2);
    } finally {
      if (own) this.planning = false;
    }
    const scope = this.scope;
    const dueAt = this.dueAt;
    this.dueAt = Number.NaN;
    if (this.state !== 'open') return Promise.resolve(this.refused(scope, method.method, plan.name, target.info, plan.path));
    plan.scope = scope;
    if (h2) return (this.http2 ??= this.newHttp2()).send(plan, dueAt);
    plan.endpoint = this.endpoints.id(scope, method.index, method.method, plan.name);
    const exchange = new Exchange(this.context, plan);
    return exchange.send(this.targets.lane(target), dueAt);
  }

  /** Fills `plan` with a request (all but its scope and stats row) and returns its target; throws on a bad URL or option. */
  private planRequest(
    plan: RequestPlan,
    method: MethodInfo,
    url: string,
    options: RequestOptions | undefined,
    h2: boolean,
  ): Target {
    const target = this.locate(url, plan);
    let path = plan.path;
    const hash = path.indexOf('#');
    if (hash !== -1) path = path.slice(0, hash);
    const q = path.indexOf('?');
    const bare = q === -1 ? path : path.slice(0, q);
    plan.path = path;
    plan.origin = target.info;
    plan.method = method;
    // The stats name of a request to another origin than the base carries the origin.
    const prefix = target === this.targets.base ? '' : target.info.origin;
    if (options === undefined) {
      this.plainRequest(plan);
      plan.name = prefix === '' ? bare : prefix + bare;
    } else {
      this.requestWith(plan, options);
      plan.name = options.name !== undefined ? options.name : prefix === '' ? bare : prefix + bare;
    }
    // An HTTP/2 request's header block is the HTTP/2 side's to build.
    plan.head = h2 ? '' : this.buildHead(target, plan, bare);
    return target;
  }

  /** Fills `hop` with the next hop of `exchange`'s redirect to `to` (see `follow`). */
  private planHop(hop: HopPlan, target: Target, exchange: Exchange, to: URL, status: number): void {
    hop.origin = target.info;
    hop.path = to.pathname + to.search;
    hop.method = exchange.requestMethod;
    hop.body = exchange.requestBody;
    hop.contentType = exchange.contentType;
    hop.ownHeaders = exchange.ownHeaders;
    if (dropsBody(status, hop.method.method)) {
      hop.method = METHODS.GET;
      hop.body = null;
      hop.contentType = undefined;
      hop.ownHeaders = withoutHeaders(hop.ownHeaders, BODY_HEADERS);
    }
    if (target.info !== exchange.origin) hop.ownHeaders = withoutHeaders(hop.ownHeaders, CREDENTIAL_HEADERS);
    hop.head = this.buildHead(target, hop, to.pathname);
  }

  /**
   * The target of a request URL, with its path (base path joined, fragment kept) in `plan.path`:
   * a relative path goes to the base URL, an absolute URL to its origin.
   */
  private locate(url: string, plan: RequestPlan): Target {
    if (url.charCodeAt(0) === 0x2f) {
      const base = this.targets.base;
      if (base === undefined) throw new TypeError(`relative URL '${url}' needs a base URL (the scenario host)`);
      plan.path = base.info.basePath === '' ? url : base.info.basePath + url;
      return base;
    }
    if (isAbsolute(url)) {
      const at = pathStart(url);
      const target = this.targets.get(url.slice(0, at));
      plan.path = at === url.length ? '/' : url.charCodeAt(at) === 0x2f ? url.slice(at) : `/${url.slice(at)}`;
      return target;
    }
    throw new TypeError(`URL '${url}' must be a path starting with '/' or an absolute http(s):// URL`);
  }

  /** A request with no options: the client's defaults. */
  private plainRequest(plan: RequestPlan): void {
    plan.body = null;
    plan.contentType = undefined;
    plan.timeoutMs = this.timeoutMs;
    plan.expect = undefined;
    plan.ownHeaders = undefined;
    plan.redirectLimit = this.maxRedirects;
    plan.keepLimit = this.discardBody ? 0 : this.maxBodySize;
    plan.retry = false;
  }

  /** A request's options over the client's defaults (all but its name); throws on a bad one. */
  private requestWith(plan: RequestPlan, options: RequestOptions): void {
    this.plainRequest(plan);
    if (options.query !== undefined) plan.path = appendQuery(plan.path, encodeQuery(options.query));
    if (options.json !== undefined) {
      plan.body = Buffer.from(JSON.stringify(options.json));
      plan.contentType = 'application/json';
    } else if (options.body !== undefined) {
      plan.body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
    }
    if (options.timeout !== undefined) plan.timeoutMs = parseTimeout(options.timeout);
    if (options.redirects !== undefined) plan.redirectLimit = redirectLimit(options.redirects, 'redirects');
    if (options.maxBodySize !== undefined || options.discardResponseBody !== undefined) {
      const limit = options.maxBodySize === undefined ? this.maxBodySize : bodyLimit(options.maxBodySize, 'maxBodySize');
      const discard = options.discardResponseBody ?? this.discardBody;
      plan.keepLimit = discard ? 0 : limit;
    }
    plan.retry = options.retry === true;
    plan.expect = options.expect;
    plan.ownHeaders = options.headers;
  }

  /**
   * A hop's head: prebuilt for one with the default headers and no body (and no cookies from
   * the jar), else built now. `bare` is the path without its query, for the jar.
   */
  private buildHead(target: Target, hop: Readonly<HopPlan>, bare: string): Buffer | string {
    const jar = this.jar;
    const cookie =
      jar !== undefined && jar.size > 0
        ? jar.header(target.info.hostname, bare, target.info.secure)
        : undefined;
    const { method, path, body, contentType, ownHeaders } = hop;
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

  private newHttp2(): Http2Client {
    return new Http2Client({ recorder: this.recorder, jar: this.jar, headers: this.headers, settings: this.connectionSettings });
  }

  /** A request after close/destroy: an error response outside the stats (the run is over). */
  private refused(scope: number, method: string, name: string, origin: OriginInfo, path: string): Response {
    const response = new Response(this.recorder, scope, -1, method, name, origin, path);
    response.error = new Error(this.state === 'destroyed' ? STOPPED : 'client closed');
    response.failed = true;
    return response;
  }
}

/** An HTTP version option, checked: 1 (HTTP/1.1, the default) or 2. */
function httpVersion(value: number | undefined, name: string): number {
  if (value === undefined || value === 1 || value === 2) return value ?? 1;
  throw new TypeError(`${name}: expected 1 or 2, got ${String(value)}`);
}

/** Whether a request with options goes over HTTP/2: its own `httpVersion`, else the client's. */
function usesHttp2(options: RequestOptions, byDefault: boolean): boolean {
  const version = options.httpVersion;
  return version === undefined ? byDefault : httpVersion(version, 'httpVersion') === 2;
}

/** A cap on kept body bytes: a positive integer. */
function bodyLimit(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new TypeError(`${name}: expected a positive number of bytes, got ${value}`);
  return value;
}

/** The default headers with `accept-encoding` added, unless they name one or it is switched off. */
/** Why requests end when the run stops (`destroy()`). */
function stopped(): Error {
  const reason = new Error(STOPPED);
  reason.name = 'AbortError';
  return reason;
}
