/**
 * One HTTP/1.1 connection of an event stream, over `node:http`/`node:https`. Volley's own HTTP/1.1
 * client (`protocols/http/`) reads a response whole into a body before the script sees it, which
 * suits requests but not a stream that never ends; Node's client hands the body over chunk by
 * chunk. Each connection is its own socket (`agent: false`), as a browser's EventSource holds
 * one per stream, so its bytes on the wire are the socket's.
 *
 * The connection feeds the stream's `EventReader` and wakes the stream when events arrive or when
 * it ends. It ends once: the server ends the body, the socket drops, the answer is not an event
 * stream (a status outside 2xx, another content type, a 204 saying there is nothing to stream),
 * the first event is late, or the stream closes it.
 */

import { untrustedCertificate } from '../http/failure-messages.js';
import { type ClientRequest, type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import type { EventReader } from './event-reader.js';

/** Events queued past this pause the socket until the script takes them all. */
const QUEUE_HIGH_WATER = 256;

export interface ConnectionRequest {
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly insecure: boolean;
  /** How long the first event may take from the start, 0 for ever. */
  readonly timeoutMs: number;
}

export class SseConnection {
  /** The response's status, 0 until one arrived. */
  status = 0;
  /** When the response head arrived (clock ms), NaN before. */
  headAt = Number.NaN;
  /** When the connection ended (clock ms), NaN while open. */
  endAt = Number.NaN;
  /** The connection has ended; nothing more will be read. */
  done = false;
  /** The server answered 204: there is nothing to stream, do not reconnect. */
  noContent = false;
  /** The answer was not an event stream (status, content type): do not reconnect. */
  refused = false;
  /** Why it ended, when not by the server ending the body or by the stream closing it. */
  error: string | undefined;
  bytesIn = 0;
  bytesOut = 0;
  private readonly request: ClientRequest;
  private socket: Socket | undefined;
  private response: IncomingMessage | undefined;
  private timer: NodeJS.Timeout | undefined;
  private waiter: (() => void) | undefined;
  private paused = false;
  private readonly park = (resolve: () => void): void => {
    this.waiter = resolve;
  };

  constructor(
    private readonly reader: EventReader,
    spec: ConnectionRequest,
    /** When the connection counts from (clock ms). */
    readonly startedAt: number,
    private readonly now: () => number,
    private readonly onHead: (response: IncomingMessage) => void,
  ) {
    reader.startConnection();
    const secure = spec.url.protocol === 'https:';
    const options = { method: 'GET', headers: spec.headers, agent: false as const };
    this.request = secure
      ? httpsRequest(spec.url, { ...options, rejectUnauthorized: !spec.insecure })
      : httpRequest(spec.url, options);
    this.request.on('socket', (socket) => (this.socket = socket));
    this.request.on('response', (response) => this.onResponse(response));
    this.request.on('error', (error) => this.end(errorText(error)));
    if (spec.timeoutMs > 0) this.timer = setTimeout(() => this.end('timeout waiting for the first event'), spec.timeoutMs);
    this.request.end();
  }

  /** The oldest event read and not taken; resumes a paused socket once the queue is empty. */
  take(): ReturnType<EventReader['take']> {
    const event = this.reader.take();
    if (this.paused && this.reader.queue.length === 0) {
      this.paused = false;
      this.response?.resume();
    }
    return event;
  }

  /** Resolves when events arrive or the connection ends. */
  wait(): Promise<void> {
    return new Promise(this.park);
  }

  /** Ends the connection from this side; `reason` is an error unless an event came first. */
  close(reason: string | undefined): void {
    if (this.done) return;
    this.end(reason !== undefined && this.reader.firstEventAt !== this.reader.firstEventAt ? reason : undefined);
  }

  private onResponse(response: IncomingMessage): void {
    this.response = response;
    // Before anything can end the connection: a response destroyed with no listener would throw.
    response.on('error', (error) => this.end(errorText(error)));
    this.headAt = this.now();
    const status = response.statusCode ?? 0;
    this.status = status;
    this.onHead(response);
    if (status === 204) {
      this.noContent = true;
      this.end(undefined);
      return;
    }
    const refusal = refusalOf(status, response.headers['content-type']);
    if (refusal !== undefined) {
      this.refused = true;
      this.end(refusal);
      return;
    }
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.onData(chunk));
    response.on('end', () => this.end(undefined));
    // A socket closed before the body's end without an error event still dropped the stream.
    response.on('close', () => this.end('ECONNRESET'));
  }

  private onData(chunk: string): void {
    const reader = this.reader;
    reader.feed(chunk);
    if (reader.failure !== undefined) {
      this.end(reader.failure);
      return;
    }
    if (reader.queue.length === 0) return;
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (reader.queue.length >= QUEUE_HIGH_WATER && !this.paused) {
      this.paused = true;
      this.response?.pause();
    }
    this.wake();
  }

  private end(error: string | undefined): void {
    if (this.done) return;
    this.done = true;
    this.error = error;
    this.endAt = this.now();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const socket = this.socket;
    if (socket !== undefined) {
      this.bytesIn = socket.bytesRead;
      this.bytesOut = socket.bytesWritten;
    }
    this.request.destroy();
    this.wake();
  }

  private wake(): void {
    const waiter = this.waiter;
    if (waiter === undefined) return;
    this.waiter = undefined;
    waiter();
  }
}

/** Why an answer is not an event stream, or undefined when it is one. */
export function refusalOf(status: number, contentType: string | undefined): string | undefined {
  if (status < 200 || status > 299) return `unexpected status ${status}`;
  const type = (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/event-stream') return undefined;
  // The media type only (no parameters, bounded): it is an error group's key.
  return `not an event stream (content-type ${type === '' ? 'none' : type.slice(0, 64)})`;
}

/** A network error's grouped message: its code (`ECONNRESET`), free of addresses and ports. */
export function errorText(error: Error): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code !== '') return untrustedCertificate(error, code) ?? code;
  return error.message !== '' ? error.message : error.name;
}
