/**
 * One request in flight: what its connection writes and calls back (`WireRequest`), and (by
 * extending `Response`) the response the script's promise resolves to, so a request costs one
 * object of ours plus its promise.
 *
 * Timing is `performance.now()` (milliseconds, sub-microsecond resolution), recorded in integer
 * microseconds: the start is the send time, or the due time when an open-model executor started
 * the request late; TTFB ends at the response head, the duration at the last body byte or the
 * error.
 *
 * Timeouts: the connection checks every connection's deadlines on a 0.5 s sweep, which is fine
 * for the default 60 s but would make a 200 ms timeout fire up to 0.5 s late. So a timeout under
 * `SWEPT_TIMEOUT_MS` also gets a precise timer for the wait for the head (one Node timer
 * per request, only for such requests); the gaps between body reads stay on the sweep.
 *
 * Bodies: every byte counts in the stats; chunks are kept only up to the request's cap
 * (`maxBodySize`, 0 when bodies are discarded), after which the response is marked `truncated`.
 *
 * Retries: when a kept-alive connection drops the request unanswered and it may be retried
 * (`retryable`: an idempotent method, or `retry: true`), the failed attempt is recorded as a
 * failed request of its own and counted as a retry, and the retry is timed from its own send.
 *
 * Redirects: a 301, 302, 303, 307 or 308 head with a usable `location`, while hops remain, marks
 * the exchange to follow it (one integer comparison rules out every other status). Its body is
 * counted and dropped; once it is read, the same object goes out again as the next hop, which the
 * client builds (`HttpClient.follow`). The promise, the start time and the byte counts carry over,
 * so a redirected request is one record: its duration ends at the final response's last byte, its
 * TTFB at that response's head, and its bytes are every hop's. The precise head timer restarts
 * for each hop.
 */

import type { MetricsRecorder } from '../../metrics/recorder.js';
import { ConnectionError } from './connection-error.js';
import type { Lane } from './connection-pool.js';
import type { CookieJar } from './cookie-jar.js';
import type { MethodInfo } from './endpoints.js';
import { describeError, isExpected, statusMessage } from './failure-messages.js';
import { headerValue, setCookieValues } from './header-block.js';
import { isFollowedRedirect, resolveLocation } from './redirect.js';
import type { HopPlan, RequestPlan } from './request-plan.js';
import { ReceivingResponse } from './receiving-response.js';
import { headHeaders } from './sent-headers.js';
import type { HttpResponse } from './types.js';
import type { WireRequest } from './wire-request.js';
import { SWEPT_TIMEOUT_MS } from '../timeout-sweep.js';

/** Whoever sends a redirect's next hop: the client that made the exchange. */
export interface RedirectFollower {
  /** Sends `exchange` on to `to`, where its `status` redirect pointed, as its next hop (`Exchange.redirect`). */
  follow(exchange: Exchange, to: URL, status: number): void;
}

/**
 * What every exchange of one client shares. The client builds it once (per virtual user) and
 * hands the same object to each of its exchanges; what differs per request comes in a
 * `RequestPlan`, which the exchange copies.
 */
export interface ExchangeContext {
  readonly recorder: MetricsRecorder;
  /** The user's cookie jar (undefined when cookies are off). */
  readonly jar: CookieJar | undefined;
  /** The connect timeout of the client's connections (the client-wide default timeout). */
  readonly connectTimeoutMs: number;
  readonly redirects: RedirectFollower;
}

type Resolve = (response: HttpResponse) => void;
const noop = (): void => {};

// The promise executor is one module-level function that parks the resolver here, rather than a
// closure allocated per request. The promise never rejects: failures resolve as responses.
let resolveSlot: Resolve = noop;
function capture(resolve: Resolve): void {
  resolveSlot = resolve;
}


/** The precise head deadline passed. */
function onHeadDeadline(exchange: Exchange): void {
  exchange.timeOut();
}

/** A redirect's body was read: on to the next hop. */
function onRedirectRead(exchange: Exchange): void {
  exchange.followRedirect();
}

const NO_HEADERS: Buffer = Buffer.alloc(0);

/** Methods safe to send twice (RFC 9110 §9.2.2), the only ones retried unless a request opts in. */
const IDEMPOTENT: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

