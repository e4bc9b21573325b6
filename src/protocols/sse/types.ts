/**
 * The shapes a script sees of Server-Sent Events (`vu.http.sse()`): the options of one stream, the
 * events it yields and the stream itself. Kept apart from the implementation so the public face
 * exports types only from here.
 */

import type { MetricsRecorder } from '../../metrics/recorder.js';

/** One event of a stream, as a browser's `EventSource` would dispatch it. */
export interface SseEvent {
  /** The event's data lines, joined with `\n`. */
  readonly data: string;
  /** The event's type: its `event:` field, or `message` when it has none. */
  readonly event: string;
  /** The last event id seen on the stream (this event's `id:`, or an earlier one's), '' when none. */
  readonly id: string;
  /** The reconnection delay (ms) the server set with `retry:` since the previous event, if it did. */
  readonly retry?: number;
}

/** A query parameter value; arrays repeat the key, `undefined` and `null` omit it. */
export type SseQueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

export interface SseOptions {
  /** The stats row name (`SSE <name>`). Default: the URL's path without the query. */
  name?: string;
  /** Extra headers; they override the client's defaults with the same name (case-insensitive). */
  headers?: Readonly<Record<string, string>>;
  /** Appended to the URL's query string, encoded with `encodeURIComponent`. */
  query?: Readonly<Record<string, SseQueryValue>>;
  /**
   * How long each connection may take to deliver its first event: seconds or a duration (`'2s'`,
   * `'500ms'`); 0 waits forever. Default: the client's request timeout (60 s unless set).
   */
  timeout?: number | string;
  /**
   * Reconnect when the server ends the stream or the connection drops: `true` (the default) for
   * at most {@link DEFAULT_SSE_RECONNECTS} reconnects, a number for at most that many, `false` or 0
   * for none.
   */
  reconnect?: boolean | number;
  /** Stop after this many events (a positive integer): the stream closes, as when the loop breaks. */
  maxEvents?: number;
  /** The `Last-Event-ID` the first connection sends (later ones send the last id seen). */
  lastEventId?: string;
}

/** How many reconnects `reconnect: true` allows a stream. */
export const DEFAULT_SSE_RECONNECTS = 3;

/**
 * What `vu.http.sse()` returns: iterate it once with `for await`. Breaking out of the loop closes
 * the connection; failures end the loop quietly (they are recorded), and `failed`/`error` tell why.
 */
export interface SseStream extends AsyncIterable<SseEvent> {
  /** The HTTP status of the latest connection, 0 before one answered or when none did. */
  readonly status: number;
  /** Whether the stream ended on a failure (recorded as a failed `SSE` sample). */
  readonly failed: boolean;
  /** Why it failed, as recorded (`unexpected status 503`, `ECONNRESET`, …); undefined otherwise. */
  readonly error: string | undefined;
  /** Events yielded to the script so far. */
  readonly events: number;
  /** Reconnects made so far. */
  readonly reconnects: number;
  /** The last event id seen ('' when none), sent as `Last-Event-ID` on a reconnect. */
  readonly lastEventId: string;
  /** Closes the stream: a pending `next()` ends the loop. For streams not iterated with `for await`. */
  close(): void;
}

/** What a stream takes of its user's HTTP client options (a subset of `HttpClientOptions`). */
export interface SseSettings {
  recorder: MetricsRecorder;
  /** The scenario host; relative stream URLs resolve against it (with its base path). */
  baseUrl?: string | undefined;
  /** The user's default headers. */
  headers?: Readonly<Record<string, string>>;
  /** Accept any TLS certificate. */
  insecure?: boolean;
  /** The client's default timeout in milliseconds (default 60000). */
  timeoutMs?: number;
}

/** The user's cookie jar, as a stream uses it (the HTTP client's `CookieJar` fits). */
export interface SseCookieJar {
  header(hostname: string, path: string, secure: boolean): string | undefined;
  store(setCookies: readonly string[], hostname: string, requestPath: string): void;
}
