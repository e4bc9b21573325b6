/**
 * One `vu.http.sse()` stream: the loop a script iterates with `for await`. It opens a connection
 * when the loop starts, yields events as they are read, and when the connection ends it either
 * reconnects (after the server's `retry:` delay, sending `Last-Event-ID`) or ends the loop.
 * Failures end the loop quietly: they are recorded, and the stream's `failed`/`error` say why.
 *
 * Each connection is one sample of the `SSE <name>` row, recorded when it ends: its duration is
 * the time to its first event (a stream's first connection counts from when the iteration was
 * due), its TTFB the time to its response head, its bytes the socket's. A connection fails when it
 * never delivered an event and ended with an error (refused, a status outside 2xx, another
 * content type, a timeout), or when it dropped and no reconnect follows. A 204 answer is the
 * server's "nothing to stream": the loop ends with no sample, as there is no first event to time.
 *
 * Reconnects follow EventSource: after the body ends or the connection drops (or never
 * connected, or timed out), not after an answer that is no event stream.
 */

import type { IncomingMessage } from 'node:http';
import type { MetricsRecorder } from '../../metrics/recorder.js';
import type { EventReader } from './event-reader.js';
import { type ConnectionRequest, SseConnection } from './sse-connection.js';
import type { SseMetrics } from './sse-metrics.js';
import type { SseEvent, SseStream } from './types.js';

/** The delay before a reconnect when the server set none with `retry:` (ms). */
export const DEFAULT_RETRY_MS = 1000;

/** What a stream needs of its user's client: where to record, how to connect, the stream set. */
export interface StreamHost {
  readonly recorder: MetricsRecorder;
  readonly metrics: SseMetrics;
  now(): number;
  /** The request of a connection sending `lastEventId` ('' for none). */
  connectionRequest(plan: StreamPlan, lastEventId: string): ConnectionRequest;
  /** Keeps the Set-Cookie lines of a response. */
  storeCookies(plan: StreamPlan, response: IncomingMessage): void;
  opened(stream: EventStream): void;
  ended(stream: EventStream): void;
}

/** A stream's settings, resolved when `sse()` is called. */
export interface StreamPlan {
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly timeoutMs: number;
  readonly maxReconnects: number;
  readonly maxEvents: number;
  /** The `SSE <name>` row. */
  readonly row: number;
}

export class EventStream implements SseStream {
  status = 0;
  error: string | undefined;
  events = 0;
  reconnects = 0;
  private connection: SseConnection | undefined;
  private iterated = false;
  /** Why the stream was stopped from outside (the user ended), undefined while it may go on. */
  private stopReason: string | undefined;
  private sleeper: { timer: NodeJS.Timeout; wake: () => void } | undefined;
  private readonly onHead = (response: IncomingMessage): void => this.host.storeCookies(this.plan, response);

  constructor(
    private readonly host: StreamHost,
    private readonly plan: StreamPlan,
    private readonly reader: EventReader,
    /** When the first connection counts from (clock ms): the iteration's due time if earlier. */
    private readonly start: number,
  ) {}

  get failed(): boolean {
    return this.error !== undefined;
  }

  get lastEventId(): string {
    return this.reader.lastEventId;
  }

  [Symbol.asyncIterator](): AsyncIterator<SseEvent> {
    if (this.iterated) throw new TypeError('an SSE stream can be iterated once: call vu.http.sse() again');
    this.iterated = true;
    return this.run();
  }

  close(): void {
    this.stop('closed before the first event');
  }

  /** Ends the stream from outside: the connection closes, a pending `next()` ends the loop. */
  stop(reason: string): void {
    if (this.stopReason !== undefined) return;
    this.stopReason = reason;
    this.reader.queue.length = 0;
    this.connection?.close(reason);
    const sleeper = this.sleeper;
    if (sleeper !== undefined) {
      clearTimeout(sleeper.timer);
      sleeper.wake();
    }
  }

  private async *run(): AsyncGenerator<SseEvent, void, undefined> {
    if (this.stopReason !== undefined) return;
    this.host.opened(this);
    let start = this.start;
    try {
      for (;;) {
        const connection = this.connect(start);
        for (;;) {
          const event = connection.take();
          if (event !== undefined) {
            this.events++;
            yield event;
            if (this.events >= this.plan.maxEvents) return;
          } else if (connection.done) break;
          else await connection.wait();
        }
        if (!this.settle(connection)) return;
        this.reconnects++;
        this.host.metrics.reconnect();
        await this.pause(this.reader.retryMs >= 0 ? this.reader.retryMs : DEFAULT_RETRY_MS);
        if (this.stopReason !== undefined) return;
        start = this.host.now();
      }
    } finally {
      const connection = this.connection;
      this.connection = undefined;
      if (connection !== undefined) {
        connection.close(this.stopReason);
        // The script ended the loop itself: a drop it did not wait for is no failure.
        this.record(connection, this.stopReason === undefined);
      }
      this.host.ended(this);
    }
  }

  private connect(start: number): SseConnection {
    const request = this.host.connectionRequest(this.plan, this.reader.lastEventId);
    const connection = new SseConnection(this.reader, request, start, this.host.now, this.onHead);
    this.connection = connection;
    return connection;
  }

  /** Records an ended connection; whether the stream reconnects. */
  private settle(connection: SseConnection): boolean {
    this.connection = undefined;
    const reconnect =
      this.stopReason === undefined && !connection.noContent && !connection.refused && this.reconnects < this.plan.maxReconnects;
    this.record(connection, reconnect);
    return reconnect;
  }

  /** One connection's sample (none for a 204); it fails on an error unless it delivered and a reconnect follows. */
  private record(connection: SseConnection, reconnecting: boolean): void {
    this.status = connection.status;
    if (connection.noContent) return;
    const firstAt = this.reader.firstEventAt;
    const delivered = firstAt === firstAt;
    const message = connection.error;
    const failed = message !== undefined && (!delivered || !reconnecting);
    this.error = failed ? message : undefined;
    const start = connection.startedAt;
    const durationUs = ((delivered ? firstAt : connection.endAt) - start) * 1000;
    const headAt = connection.headAt;
    const ttfbUs = headAt === headAt ? (headAt - start) * 1000 : durationUs;
    const { recorder } = this.host;
    recorder.record(this.plan.row, durationUs, ttfbUs, connection.status, connection.bytesIn, connection.bytesOut, failed);
    if (failed && message !== undefined) recorder.error(this.plan.row, 'request', message);
  }

  /** Waits `ms` before a reconnect; `stop()` cuts it short. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        this.sleeper = undefined;
        resolve();
      };
      this.sleeper = { timer: setTimeout(wake, ms), wake };
    });
  }
}
