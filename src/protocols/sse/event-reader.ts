/**
 * Reads one stream's text into events with `eventsource-parser`, across its connections: it keeps
 * the last event id (for `Last-Event-ID` on a reconnect) and the server's `retry:` delay, times
 * each event (the first of a connection, and the gap since the previous one), and queues the
 * events for the script to take. Per event it allocates nothing of its own: the parser's message
 * object is completed in place (`event` defaults to `message`, `id` to the last id seen, as a
 * browser's EventSource does) and becomes the event the script sees.
 */

import { createParser, type EventSourceMessage, type EventSourceParser, type ParseError } from 'eventsource-parser';
import type { SseEvent } from './types.js';

/** Where event counts and gaps go (the stream's built-in metrics). */
export interface EventMeter {
  /** One event arrived; `gapMs` is the time since the connection's previous event, -1 for its first. */
  event(gapMs: number): void;
}

/** A mutable event: the parser's message, completed in place. */
type ReadEvent = EventSourceMessage & { event: string; id: string; retry?: number };

export class EventReader {
  /** Events read and not yet taken by the script, oldest first. */
  readonly queue: SseEvent[] = [];
  lastEventId: string;
  /** The reconnection delay the server last set with `retry:` (ms), -1 when it set none. */
  retryMs = -1;
  /** When the current connection's first event arrived (clock ms), NaN before it did. */
  firstEventAt = Number.NaN;
  /** Why the text cannot be read on (an event over the buffer limit); undefined while it can. */
  failure: string | undefined;
  private lastEventAt = Number.NaN;
  private pendingRetry = -1;
  private readonly parser: EventSourceParser;

  constructor(
    lastEventId: string,
    private readonly meter: EventMeter,
    private readonly now: () => number,
    maxBufferSize: number,
  ) {
    this.lastEventId = lastEventId;
    // Callbacks made once per stream, not per event.
    this.parser = createParser({
      onEvent: (message) => this.onEvent(message as ReadEvent),
      onRetry: (ms) => this.onRetry(ms),
      onError: (error) => this.onError(error, maxBufferSize),
      maxBufferSize,
    });
  }

  /** A new connection: text starts afresh, and its first event is timed anew. */
  startConnection(): void {
    this.parser.reset();
    this.failure = undefined;
    this.firstEventAt = Number.NaN;
    this.lastEventAt = Number.NaN;
  }

  /** One chunk of the stream's text (any split: a line or event may span chunks). */
  feed(chunk: string): void {
    if (this.failure === undefined) this.parser.feed(chunk);
  }

  /** The oldest event not taken yet. */
  take(): SseEvent | undefined {
    return this.queue.length === 0 ? undefined : this.queue.shift();
  }

  private onEvent(message: ReadEvent): void {
    const at = this.now();
    if (message.id === undefined) message.id = this.lastEventId;
    else this.lastEventId = message.id;
    if (message.event === undefined) message.event = 'message';
    if (this.pendingRetry !== -1) {
      message.retry = this.pendingRetry;
      this.pendingRetry = -1;
    }
    const last = this.lastEventAt;
    if (last !== last) this.firstEventAt = at;
    this.lastEventAt = at;
    this.queue.push(message);
    this.meter.event(last !== last ? -1 : at - last);
  }

  private onRetry(ms: number): void {
    this.retryMs = ms;
    this.pendingRetry = ms;
  }

  private onError(error: ParseError, maxBufferSize: number): void {
    // Unknown fields and bad `retry:` values are ignored, as EventSource ignores them.
    if (error.type === 'max-buffer-size-exceeded') this.failure = `event over ${maxBufferSize} characters`;
  }
}
