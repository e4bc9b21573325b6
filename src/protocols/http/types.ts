/**
 * The shapes a script sees: the options of a client and of one request, and the response it gets
 * back. Kept apart from the implementation so the public face (`index.ts`) exports types only
 * from here and classes stay free to change.
 */

import type { MetricsRecorder } from '../../metrics/recorder.js';
import type { SseOptions, SseStream } from '../sse/index.js';


export interface HttpClientOptions {
  /** The scenario host (`http://127.0.0.1:8000`, optionally with a base path); relative request paths resolve against it. */
  baseUrl?: string | undefined;
  recorder: MetricsRecorder;
  /**
   * Default per-request timeout in milliseconds (default 60000; 0 disables). It bounds the
   * connect, the wait for response headers, and each gap between body chunks; not the whole
   * exchange (a body that keeps trickling in never times out). Timeouts under 10 s are precise
   * for the wait for headers (counted from the send); otherwise, and for body gaps, a sweep every
   * 0.5 s applies, which fires up to 0.5 s late. Connects time out precisely.
   */
  timeoutMs?: number;
  /** Headers sent with every request (e.g. `user-agent`); per-request headers override them by name. */
  headers?: Readonly<Record<string, string>>;
  /**
   * Keep-alive connections per origin (default 6, like a browser). A user sending requests one at
   * a time reuses one connection; concurrent requests (`Promise.all`) open more, up to this cap,
   * and queue beyond it.
   */
  connections?: number;
  /**
   * Count response body bytes without keeping them (`res.body` is empty, `res.truncated` true
   * when there was a body), like k6's `discardResponseBodies`. A request's own
   * `discardResponseBody` overrides it.
   */
  discardBody?: boolean;
  /**
   * The most body bytes a response keeps for the script (default 4 MiB, DEFAULT_MAX_BODY_SIZE in config/http-defaults.ts).
   * Every byte is received and counted; past the cap the rest is dropped and the response is
   * marked `truncated`. A compressed body may also decode to at most this many bytes.
   */
  maxBodySize?: number;
  /**
   * The `accept-encoding` sent with every request (default `gzip, deflate, br`, as browsers, k6
   * and Python's requests ask for compression); `false` sends none. A request or default header
   * named accept-encoding wins. Bodies are decoded only when the script reads them.
   */
  acceptEncoding?: string | false;
  /** Keep a cookie jar (default true). */
  cookies?: boolean;
  /**
   * Accept any TLS certificate: self-signed, expired, or another host's (default false). For
   * test systems with their own certificates; never for anything that matters.
   */
  insecure?: boolean;
  /**
   * How many redirects a request follows (default 10, like k6; 0 never follows, and a redirect is
   * then the response). A 301, 302, 303, 307 or 308 with an http(s) `location` is followed:
   * relative locations resolve against the request's URL, another origin gets its own
   * connections. A 303, and a 301 or 302 after a POST, continue as a GET without the body (HEAD
   * stays HEAD); 307 and 308 keep the method and body. On leaving the request's origin, its own
   * `authorization` and `cookie` headers are dropped (the client's default headers go everywhere,
   * as they do for absolute URLs); the jar's cookies, including those the redirect set, are sent
   * to each hop they match. A redirected request is one request in the stats (see
   * {@link HttpResponse}); more redirects than the limit fail it with `too many redirects (N)`.
   */
  maxRedirects?: number;
  /**
   * The HTTP version requests use unless they say otherwise: 1 (HTTP/1.1, the default) or 2
   * (HTTP/2 over Node's `node:http2`: TLS with ALPN `h2` for https://, h2c with prior knowledge
   * for http://; one session per origin, requests multiplexed as streams). See docs/http2.md.
   */
  httpVersion?: 1 | 2;
}

/** A query parameter value; arrays repeat the key, `undefined` and `null` omit it. */
export type QueryValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly (string | number | boolean)[];

