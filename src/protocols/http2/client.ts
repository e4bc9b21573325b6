/**
 * A virtual user's HTTP/2 side: what the user's HTTP client (`http/client.ts`) hands a request to
 * when it goes over HTTP/2 (`httpVersion: 2`, per request or for the client). The HTTP client
 * still resolves the URL and the options into its request plan, as for HTTP/1.1; here the plan
 * becomes an HTTP/2 header block and an exchange on the user's one session to its origin
 * (`session.ts`), recorded in a stats row of protocol `h2`.
 *
 * Headers: the client's defaults, the request's own, a `json` body's content type and the jar's
 * cookies merge as for HTTP/1.1 (`RequestHeaders`); the block of a plain request (default
 * headers, no body, no cookies) is built once per origin, method and path. Redirects follow the
 * HTTP/1.1 client's rules (`http/redirect.ts`) and stay on HTTP/2, another origin getting a
 * session of its own.
 */

import type { OutgoingHttpHeaders } from 'node:http2';
import type { MetricsRecorder } from '../../metrics/recorder.js';
import type { CookieJar } from '../http/cookie-jar.js';
import { EndpointCache, type MethodInfo, METHODS } from '../http/endpoints.js';
import { BODY_HEADERS, CREDENTIAL_HEADERS, dropsBody } from '../http/redirect.js';
import { wirePath } from '../http/request-head.js';
import { type RequestHeaders, withoutHeaders } from '../http/request-headers.js';
import type { RequestPlan } from '../http/request-plan.js';
import type { ConnectionSettings } from '../http/socket-connect.js';
import type { HttpResponse } from '../http/types.js';
import { type OriginInfo, parseOrigin } from '../http/url.js';
import { type Swept, track, untrack } from '../timeout-sweep.js';
import { type Http2ExchangeContext, Http2Exchange, type Http2Hop, type Http2RedirectFollower } from './exchange.js';
import { http2Headers } from './request-headers.js';
import { Http2OriginSession } from './session.js';

/** What the user's HTTP client shares with its HTTP/2 side. */
export interface Http2ClientOptions {
  readonly recorder: MetricsRecorder;
  readonly jar: CookieJar | undefined;
  /** The HTTP client's default headers (with its `accept-encoding`). */
  readonly headers: RequestHeaders;
  readonly settings: ConnectionSettings;
}

/** Plain requests' header blocks kept per origin and method, at most this many paths each. */
const PLAIN_HEADERS_PER_METHOD = 512;

const NO_HEADERS: OutgoingHttpHeaders = {};

/** One origin: its session and the header blocks of its plain requests. */
interface Http2Origin {
  readonly info: OriginInfo;
  readonly session: Http2OriginSession;
  readonly plain: (Map<string, OutgoingHttpHeaders> | undefined)[];
}

export class Http2Client implements Http2RedirectFollower, Swept {
  private readonly origins = new Map<string, Http2Origin>();
  private readonly endpoints: EndpointCache;
  private readonly context: Http2ExchangeContext;
  private state: 'open' | 'closed' | 'destroyed' = 'open';
  private stopReason: Error | undefined = undefined;

  constructor(private readonly options: Http2ClientOptions) {
    this.endpoints = new EndpointCache(options.recorder, 'h2');
    this.context = {
      recorder: options.recorder,
      jar: options.jar,
      connectTimeoutMs: options.settings.connectTimeoutMs,
      redirects: this,
      swept: new Set(),
    };
    track(this);
  }

  /** The timeout sweep (`protocols/timeout-sweep.ts`): checks the long timeouts of requests in flight. */
  sweep(): void {
    for (const exchange of this.context.swept) exchange.sweep();
  }

  /** Sends the request `plan` holds (its scope and name set); `dueAt` as for HTTP/1.1. */
  send(plan: Readonly<RequestPlan>, dueAt: number): Promise<HttpResponse> {
    const origin = this.origin(plan.origin);
    const method = plan.method;
    const headers = this.headersFor(origin, method, plan.path, plan.body, plan.contentType, plan.ownHeaders);
    const endpoint = this.endpoints.id(plan.scope, method.index, method.method, plan.name);
    return new Http2Exchange(this.context, plan, headers, endpoint).send(origin.session, dueAt);
  }

