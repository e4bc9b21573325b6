/**
 * One request in flight: the handler undici calls, and (by extending `Response`) the response the
 * script's promise resolves to, so a request costs one object of ours plus its promise.
 *
 * It uses undici's legacy handler API (`onConnect`, `onHeaders`, `onData`, `onComplete`,
 * `onError`), which `Dispatcher.dispatch` passes through as is; a new-style handler would be
 * wrapped in an adapter object per request (`undici/lib/handler/unwrap-handler.js`).
 *
 * Timing is `performance.now()` (milliseconds, sub-microsecond resolution), recorded in integer
 * microseconds: the start is the send time, or the due time when an open-model executor started
 * the request late; TTFB ends at the response headers, the duration at the last body byte or the
 * error.
 *
 * Timeouts: undici's own timers check deadlines on a ~0.5 s tick, which is fine for the default
 * 60 s but makes a 200 ms timeout fire after about 1 s. So a timeout under
 * `PRECISE_TIMEOUT_BELOW_MS` also gets a precise timer for the wait for headers (one Node timer
 * per request, only for such requests); the gaps between body chunks stay on undici's timer.
 */

import { type Dispatcher, errors } from 'undici';
import type { MetricsRecorder } from '../../metrics/recorder.js';
import type { Lane } from './connection-pool.js';
import type { CookieJar } from './cookie-jar.js';
import { isSetCookie } from './raw-headers.js';
import { Response } from './response.js';
import { formatTimeout } from './timeout.js';
import type { HttpResponse } from './types.js';
import type { OriginInfo } from './url.js';

/** What an exchange needs from the client that made it. */
export interface ExchangeOwner {
  readonly jar: CookieJar | undefined;
  readonly discardBody: boolean;
  /** The connect timeout of the client's connections (the client-wide default timeout). */
  readonly connectTimeoutMs: number;
}

type Resolve = (response: HttpResponse) => void;
type Reject = (error: unknown) => void;
const noop = (): void => {};

// The promise executor is one module-level function that parks the resolvers here, rather than
// a closure allocated per request.
let resolveSlot: Resolve = noop;
let rejectSlot: Reject = noop;
function capture(resolve: Resolve, reject: Reject): void {
  resolveSlot = resolve;
  rejectSlot = reject;
}

/** Timeouts below this get a precise timer for the headers (see the module comment). */
export const PRECISE_TIMEOUT_BELOW_MS = 10_000;

/** The precise headers deadline passed: abort the exchange (or give up on it, if not started). */
function onHeadersDeadline(exchange: Exchange): void {
  exchange.timeOut();
}

export class Exchange extends Response implements Dispatcher.DispatchHandler {
  private resolve: Resolve = noop;
  private reject: Reject = noop;
  private lane: Lane | undefined = undefined;
  private settled = false;
  private abort: ((error?: Error) => void) | undefined = undefined;
  private timer: NodeJS.Timeout | undefined = undefined;
  private start = 0;
  private headersAt = Number.NaN;
  private headBytes = 0;
  private bodyBytes = 0;
  private firstChunk: Buffer | undefined = undefined;
  private moreChunks: Buffer[] | undefined = undefined;

  constructor(
    private readonly owner: ExchangeOwner,
    private readonly origin: OriginInfo,
    /** The request path, for the default path of cookies the response sets. */
    private readonly path: string,
    recorder: MetricsRecorder,
    scope: number,
    endpoint: number,
    method: string,
    name: string,
    private readonly expect: number | readonly number[] | undefined,
    private readonly timeoutMs: number,
    private readonly bytesOut: number,
  ) {
    super(recorder, scope, endpoint, method, name);
  }

  /** Dispatches the request; `dueAt` (NaN when unset) backdates the start for a late open-model start. */
  send(lane: Lane, options: Dispatcher.DispatchOptions, dueAt: number): Promise<HttpResponse> {
    const promise = new Promise<HttpResponse>(capture);
    this.resolve = resolveSlot;
    this.reject = rejectSlot;
    this.lane = lane;
    lane.inflight++;
    const now = performance.now();
    this.start = Number.isNaN(dueAt) || dueAt > now ? now : dueAt;
    if (this.timeoutMs > 0 && this.timeoutMs < PRECISE_TIMEOUT_BELOW_MS) {
      this.timer = setTimeout(onHeadersDeadline, this.timeoutMs, this);
    }
    lane.client.dispatch(options, this);
    return promise;
  }

  /** Called by undici right before it writes the request on a connected socket. */
  onConnect(abort: (error?: Error) => void): void {
    // Timed out while queued or connecting: never send it.
    if (this.settled) abort();
    else this.abort = abort;
  }

