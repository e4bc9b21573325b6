/**
 * One HTTP/2 request in flight, and (by extending the HTTP/1.1 client's `Response`) the response
 * the script's promise resolves to: the same object a script reads over HTTP/1.1, with the same
 * body cap, lazy decoding, `json()`, `text()` and `fail()`.
 *
 * It runs as the HTTP/1.1 exchange does (`http/exchange.ts`), over a `node:http2` stream instead
 * of a connection of its own: timed from when the request was due (or sent), TTFB at the response
 * headers, the duration at the last body byte or the error; every body byte counted, kept up to
 * the cap; a redirect's body read and dropped, then the same object sent on as the next hop (its
 * client plans it: `client.ts`), so a redirected request is one record. Network trouble (a reset
 * stream, a GOAWAY, a session that dies mid-stream, a timeout) resolves the request with status 0
 * and an error, recorded as a failed request; nothing rejects or throws.
 *
 * The timeout bounds the wait for the response headers (counted from the send, queueing for a
 * free stream included) and each gap between body chunks. As over HTTP/1.1, a short timeout
 * (under `SWEPT_TIMEOUT_MS`) gets a timer of its own, refreshed on each chunk; a longer
 * one (the default 60 s) is checked by the client's half-second sweep, which counts quiet sweeps,
 * so a request arms no timer. A timed-out stream is cancelled alone: the session and its other
 * streams go on.
 *
 * Bytes in and out are the bodies' (DATA frames): HTTP/2 headers travel HPACK-compressed, at a
 * size the session does not tell per stream.
 */