export class Exchange extends ReceivingResponse implements WireRequest {
  private resolve: Resolve = noop;
  private lane: Lane | undefined = undefined;
  private settled = false;
  private timer: NodeJS.Timeout | undefined = undefined;
  private start = 0;
  private headAt = Number.NaN;
  /** Bytes in other than the response's body: every hop's head, and the bodies of the redirects followed. */
  private headBytes = 0;
  /** Every hop's request bytes. */
  private bytesOut: number;
  /** The request may go out again once after a dropped kept-alive connection (`retryable`). */
  private retryLeft: boolean;
  /** Where the redirect being read points: set at its head, the next hop leaves after its body. */
  private redirectTo: URL | undefined = undefined;
  /** The response is a redirect to follow but the limit was reached: the request fails with it. */
  private tooManyRedirects = false;

  /** The method as this hop sends it; a redirect may turn it into GET (`method` stays the first). */
  requestMethod: MethodInfo;
  requestHead: Buffer | string;
  requestBody: Uint8Array | null;
  /** The request's body type (a `json` body's) and own headers, kept to build the heads of redirect hops. */
  contentType: string | undefined;
  ownHeaders: Readonly<Record<string, string>> | undefined;
  readonly timeoutMs: number;
  /** How many redirects to follow (0: none). */
  readonly redirectLimit: number;
  private readonly expect: number | readonly number[] | undefined;

  /** `plan` is the client's, refilled for its next request: everything needed is copied here. */
  constructor(
    private readonly context: ExchangeContext,
    plan: Readonly<RequestPlan>,
  ) {
    super(context.recorder, plan.scope, plan.endpoint, plan.method.method, plan.name, plan.origin, plan.path, plan.keepLimit);
    this.requestMethod = plan.method;
    this.requestHead = plan.head;
    this.requestBody = plan.body;
    this.contentType = plan.contentType;
    this.ownHeaders = plan.ownHeaders;
    this.timeoutMs = plan.timeoutMs;
    this.redirectLimit = plan.redirectLimit;
    this.expect = plan.expect;
    this.bytesOut = sentBytes(plan.head, plan.body);
    this.retryLeft = plan.retry || IDEMPOTENT.has(plan.method.method);
  }

  get retryable(): boolean {
    return this.retryLeft;
  }

  /**
   * A kept-alive connection dropped this attempt with no response: it is recorded as a failed
   * request (the server may have seen it) and counted as a retry; the request goes out again.
   */
  onRetry(error: Error): void {
    this.retryLeft = false;
    const now = performance.now();
    const durationUs = Math.round((now - this.start) * 1000);
    const bytesOut = sentBytes(this.requestHead, this.requestBody);
    if (this.recorder.record(this.endpoint, durationUs, durationUs, 0, 0, bytesOut, true) === true) this.describeSlow();
    const message = describeError(error, this.timeoutMs, this.context.connectTimeoutMs);
    this.recorder.error(this.endpoint, 'request', `${message} (retried)`);
    this.recorder.retry?.();
    this.start = now; // the retry is its own record, timed from its own send
  }

  get headRequest(): boolean {
    return this.requestMethod.method === 'HEAD'; // this hop's method (a redirect never makes HEAD)
  }

  /** Queues the request on `lane`; `dueAt` (NaN when unset) backdates the start for a late open-model start. */
  send(lane: Lane, dueAt: number): Promise<HttpResponse> {
    const promise = new Promise<HttpResponse>(capture);
    this.resolve = resolveSlot;
    const now = performance.now();
    this.start = Number.isNaN(dueAt) || dueAt > now ? now : dueAt;
    this.transmit(lane);
    return promise;
  }

  /**
   * Sends the request on as the next hop of a redirect, with what the client built for it; the
   * promise, start time and byte counts carry over, the response read so far is dropped.
   */
  redirect(lane: Lane, hop: Readonly<HopPlan>): void {
    this.redirects++;
    this.origin = hop.origin;
    this.path = hop.path;
    this.requestMethod = hop.method;
    this.requestHead = hop.head;
    this.requestBody = hop.body;
    this.contentType = hop.contentType;
    this.ownHeaders = hop.ownHeaders;
    this.bytesOut += sentBytes(hop.head, hop.body);
    this.headBytes += this.restartBody();
    this.redirectTo = undefined;
    this.status = 0;
    this.statusText = '';
    this.headerBlock = NO_HEADERS;
    this.headAt = Number.NaN;
    this.transmit(lane);
  }