export interface RequestOptions {
  /** The stats row name, grouping URLs that differ only by ids (`/items/[id]`). Default: the path without the query. */
  name?: string;
  /** Extra headers; they override the client's defaults with the same name (case-insensitive). */
  headers?: Readonly<Record<string, string>>;
  /** Appended to the URL's query string, encoded with `encodeURIComponent`. */
  query?: Readonly<Record<string, QueryValue>>;
  /** Serialized with `JSON.stringify`; sets `content-type: application/json` unless a header sets one. */
  json?: unknown;
  /** A raw body (ignored when `json` is given). */
  body?: string | Uint8Array;
  /** This request's timeout: seconds or a duration (`'2s'`, `'500ms'`); see {@link HttpClientOptions.timeoutMs}. */
  timeout?: number | string;
  /** The statuses that count as success (the final one's, after redirects), replacing the default (any below 400). */
  expect?: number | readonly number[];
  /** How many redirects this request follows, replacing the client's {@link HttpClientOptions.maxRedirects}. */
  redirects?: number;
  /** The most body bytes this response keeps, replacing the client's {@link HttpClientOptions.maxBodySize}. */
  maxBodySize?: number;
  /** Count this response's body without keeping it (true), or keep it though the client discards bodies (false). */
  discardResponseBody?: boolean;
  /**
   * Send the request again once if a kept-alive connection drops it with no response, whatever
   * its method. Only idempotent methods (GET, HEAD, OPTIONS, TRACE, PUT, DELETE) are retried by
   * default: the server may have received and acted on the dropped one.
   */
  retry?: boolean;
  /**
   * This request's HTTP version, replacing the client's {@link HttpClientOptions.httpVersion}: 2
   * sends it as a stream on the user's HTTP/2 session to its origin, 1 over HTTP/1.1. A redirect
   * stays on the version its request started with. `retry` applies to HTTP/1.1 only.
   */
  httpVersion?: 1 | 2;
}

/**
 * What a request resolves to. Network errors resolve too (status 0, `error` set); they never reject.
 *
 * After redirects it is the final response, recorded once under the request's own name: its
 * status, headers and body are the final response's (the redirects' bodies are read and dropped),
 * its duration runs from the first hop's start to the final response's last byte, its TTFB to
 * the final response's head, and its bytes are all hops'. When the redirect limit stops the
 * chain, the redirect is the response and the request counts as failed (`too many redirects (N)`).
 */
export interface HttpResponse {
  /** The HTTP status, or 0 when no response arrived (connection refused, reset, timeout). */
  readonly status: number;
  readonly statusText: string;
  /** True when the request counted as a success: an expected status, no error, not `fail()`ed. */
  readonly ok: boolean;
  /** Whether the request counted as a failure in the stats. */
  readonly failed: boolean;
  /** The network error, when there was no response. */
  readonly error: Error | undefined;
  /** Response headers, lowercase names; repeated headers are joined with `, ` except `set-cookie` (an array). */
  readonly headers: Readonly<Record<string, string | string[]>>;
  /**
   * The body, decoded by its `content-encoding` (gzip, deflate, br) when first read; reading it
   * throws a clear error when it cannot be decoded. Empty when bodies are discarded; at most
   * `maxBodySize` bytes.
   */
  readonly body: Buffer;
  /** Body bytes received on the wire (before decoding), kept or not. */
  readonly bodySize: number;
  /** Whether `body` is less than the whole response body: cut at `maxBodySize`, or discarded. */
  readonly truncated: boolean;
  /** Milliseconds from when the request was due (normally: sent) to its (final response's) last byte. */
  readonly durationMs: number;
  /** Milliseconds from when the request was due to its (final) response headers. */
  readonly ttfbMs: number;
  /** The method the request was sent and recorded with (a redirect may have sent later hops as GET). */
  readonly method: string;
  /** The stats row name the request was recorded under. */
  readonly name: string;
  /** The absolute URL of the last request sent: the request's own, or where its redirects led. */
  readonly url: string;
  /** How many redirects were followed (0 for none). */
  readonly redirects: number;
  /** The body decoded as UTF-8. */
  text(): string;
  /**
   * The body parsed as JSON; throws an Error quoting the body's start when it is not JSON, and
   * one naming maxBodySize when the body was truncated or discarded.
   */
  json<T = unknown>(): T;
  /** Marks this (already recorded) request failed, with `reason` as its error message; once. */
  fail(reason: string): void;
}

/**
 * The HTTP client as a script sees it (`vu.http`): one method per HTTP method, and `request` for
 * any other. Responses never reject on network errors; see {@link HttpResponse}.
 */
export interface HttpApi {
  get(url: string, options?: RequestOptions): Promise<HttpResponse>;
  post(url: string, options?: RequestOptions): Promise<HttpResponse>;
  put(url: string, options?: RequestOptions): Promise<HttpResponse>;
  patch(url: string, options?: RequestOptions): Promise<HttpResponse>;
  delete(url: string, options?: RequestOptions): Promise<HttpResponse>;
  head(url: string, options?: RequestOptions): Promise<HttpResponse>;
  options(url: string, options?: RequestOptions): Promise<HttpResponse>;
  /** Any method, in any case (`'purge'` is sent as `PURGE`). */
  request(method: string, url: string, options?: RequestOptions): Promise<HttpResponse>;
  /** A Server-Sent Events stream to iterate with `for await` (see docs/sse.md). */
  sse(url: string, options?: SseOptions): SseStream;
}