import { constants, type ClientHttp2Session, type ClientHttp2Stream, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http2';
import type { MetricsRecorder } from '../../metrics/recorder.js';
import { ConnectionError } from '../http/connection-error.js';
import { SWEEP_MS, SWEPT_TIMEOUT_MS } from '../timeout-sweep.js';
import type { CookieJar } from '../http/cookie-jar.js';
import type { MethodInfo } from '../http/endpoints.js';
import { describeError, isExpected, statusMessage } from '../http/failure-messages.js';
import { isFollowedRedirect, resolveLocation } from '../http/redirect.js';
import type { RequestPlan } from '../http/request-plan.js';
import { ReceivingResponse } from '../http/receiving-response.js';
import { sentHttp2Headers } from '../http/sent-headers.js';
import type { HttpResponse } from '../http/types.js';
import type { OriginInfo } from '../http/url.js';
import { resetMessage, statusText } from './status-text.js';

/** Whoever sends a redirect's next hop: the client that made the exchange. */
export interface Http2RedirectFollower {
  follow(exchange: Http2Exchange, to: URL, status: number): void;
}

/** What every exchange of one user's HTTP/2 client shares, built once. */
export interface Http2ExchangeContext {
  readonly recorder: MetricsRecorder;
  readonly jar: CookieJar | undefined;
  readonly connectTimeoutMs: number;
  readonly redirects: Http2RedirectFollower;
  /** The exchanges in flight whose timeout the client's sweep checks (`sweep()`). */
  readonly swept: Set<Http2Exchange>;
}

/** Where an exchange's stream comes from: one user's session to one origin (`session.ts`). */
export interface StreamSource {
  /** Queues the exchange; it starts once the session is up and has a free stream. */
  send(exchange: Http2Exchange): void;
  /** The exchange is done with its stream: the next queued one may start. */
  release(): void;
}

/** One hop of a request: what the client plans and a redirect may change. */
export interface Http2Hop {
  origin: OriginInfo;
  path: string;
  method: MethodInfo;
  headers: OutgoingHttpHeaders;
  body: Uint8Array | null;
  contentType: string | undefined;
  ownHeaders: Readonly<Record<string, string>> | undefined;
}

type Resolve = (response: HttpResponse) => void;
const noop = (): void => {};
// One module-level executor parks the resolver here: no closure per request.
let resolveSlot: Resolve = noop;
function capture(resolve: Resolve): void {
  resolveSlot = resolve;
}

/** The exchange a stream serves: streams are tagged, so their listeners are shared functions. */
const EXCHANGE = Symbol('volley.http2.exchange');
type TaggedStream = ClientHttp2Stream & { [EXCHANGE]: Http2Exchange };

function onStreamResponse(this: TaggedStream, headers: IncomingHttpHeaders): void {
  const exchange = this[EXCHANGE];
  if (exchange.stream === this) exchange.onHead(headers);
}
function onStreamData(this: TaggedStream, chunk: Buffer): void {
  const exchange = this[EXCHANGE];
  if (exchange.stream === this) exchange.onBody(chunk);
}
function onStreamEnd(this: TaggedStream): void {
  const exchange = this[EXCHANGE];
  if (exchange.stream !== this) return;
  // Node ends the readable side of a stream that closes early too (a reset, a session that
  // died): only a stream still alive at its end got the whole response.
  if (this.destroyed) exchange.onStreamFailed(new Error(resetMessage(this.rstCode)));
  else exchange.onEnd();
}
function onStreamError(this: TaggedStream, error: Error): void {
  const exchange = this[EXCHANGE];
  if (exchange.stream !== this) return;
  // A reset is named as other early closes are; any other error is the session's or ours.
  const reset = (error as { code?: unknown }).code === 'ERR_HTTP2_STREAM_ERROR';
  exchange.onStreamFailed(reset ? new Error(resetMessage(this.rstCode)) : error);
}
function onStreamClose(this: TaggedStream): void {
  const exchange = this[EXCHANGE];
  if (exchange.stream === this) exchange.onStreamFailed(new Error(resetMessage(this.rstCode)));
}
function onDeadline(exchange: Http2Exchange): void {
  exchange.timeOut();
}
function onRedirectRead(exchange: Http2Exchange): void {
  exchange.followRedirect();
}

// Node copies a request's options and fills in the priority defaults it lacks: given them (RFC
// 9113's defaults, as Node's), the copy keeps its shape and Node only checks them.
const PRIORITY = { weight: constants.NGHTTP2_DEFAULT_WEIGHT, parent: 0, exclusive: false, silent: false } as const;
const END_STREAM = { endStream: true, ...PRIORITY } as const;
const OPEN_STREAM = { endStream: false, ...PRIORITY } as const;

export class Http2Exchange extends ReceivingResponse {
  /** The stream now carrying this hop (undefined while queued, and once done with it). */
  stream: ClientHttp2Stream | undefined = undefined;
  /** Finished: resolved and recorded. */
  done = false;
  requestMethod: MethodInfo;
  requestHeaders: OutgoingHttpHeaders;
  requestBody: Uint8Array | null;
  contentType: string | undefined;
  ownHeaders: Readonly<Record<string, string>> | undefined;
  readonly timeoutMs: number;
  private readonly redirectLimit: number;
  private readonly expect: number | readonly number[] | undefined;
  private resolve: Resolve = noop;
  private source: StreamSource | undefined = undefined;
  private timer: NodeJS.Timeout | undefined = undefined;
  /** Sweeps since the send, the head or the last chunk, for a swept timeout (see the module comment). */
  private quietSweeps = 0;
  private start = 0;
  private headAt = Number.NaN;
  private responseHeaders: IncomingHttpHeaders | undefined = undefined;
  private parsed: Record<string, string | string[]> | undefined = undefined;
  /** Body bytes of the redirects followed. */
  private earlierBytes = 0;
  private bytesOut: number;
  private redirectTo: URL | undefined = undefined;
  private tooManyRedirects = false;

  /**
   * `request` is the user's HTTP client's plan, refilled for its next request: what is needed is
   * copied here. `headers` is the request's HTTP/2 header block, `endpoint` its `h2` stats row.
   */
  constructor(
    private readonly context: Http2ExchangeContext,
    request: Readonly<RequestPlan>,
    headers: OutgoingHttpHeaders,
    endpoint: number,
  ) {
    super(context.recorder, request.scope, endpoint, request.method.method, request.name, request.origin, request.path, request.keepLimit);
    this.requestMethod = request.method;
    this.requestHeaders = headers;
    this.requestBody = request.body;
    this.contentType = request.contentType;
    this.ownHeaders = request.ownHeaders;
    this.timeoutMs = request.timeoutMs;
    this.redirectLimit = request.redirectLimit;
    this.expect = request.expect;
    this.bytesOut = request.body === null ? 0 : request.body.byteLength;
  }

  /** Response headers as HTTP/2 delivers them: lowercase names, `set-cookie` an array. */
  override get headers(): Readonly<Record<string, string | string[]>> {
    if (this.parsed !== undefined) return this.parsed;
    const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
    const headers = this.responseHeaders;
    for (const name in headers) {
      const value = headers[name];
      if (name.charCodeAt(0) === 0x3a || value === undefined) continue;
      out[name] = Array.isArray(value) && name !== 'set-cookie' ? value.join(', ') : value;
    }
    this.parsed = out;
    return out;
  }

  /** Queues the request on `source`; `dueAt` (NaN when unset) backdates the start of a late open-model start. */
  send(source: StreamSource, dueAt: number): Promise<HttpResponse> {
    const promise = new Promise<HttpResponse>(capture);
    this.resolve = resolveSlot;
    const now = performance.now();
    this.start = dueAt === dueAt && dueAt < now ? dueAt : now;
    this.transmit(source);
    return promise;
  }

  /** Sends the request on as a redirect's next hop; the promise, start and byte counts carry over. */
  redirect(source: StreamSource, hop: Readonly<Http2Hop>): void {
    this.redirects++;
    this.origin = hop.origin;
    this.path = hop.path;
    this.requestMethod = hop.method;
    this.requestHeaders = hop.headers;
    this.requestBody = hop.body;
    this.contentType = hop.contentType;
    this.ownHeaders = hop.ownHeaders;
    this.bytesOut += hop.body === null ? 0 : hop.body.byteLength;
    this.earlierBytes += this.restartBody();
    this.redirectTo = undefined;
    this.status = 0;
    this.statusText = '';
    this.responseHeaders = undefined;
    this.parsed = undefined;
    this.headerBlock = Buffer.alloc(0);
    this.headAt = Number.NaN;
    this.transmit(source);
  }

  private transmit(source: StreamSource): void {
    this.source = source;
    if (this.timeoutMs >= SWEPT_TIMEOUT_MS) {
      this.quietSweeps = 0;
      this.context.swept.add(this);
    } else if (this.timeoutMs > 0) this.timer = setTimeout(onDeadline, this.timeoutMs, this);
    source.send(this);
  }

  /** The session has a stream free for this hop: opens it (called by the session, never twice). */
  open(session: ClientHttp2Session): void {
    const body = this.requestBody;
    let stream: ClientHttp2Stream;
    try {
      stream = session.request(this.requestHeaders, body === null ? END_STREAM : OPEN_STREAM);
    } catch (error) {
      this.source?.release();
      this.finish(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    (stream as TaggedStream)[EXCHANGE] = this;
    this.stream = stream;
    stream.on('response', onStreamResponse);
    stream.on('data', onStreamData);
    stream.on('end', onStreamEnd);
    stream.on('error', onStreamError);
    stream.on('close', onStreamClose);
    if (body !== null) stream.end(body);
  }

  /** The session could not carry this hop (it failed to connect, or closed): the request fails. */
  onSessionFailed(error: Error): void {
    this.finish(error);
  }

  onHead(headers: IncomingHttpHeaders): void {
    this.headAt = performance.now();
    this.timer?.refresh();
    this.quietSweeps = 0;
    const status = Number(headers[':status']);
    this.status = status;
    this.statusText = statusText(status);
    this.responseHeaders = headers;
    const encoding = headers['content-encoding'];
    if (typeof encoding === 'string') this.headerBlock = Buffer.from(`content-encoding: ${encoding}\r\n`, 'latin1');
    const cookies = headers['set-cookie'];
    const jar = this.context.jar;
    if (cookies !== undefined && jar !== undefined) jar.store(cookies, this.origin.hostname, this.path);
    if ((status - 301) >>> 0 <= 7) this.checkRedirect(status, headers);
  }

  private checkRedirect(status: number, headers: IncomingHttpHeaders): void {
    const location = headers.location;
    if (this.redirectLimit === 0 || !isFollowedRedirect(status) || typeof location !== 'string') return;
    // HTTP/2 header values arrive as latin1 strings; a raw UTF-8 location is read back as UTF-8.
    const to = resolveLocation(Buffer.from(location, 'latin1').toString('utf8'), this.url);
    if (to === undefined) return;
    if (this.redirects >= this.redirectLimit) {
      this.tooManyRedirects = true;
      return;
    }
    this.redirectTo = to;
    this.skipBody();
  }

  onBody(chunk: Buffer): void {
    this.timer?.refresh();
    this.quietSweeps = 0;
    this.receiveBody(chunk);
  }

  onEnd(): void {
    this.leaveStream();
    if (this.redirectTo === undefined) {
      this.finish(undefined);
      return;
    }
    this.clearDeadline();
    process.nextTick(onRedirectRead, this);
  }

  /** The stream ended without a whole response (reset, session gone, or an error). */
  onStreamFailed(error: Error): void {
    this.leaveStream();
    this.finish(error);
  }

  /** One sweep of the client's: a swept timeout passes after enough quiet sweeps. */
  sweep(): void {
    if ((++this.quietSweeps - 1) * SWEEP_MS >= this.timeoutMs) this.timeOut();
  }

  /** The deadline passed: the stream (if it opened) is cancelled, the session goes on. */
  timeOut(): void {
    this.timer = undefined;
    this.context.swept.delete(this);
    const head = this.headAt !== this.headAt;
    const error = head
      ? new ConnectionError('headers timeout', 'VOLLEY_HEADERS_TIMEOUT')
      : new ConnectionError('body timeout', 'VOLLEY_BODY_TIMEOUT');
    const stream = this.stream;
    this.leaveStream();
    if (stream !== undefined) stream.close(constants.NGHTTP2_CANCEL);
    this.finish(error);
  }

  /** Hands the redirect to the client for the next hop; a hop it cannot send fails the request. */
  followRedirect(): void {
    try {
      this.context.redirects.follow(this, this.redirectTo as URL, this.status);
    } catch (error) {
      this.finish(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private clearDeadline(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.context.swept.delete(this);
  }

  /** Done with the stream: its slot in the session goes to the next queued request. */
  private leaveStream(): void {
    if (this.stream === undefined) return;
    this.stream = undefined;
    this.source?.release();
  }

  /** Resolves and records the request, once. */
  private finish(error: Error | undefined): void {
    if (this.done) return;
    this.done = true;
    const end = performance.now();
    this.clearDeadline();
    this.source = undefined;
    const durationUs = Math.round((end - this.start) * 1000);
    this.durationUs = durationUs;
    this.ttfbUs = this.headAt >= this.start ? Math.round((this.headAt - this.start) * 1000) : durationUs;
    let message = '';
    if (error === undefined) {
      this.settleBody(true);
      if (this.tooManyRedirects) message = `too many redirects (${this.redirectLimit})`;
      else if (!isExpected(this.status, this.expect)) message = statusMessage(this.status, this.statusText);
    } else {
      this.status = 0;
      this.error = error;
      message = describeError(error, this.timeoutMs, this.context.connectTimeoutMs);
    }
    const failed = message !== '';
    this.failed = failed;
    this.recorded = true;
    const bytesIn = this.earlierBytes + this.bodyBytes;
    const recorder = this.context.recorder;
    // True only for one of the row's slowest so far: rare, so only then is anything built.
    if (recorder.record(this.endpoint, durationUs, this.ttfbUs, this.status, bytesIn, this.bytesOut, failed) === true) {
      const sent = this.requestHeaders;
      recorder.describeSlow?.(this.endpoint, this.requestMethod.method, this.url, () => sentHttp2Headers(sent));
    }
    if (failed) this.context.recorder.error(this.endpoint, 'request', message);
    this.releaseBody();
    this.resolve(this);
  }
}