  /** Puts this hop on `lane`, with a precise head timer when the timeout is short. */
  private transmit(lane: Lane): void {
    this.lane = lane;
    lane.inflight++;
    if (this.timeoutMs > 0 && this.timeoutMs < SWEPT_TIMEOUT_MS) {
      this.timer = setTimeout(onHeadDeadline, this.timeoutMs, this);
    }
    lane.connection.send(this);
  }

  /** The precise head deadline passed: the connection drops the request (and, on the wire, itself). */
  timeOut(): void {
    this.timer = undefined;
    const error = new ConnectionError('headers timeout', 'VOLLEY_HEADERS_TIMEOUT');
    if (this.lane !== undefined) this.lane.connection.abort(this, error);
    else this.settle(error);
  }

  onResponseHead(status: number, statusText: string, block: Buffer, headBytes: number, setCookie: boolean): void {
    this.headAt = performance.now();
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.status = status;
    this.statusText = statusText;
    this.headerBlock = block;
    this.headBytes += headBytes;
    const jar = this.context.jar;
    if (setCookie && jar !== undefined) jar.store(setCookieValues(block), this.origin.hostname, this.path);
    // 301 to 308 in one unsigned comparison: the common path pays nothing more for redirects.
    if ((status - 301) >>> 0 <= 7) this.checkRedirect(status, block);
  }

  /** At a 3xx head: whether to follow it (its body is then read and dropped), or to fail it as one too many. */
  private checkRedirect(status: number, block: Buffer): void {
    if (this.redirectLimit === 0 || !isFollowedRedirect(status)) return;
    // Raw UTF-8 in a location is how servers send non-ASCII paths; URL parsing percent-encodes it.
    const location = headerValue(block, 'location', 'utf8');
    if (location === undefined) return;
    const to = resolveLocation(location, this.url);
    if (to === undefined) return;
    if (this.redirects >= this.redirectLimit) {
      this.tooManyRedirects = true;
      return;
    }
    this.redirectTo = to;
    this.skipBody();
  }

  onResponseBody(chunk: Buffer, transient: boolean): void {
    this.receiveBody(chunk, transient);
  }

  onResponseEnd(): void {
    if (this.redirectTo === undefined) {
      this.settle(undefined);
      return;
    }
    // Free the lane now, so the next hop may reuse its connection. It leaves on the next tick:
    // the connection is still inside its socket handler, whose checks must not take the next hop
    // (this same object) for the request they just ended.
    if (this.lane !== undefined) this.lane.inflight--;
    this.lane = undefined;
    process.nextTick(onRedirectRead, this);
  }

  /** Hands the redirect to the client for the next hop; a hop it cannot send fails the request. */
  followRedirect(): void {
    const to = this.redirectTo as URL;
    try {
      this.context.redirects.follow(this, to, this.status);
    } catch (error) {
      this.settle(error instanceof Error ? error : new Error(String(error)));
    }
  }

  onRequestError(error: Error): void {
    this.settle(error);
  }

  private settle(error: Error | undefined): void {
    if (this.settled) return;
    this.settled = true;
    const end = performance.now();
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    // Free the lane before the script resumes, so its next request reuses this connection.
    if (this.lane !== undefined) this.lane.inflight--;
    this.lane = undefined;
    const durationUs = Math.round((end - this.start) * 1000);
    this.durationUs = durationUs;
    // Without a response head there is no first byte: TTFB is the whole wait.
    this.ttfbUs = this.headAt >= this.start ? Math.round((this.headAt - this.start) * 1000) : durationUs;
    let message = '';
    if (error === undefined) {
      this.settleBody(this.redirectTo === undefined);
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
    const bytesIn = this.headBytes + this.bodyBytes;
    // True only for one of the row's slowest so far: rare, so only then is anything built.
    if (this.recorder.record(this.endpoint, durationUs, this.ttfbUs, this.status, bytesIn, this.bytesOut, failed) === true) {
      this.describeSlow();
    }
    if (failed) this.recorder.error(this.endpoint, 'request', message);
    this.releaseBody();
    this.resolve(this);
  }

  /** Tells the recorder which request its row's new slowest sample was (the last hop, as sent). */
  private describeSlow(): void {
    const head = this.requestHead;
    this.recorder.describeSlow?.(this.endpoint, this.requestMethod.method, this.url, () => headHeaders(head));
  }
}

/** A hop's bytes going out: its head and body. */
function sentBytes(head: Buffer | string, body: Uint8Array | null): number {
  return head.length + (body === null ? 0 : body.byteLength);
}
