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
 * `PRECISE_TIMEOUT_BELOW_MS` also gets a precise timer for the wait for the head (one Node timer
 * per request, only for such requests); the gaps between body reads stay on the sweep.
 */

import type { MetricsRecorder } from '../../metrics/recorder.js';
import type { Lane } from './connection-pool.js';
import type { CookieJar } from './cookie-jar.js';
import { setCookieValues } from './header-block.js';
import { ConnectionError, type WireRequest } from './http1-connection.js';
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
const noop = (): void => {};

// The promise executor is one module-level function that parks the resolver here, rather than a
// closure allocated per request. The promise never rejects: failures resolve as responses.
let resolveSlot: Resolve = noop;
function capture(resolve: Resolve): void {
  resolveSlot = resolve;
}

/** Timeouts below this get a precise timer for the head (see the module comment). */
export const PRECISE_TIMEOUT_BELOW_MS = 10_000;

/** The precise head deadline passed. */
function onHeadDeadline(exchange: Exchange): void {
  exchange.timeOut();
}

export class Exchange extends Response implements WireRequest {
  private resolve: Resolve = noop;
  private lane: Lane | undefined = undefined;
  private settled = false;
  private timer: NodeJS.Timeout | undefined = undefined;
  private start = 0;
  private headAt = Number.NaN;
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
    readonly timeoutMs: number,
    readonly requestHead: Buffer | string,
    readonly requestBody: Uint8Array | null,
    private readonly bytesOut: number,
  ) {
    super(recorder, scope, endpoint, method, name);
  }

  get headRequest(): boolean {
    return this.method === 'HEAD';
  }

  /** Queues the request on `lane`; `dueAt` (NaN when unset) backdates the start for a late open-model start. */
  send(lane: Lane, dueAt: number): Promise<HttpResponse> {
    const promise = new Promise<HttpResponse>(capture);
    this.resolve = resolveSlot;
    this.lane = lane;
    lane.inflight++;
    const now = performance.now();
    this.start = Number.isNaN(dueAt) || dueAt > now ? now : dueAt;
    if (this.timeoutMs > 0 && this.timeoutMs < PRECISE_TIMEOUT_BELOW_MS) {
      this.timer = setTimeout(onHeadDeadline, this.timeoutMs, this);
    }
    lane.connection.send(this);
    return promise;
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
    this.headBytes = headBytes;
    const jar = this.owner.jar;
    if (setCookie && jar !== undefined) jar.store(setCookieValues(block), this.origin.hostname, this.path);
  }

  onResponseBody(chunk: Buffer): void {
    this.bodyBytes += chunk.length;
    if (this.owner.discardBody) return;
    if (this.firstChunk === undefined) {
      this.firstChunk = chunk;
    } else {
      this.moreChunks ??= [this.firstChunk];
      this.moreChunks.push(chunk);
    }
  }

  onResponseEnd(): void {
    this.settle(undefined);
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
      if (this.moreChunks !== undefined) this.body = Buffer.concat(this.moreChunks, this.bodyBytes);
      else if (this.firstChunk !== undefined) this.body = this.firstChunk;
      if (!isExpected(this.status, this.expect)) message = statusMessage(this.status, this.statusText);
    } else {
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
    case 'VOLLEY_HEADERS_TIMEOUT':
      return `timeout after ${formatTimeout(timeoutMs)} waiting for headers`;
    case 'VOLLEY_BODY_TIMEOUT':
      return `timeout after ${formatTimeout(timeoutMs)} waiting for body data`;
    case 'VOLLEY_CONNECT_TIMEOUT':
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