  /** The precise headers deadline passed. */
  timeOut(): void {
    this.timer = undefined;
    const error = new errors.HeadersTimeoutError();
    // On the wire: undici errors the request (back into onError) and drops the connection, as
    // a late response may still arrive on it. Not sent yet: settle now; onConnect aborts it later.
    if (this.abort !== undefined) this.abort(error);
    else this.settle(error);
  }

  onHeaders(status: number, rawHeaders: Buffer[], _resume: () => void, statusText: string): boolean {
    if (status < 200) return true; // 1xx informational: the real response follows
    this.headersAt = performance.now();
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.status = status;
    this.statusText = statusText;
    this.rawHeaders = rawHeaders;
    // Bytes of the head as on the wire with the usual `Name: value` spacing: status line
    // (`HTTP/1.1 200 OK\r\n`), one `name: value\r\n` per header, the blank line.
    let size = 17 + statusText.length;
    const jar = this.owner.jar;
    let cookies: string[] | undefined;
    for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
      const name = rawHeaders[i] as Buffer;
      const value = rawHeaders[i + 1] as Buffer;
      size += name.length + value.length + 4;
      if (jar !== undefined && name.length === 10 && isSetCookie(name)) {
        cookies ??= [];
        cookies.push(value.toString('latin1'));
      }
    }
    this.headBytes = size;
    if (cookies !== undefined) jar?.store(cookies, this.origin.hostname, this.path);
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.bodyBytes += chunk.length;
    if (this.owner.discardBody) return true;
    if (this.firstChunk === undefined) {
      this.firstChunk = chunk;
    } else {
      this.moreChunks ??= [this.firstChunk];
      this.moreChunks.push(chunk);
    }
    return true;
  }

  onComplete(): void {
    this.settle(undefined);
  }

  onError(error: Error): void {
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
    this.abort = undefined;
    // Free the lane before the script resumes, so its next request reuses this connection.
    if (this.lane !== undefined) this.lane.inflight--;
    this.lane = undefined;
    const durationUs = Math.round((end - this.start) * 1000);
    this.durationUs = durationUs;
    // Without response headers there is no first byte: TTFB is the whole wait.
    this.ttfbUs =
      this.headersAt >= this.start ? Math.round((this.headersAt - this.start) * 1000) : durationUs;
    let message = '';
    if (error === undefined) {
      if (this.moreChunks !== undefined) this.body = Buffer.concat(this.moreChunks, this.bodyBytes);
      else if (this.firstChunk !== undefined) this.body = this.firstChunk;
      if (!isExpected(this.status, this.expect)) message = statusMessage(this.status, this.statusText);
    } else {
      if ((error as { code?: unknown }).code === 'UND_ERR_INVALID_ARG') {
        // A bad header name or value: the script's bug, not the target's.
        this.reject(new TypeError(error.message, { cause: error }));
        return;
      }
      this.status = 0;
      this.error = error;
      message = describeError(error, this.timeoutMs, this.owner.connectTimeoutMs);
    }
    const failed = message !== '';
    this.failed = failed;
    this.recorded = true;
    this.recorder.record(
      this.endpoint,
      durationUs,
      this.ttfbUs,
      this.status,
      this.headBytes + this.bodyBytes,
      this.bytesOut,
      failed,
    );
    if (failed) this.recorder.error(this.endpoint, 'request', message);
    this.firstChunk = undefined;
    this.moreChunks = undefined;
    this.resolve(this);
  }
}

function isExpected(status: number, expect: number | readonly number[] | undefined): boolean {
  if (expect === undefined) return status < 400;
  if (typeof expect === 'number') return status === expect;
  return expect.includes(status);
}

/** `HTTP 503 Service Unavailable`, built once per (status, reason phrase). */
const statusMessages = new Map<number, { text: string; message: string }>();
function statusMessage(status: number, statusText: string): string {
  const cached = statusMessages.get(status);
  if (cached !== undefined && cached.text === statusText) return cached.message;
  const message = statusText === '' ? `HTTP ${status}` : `HTTP ${status} ${statusText}`;
  if (cached === undefined) statusMessages.set(status, { text: statusText, message });
  return message;
}

/** The grouped error message of a request that got no (complete) response. */
function describeError(error: Error, timeoutMs: number, connectTimeoutMs: number): string {
  switch ((error as { code?: unknown }).code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
      return `timeout after ${formatTimeout(timeoutMs)} waiting for headers`;
    case 'UND_ERR_BODY_TIMEOUT':
      return `timeout after ${formatTimeout(timeoutMs)} waiting for body data`;
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `timeout after ${formatTimeout(connectTimeoutMs)} connecting`;
  }
  if (error.message !== '') return error.message;
  // Node's happy-eyeballs connect (several addresses) fails with an AggregateError and no message.
  if (error instanceof AggregateError && error.errors[0] instanceof Error && error.errors[0].message !== '') {
    return error.errors[0].message;
  }
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
}
