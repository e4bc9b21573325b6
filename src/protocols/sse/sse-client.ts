/**
 * A virtual user's Server-Sent Events: `vu.http.sse()` lands here (the user's HTTP client holds
 * one). It resolves a stream's URL against the scenario host, its headers over the user's
 * defaults and cookie jar, its row and options, once per `sse()` call; then the stream runs on its
 * own (`sse-stream.ts`). It keeps the streams open now, so the user ending closes them all.
 *
 * Rows are made in the scope current when `sse()` is called, and the first connection counts
 * from when the iteration was due (`takeStart`), like an HTTP request.
 */

import { RowIds } from '../row-ids.js';
import { type IncomingMessage, validateHeaderName, validateHeaderValue } from 'node:http';
import { tryParseDuration } from '../../core/units/duration.js';
import { DEFAULT_MAX_BODY_SIZE } from '../../config/http-defaults.js';
import type { MetricsRecorder } from '../../metrics/recorder.js';
import { takeStart, type UserScope } from '../user-scope.js';
import { EventReader } from './event-reader.js';
import type { ConnectionRequest } from './sse-connection.js';
import { SseMetrics } from './sse-metrics.js';
import { EventStream, type StreamHost, type StreamPlan } from './sse-stream.js';
import { streamUrl } from './stream-url.js';
import { DEFAULT_SSE_RECONNECTS, type SseCookieJar, type SseOptions, type SseSettings, type SseStream } from './types.js';

export class SseClient implements StreamHost {
  readonly recorder: MetricsRecorder;
  private readonly insecure: boolean;
  private readonly timeoutMs: number;
  /** Made when the user opens its first stream: a user that never does pays nothing. */
  private used: { metrics: SseMetrics; base: URL | undefined; headers: Record<string, string> } | undefined;
  private readonly rows: RowIds;
  private readonly open = new Set<EventStream>();
  private closedWith: string | undefined;

  constructor(
    private readonly user: UserScope,
    private readonly settings: SseSettings,
    private readonly jar: SseCookieJar | undefined,
  ) {
    this.recorder = settings.recorder;
    this.insecure = settings.insecure ?? false;
    this.timeoutMs = Math.round(settings.timeoutMs ?? 60_000);
    this.rows = new RowIds(this.recorder, 'sse');
  }

  /** The built-in metrics (declared with the user's first stream). */
  get metrics(): SseMetrics {
    return this.prepared().metrics;
  }

  readonly now = (): number => performance.now();

  /** `vu.http.sse(url, options)`: a stream that connects when the loop starts. Throws on a bad URL or option. */
  stream(url: string, options: SseOptions = {}): SseStream {
    const { base, headers: defaults } = this.prepared();
    const target = streamUrl(url, base, options.query);
    const headers = { ...defaults };
    for (const name in options.headers) {
      const value = options.headers[name];
      if (value === undefined) continue;
      validateHeaderName(name);
      validateHeaderValue(name, value);
      headers[name.toLowerCase()] = value;
    }
    headers.accept ??= 'text/event-stream';
    headers['cache-control'] ??= 'no-cache';
    const scope = this.user.scope;
    const plan: StreamPlan = {
      url: target.url,
      headers,
      timeoutMs: options.timeout === undefined ? this.timeoutMs : parseTimeout(options.timeout),
      maxReconnects: reconnectLimit(options.reconnect),
      maxEvents: eventLimit(options.maxEvents),
      row: this.row(scope, options.name ?? target.name),
    };
    const reader = new EventReader(options.lastEventId ?? '', this.metrics, this.now, DEFAULT_MAX_BODY_SIZE);
    const stream = new EventStream(this, plan, reader, takeStart(this.user, this.now()));
    if (this.closedWith !== undefined) stream.stop(this.closedWith);
    return stream;
  }

  /** Ends every open stream (the user ended: `reason` is `client closed` or `aborted: run stopped`). */
  close(reason: string): void {
    this.closedWith ??= reason;
    for (const stream of [...this.open]) stream.stop(reason);
  }

  connectionRequest(plan: StreamPlan, lastEventId: string): ConnectionRequest {
    let headers = plan.headers;
    const url = plan.url;
    const cookie = this.jar?.header(hostnameOf(url), url.pathname, url.protocol === 'https:');
    if ((cookie !== undefined && headers.cookie === undefined) || lastEventId !== '') {
      headers = { ...headers };
      if (cookie !== undefined) headers.cookie ??= cookie;
      if (lastEventId !== '') headers['last-event-id'] = lastEventId;
    }
    return { url, headers, insecure: this.insecure, timeoutMs: plan.timeoutMs };
  }

  storeCookies(plan: StreamPlan, response: IncomingMessage): void {
    const lines = response.headers['set-cookie'];
    if (lines !== undefined && this.jar !== undefined) this.jar.store(lines, hostnameOf(plan.url), plan.url.pathname);
  }

  opened(stream: EventStream): void {
    this.open.add(stream);
  }

  ended(stream: EventStream): void {
    this.open.delete(stream);
  }

  private prepared(): NonNullable<SseClient['used']> {
    if (this.used !== undefined) return this.used;
    const { baseUrl, headers: defaults } = this.settings;
    const headers: Record<string, string> = {};
    for (const name in defaults) {
      const value = defaults[name];
      if (value !== undefined) headers[name.toLowerCase()] = value;
    }
    const base = baseUrl === undefined ? undefined : new URL(baseUrl);
    this.used = { metrics: new SseMetrics(this.recorder), base, headers };
    return this.used;
  }

  private row(scope: number, name: string): number {
    return this.rows.id(scope, 'SSE', name);
  }
}

/** A URL's host for cookie matching: lowercase, IPv6 without brackets. */
function hostnameOf(url: URL): string {
  const host = url.hostname;
  return host.startsWith('[') ? host.slice(1, -1) : host;
}

/** Milliseconds of a `timeout` option: seconds, or a duration (`'2s'`, `'500ms'`). */
function parseTimeout(value: number | string): number {
  const ms = typeof value === 'number' ? value * 1000 : tryParseDuration(value);
  if (ms === undefined || !Number.isFinite(ms) || ms < 0)
    throw new TypeError(`timeout: expected seconds or a duration like '2s' or '500ms', got '${value}'`);
  return Math.round(ms);
}

function reconnectLimit(value: boolean | number | undefined): number {
  if (value === undefined || value === true) return DEFAULT_SSE_RECONNECTS;
  if (value === false) return 0;
  if (!Number.isSafeInteger(value) || value < 0)
    throw new TypeError(`reconnect: expected true, false or a number of reconnects >= 0, got ${value}`);
  return value;
}

function eventLimit(value: number | undefined): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isSafeInteger(value) || value < 1)
    throw new TypeError(`maxEvents: expected a positive integer, got ${value}`);
  return value;
}