  /**
   * Internal (the exchange's callback): sends `exchange` on to `to`, as the HTTP/1.1 client does
   * (`HttpClient.follow`): a 303, or a 301 or 302 after a POST, becomes a GET without its body;
   * leaving the origin drops the request's own credentials.
   */
  follow(exchange: Http2Exchange, to: URL, status: number): void {
    if (this.state !== 'open') {
      exchange.onSessionFailed(this.stopReason ?? new Error('client closed'));
      return;
    }
    const origin = this.origin(to.origin);
    // Redirects are rare: a hop object each costs nothing that matters.
    const hop: Http2Hop = {
      origin: origin.info,
      path: to.pathname + to.search,
      method: exchange.requestMethod,
      headers: NO_HEADERS,
      body: exchange.requestBody,
      contentType: exchange.contentType,
      ownHeaders: exchange.ownHeaders,
    };
    if (dropsBody(status, hop.method.method)) {
      hop.method = METHODS.GET;
      hop.body = null;
      hop.contentType = undefined;
      hop.ownHeaders = withoutHeaders(hop.ownHeaders, BODY_HEADERS);
    }
    if (origin.info.origin !== exchange.origin.origin) hop.ownHeaders = withoutHeaders(hop.ownHeaders, CREDENTIAL_HEADERS);
    hop.headers = this.headersFor(origin, hop.method, hop.path, hop.body, hop.contentType, hop.ownHeaders);
    exchange.redirect(origin.session, hop);
  }

  /** Closes the sessions once requests in flight finish. */
  async close(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'closed';
    await Promise.all([...this.origins.values()].map((origin) => origin.session.close()));
    untrack(this);
  }

  /** Fails requests in flight with `reason` and closes the sessions now. */
  async destroy(reason: Error): Promise<void> {
    if (this.state === 'destroyed') return;
    this.state = 'destroyed';
    this.stopReason = reason;
    untrack(this);
    await Promise.all([...this.origins.values()].map((origin) => origin.session.destroy(reason)));
  }

  /** The origin of `info` (or of an origin string, parsed on first sight). */
  private origin(info: OriginInfo | string): Http2Origin {
    const key = typeof info === 'string' ? info : info.origin;
    let origin = this.origins.get(key);
    if (origin === undefined) {
      const parsed = typeof info === 'string' ? parseOrigin(info, false) : info;
      origin = { info: parsed, session: new Http2OriginSession(parsed, this.options.settings), plain: [] };
      this.origins.set(key, origin);
    }
    return origin;
  }

  /** A hop's header block: a plain request's from the cache, else built now with its cookies. */
  private headersFor(
    origin: Http2Origin,
    method: MethodInfo,
    path: string,
    body: Uint8Array | null,
    contentType: string | undefined,
    ownHeaders: Readonly<Record<string, string>> | undefined,
  ): OutgoingHttpHeaders {
    const jar = this.options.jar;
    const info = origin.info;
    let cookie: string | undefined;
    if (jar !== undefined && jar.size > 0) {
      const q = path.indexOf('?');
      cookie = jar.header(info.hostname, q === -1 ? path : path.slice(0, q), info.secure);
    }
    const plain = ownHeaders === undefined && contentType === undefined && cookie === undefined && body === null;
    if (plain) {
      const cached = origin.plain[method.index]?.get(path);
      if (cached !== undefined) return cached;
    }
    const defaults = this.options.headers;
    const flat = plain ? defaults.flat : defaults.merge(ownHeaders, contentType, cookie);
    const headers = http2Headers(method.method, wirePath(path), flat);
    if (body !== null) headers['content-length'] = body.byteLength;
    if (plain) {
      const paths = (origin.plain[method.index] ??= new Map());
      if (paths.size < PLAIN_HEADERS_PER_METHOD) paths.set(path, headers);
    }
    return headers;
  }
}
