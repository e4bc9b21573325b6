/**
 * One keep-alive HTTP/1.1 connection of a virtual user: a socket, a response parser, and the
 * user's requests for this connection in order (one on the wire at a time, no pipelining).
 *
 * Why not undici here: per request, undici builds a request object, validates and joins headers,
 * runs llhttp in WebAssembly and passes through several layers of callbacks; for a load
 * generator that is most of the CPU a request costs. This connection writes request bytes the
 * client prebuilt (often one cached Buffer per endpoint), parses responses in place
 * (`response-parser.ts`), and calls the waiting request directly.
 *
 * What it takes care of: connecting lazily (TCP or TLS, with a connect timeout), replacing a
 * connection idle long enough that the server may be closing it, retrying once an idempotent (or
 * opted-in) request that a reused connection dropped before any response byte (the keep-alive
 * race every client meets; a POST is never silently sent twice), failing every waiting request
 * when the target cannot be reached (each counts as an error) and backing off reconnects after a
 * refused connect,
 * closing after `connection: close`, and timeouts: a precise one is the request's own business
 * (`exchange.ts`), the coarse ones are checked here by a sweep every half second over all
 * connections (`timeout-sweep.ts`). The sweep also counts idle time, so a request reads no clock
 * here. Making the socket is `socket-connect.ts`; the errors are `connection-error.ts`.
 */

import type { Socket } from 'node:net';
import { ConnectionError, isRefused } from './connection-error.js';
import { ResponseParser, type ResponseSink } from './response-parser.js';
import {
  type ConnectionSettings,
  type ConnectionTarget,
  hostPort,
  openSocket,
  readyEvent,
  transientReads,
} from './socket-connect.js';
import { SWEEP_MS, type Swept, track, untrack } from '../timeout-sweep.js';
import type { WireRequest } from './wire-request.js';

/**
 * A connection unused this long is replaced rather than reused: servers close idle keep-alive
 * connections (Node's default is after 5 s), and a request written as they do is lost.
 */
export const IDLE_REUSE_LIMIT_MS = 4000;

/**
 * After a refused connect, the next attempt waits: 5 ms, doubling per refusal up to 1 s, back to
 * none after a connect succeeds. Without it a user whose requests fail at once reconnects in a
 * tight loop (thousands of connects a second against a closed port).
 */
export const REFUSED_BACKOFF_MIN_MS = 5;
export const REFUSED_BACKOFF_MAX_MS = 1000;

export class Http1Connection implements ResponseSink, Swept {
  private socket: Socket | undefined = undefined;
  private connected = false;
  /** Requests written on the current socket, to tell a reused connection from a fresh one. */
  private written = 0;
  private current: WireRequest | undefined = undefined;
  private readonly queue: WireRequest[] = [];
  private readonly parser: ResponseParser;
  /**
   * Sweeps since the request on the wire was written or last received bytes (for its timeout),
   * or since the connection was last used (to replace it before the server drops it). A count of
   * sweeps bounds the time from both sides: after n, between (n - 1) and n sweep periods passed.
   */
  private quietSweeps = 0;
  private closing: (() => void) | undefined = undefined;
  private closed = false;
  /** The wait before the next connect after refusals (0: none), and when it ends. */
  private backoffMs = 0;
  private backoffUntil = 0;
  private reconnect: NodeJS.Timeout | undefined = undefined;

  constructor(
    private readonly target: ConnectionTarget,
    private readonly settings: ConnectionSettings,
  ) {
    this.parser = new ResponseParser(this, transientReads(target));
  }

  /** Queues a request; it is written when the connection is free. */
  send(request: WireRequest): void {
    if (this.closed) {
      request.onRequestError(new ConnectionError('client closed', 'VOLLEY_CLOSED'));
      return;
    }
    this.queue.push(request);
    if (this.current === undefined) this.next();
  }

  /**
   * Gives up on a request (its timeout passed). On the wire, the connection goes with it: a late
   * response would arrive where the next request's should.
   */
  abort(request: WireRequest, error: Error): void {
    if (request === this.current) {
      this.current = undefined;
      this.dropSocket();
      request.onRequestError(error);
      this.next();
      return;
    }
    const at = this.queue.indexOf(request);
    if (at === -1) return;
    this.queue.splice(at, 1);
    request.onRequestError(error);
  }

  /** Closes once the requests already given have completed. */
  close(): Promise<void> {
    this.closed = true;
    if (this.current === undefined && this.queue.length === 0) {
      this.dropSocket();
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      this.closing = resolve;
    });
  }

  /** Fails every request at once with `error` and closes. */
  destroy(error: Error): Promise<void> {
    this.closed = true;
    const current = this.current;
    this.current = undefined;
    this.dropSocket();
    const waiting = this.queue.splice(0);
    this.cancelReconnect();
    current?.onRequestError(error);
    for (const request of waiting) request.onRequestError(error);
    this.finishClosing();
    return Promise.resolve();
  }

  // The parser's sink: forwarded to the request on the wire.

  onResponseHead(status: number, statusText: string, block: Buffer, headBytes: number, setCookie: boolean): void {
    this.current?.onResponseHead(status, statusText, block, headBytes, setCookie);
  }

  onResponseBody(chunk: Buffer, transient: boolean): void {
    this.current?.onResponseBody(chunk, transient);
  }

  onResponseEnd(keepAlive: boolean): void {
    const request = this.current;
    this.current = undefined;
    this.quietSweeps = 0;
    if (!keepAlive) this.dropSocket();
    request?.onResponseEnd(keepAlive);
    this.next();
  }

  /** One sweep (see the module comment): counts quiet time, and times out a request waiting too long. */
  sweep(): void {
    this.quietSweeps++;
    const request = this.current;
    if (request === undefined || request.timeoutMs <= 0 || !this.connected) return;
    if ((this.quietSweeps - 1) * SWEEP_MS < request.timeoutMs) return;
    const started = this.parser.started;
    this.abort(
      request,
      new ConnectionError(
        started ? 'body timeout' : 'headers timeout',
        started ? 'VOLLEY_BODY_TIMEOUT' : 'VOLLEY_HEADERS_TIMEOUT',
      ),
    );
  }

  /** Writes the next queued request, connecting first when needed. */
  private next(): void {
    if (this.current !== undefined) return;
    const request = this.queue.shift();
    if (request === undefined) {
      if (this.socket !== undefined && this.connected) this.socket.unref();
      if (this.closed) this.finishClosing();
      return;
    }
    this.current = request;
    let socket = this.socket;
    if (socket !== undefined && this.connected && this.quietSweeps * SWEEP_MS >= IDLE_REUSE_LIMIT_MS) {
      this.dropSocket();
      socket = undefined;
    }
    if (socket === undefined) {
      this.openWhenAllowed();
      return; // written once connected
    }
    if (this.connected) this.write(socket, request);
  }

  private write(socket: Socket, request: WireRequest): void {
    this.parser.expect(request.headRequest);
    this.written++;
    this.quietSweeps = 0;
    socket.ref();
    const head = request.requestHead;
    const body = request.requestBody;
    if (body === null || body.byteLength === 0) {
      if (typeof head === 'string') socket.write(head, 'latin1');
      else socket.write(head);
      return;
    }
    socket.cork();
    if (typeof head === 'string') socket.write(head, 'latin1');
    else socket.write(head);
    socket.write(body);
    socket.uncork();
  }

  /** Opens a socket now, or after the refused-connect backoff (one timer, whoever is waiting then). */
  private openWhenAllowed(): void {
    if (this.reconnect !== undefined) return;
    const wait = this.backoffMs === 0 ? 0 : this.backoffUntil - performance.now();
    if (wait <= 0) {
      this.open();
      return;
    }
    this.reconnect = setTimeout(() => {
      this.reconnect = undefined;
      if (this.current !== undefined && this.socket === undefined) this.open();
    }, wait);
  }

  private cancelReconnect(): void {
    if (this.reconnect === undefined) return;
    clearTimeout(this.reconnect);
    this.reconnect = undefined;
  }

  /** A connect was refused: the next one waits longer (see REFUSED_BACKOFF_MIN_MS). */
  private refused(): void {
    this.backoffMs =
      this.backoffMs === 0 ? REFUSED_BACKOFF_MIN_MS : Math.min(this.backoffMs * 2, REFUSED_BACKOFF_MAX_MS);
    this.backoffUntil = performance.now() + this.backoffMs;
  }

  private open(): void {
    const socket: Socket = openSocket(this.target, this.settings, (chunk) => this.onData(socket, chunk));
    this.socket = socket;
    this.connected = false;
    this.written = 0;
    // One set of handlers per socket (not per request); each ignores a socket since replaced.
    socket.once(readyEvent(this.target), () => this.onConnected(socket));
    socket.on('timeout', () => {
      if (this.socket !== socket || this.connected) return;
      socket.destroy(new ConnectionError('connect timeout', 'VOLLEY_CONNECT_TIMEOUT'));
    });
    let socketError: Error | undefined;
    socket.on('error', (error: Error) => {
      socketError = error;
    });
    socket.on('close', () => this.onClose(socket, socketError));
  }

  private onConnected(socket: Socket): void {
    if (this.socket !== socket) return;
    socket.setTimeout(0);
    this.connected = true;
    this.quietSweeps = 0;
    this.backoffMs = 0;
    track(this);
    const request = this.current;
    if (request !== undefined) this.write(socket, request);
    else socket.unref();
  }

  private onData(socket: Socket, chunk: Buffer): void {
    if (this.socket !== socket) return;
    this.quietSweeps = 0;
    try {
      this.parser.execute(chunk);
    } catch (error) {
      const request = this.current;
      this.current = undefined;
      this.dropSocket();
      request?.onRequestError(error as Error);
      this.next();
    }
  }

  /** The socket closed (not dropped by us): whatever was waiting on it fails, or goes again. */
  private onClose(socket: Socket, socketError: Error | undefined): void {
    if (this.socket !== socket) return;
    this.socket = undefined;
    untrack(this);
    const wasConnected = this.connected;
    this.connected = false;
    const request = this.current;
    const started = this.parser.started; // read before finish(), which leaves the parser idle
    const cut = this.parser.finish(); // may complete a read-until-close body…
    // …and then the next request has already moved on to a new connection.
    if (request === undefined || request !== this.current) return;
    if (!wasConnected) {
      this.connectFailed(request, socketError);
      return;
    }
    const reused = this.written > 1;
    const error = socketError ?? cut ?? new Error('the server closed the connection');
    if (reused && !started && cut !== undefined && request.retryable) {
      // The server closed a kept-alive connection with no response byte: maybe it closed as we
      // wrote (the keep-alive race), maybe it read the request and dropped it. Only a request
      // that is safe to repeat goes again, once; the failed attempt is counted, not hidden.
      request.onRetry(error);
      this.open();
      return;
    }
    this.current = undefined;
    request.onRequestError(error);
    this.next();
  }

  /** Could not connect: every request waiting for this connection fails the same way. */
  private connectFailed(request: WireRequest, socketError: Error | undefined): void {
    this.current = undefined;
    let error = socketError ?? new Error('the connection closed while connecting');
    if (isRefused(socketError)) {
      this.refused();
      error = new ConnectionError(
        `connection refused: nothing is listening on ${hostPort(this.target)}`,
        'VOLLEY_CONNECT_REFUSED',
      );
    }
    const waiting = this.queue.splice(0);
    request.onRequestError(error);
    for (const other of waiting) other.onRequestError(error);
    if (this.closed) this.finishClosing();
  }

  private dropSocket(): void {
    const socket = this.socket;
    if (socket === undefined) return;
    this.socket = undefined;
    this.connected = false;
    this.parser.reset();
    untrack(this);
    socket.destroy();
  }

  private finishClosing(): void {
    this.cancelReconnect();
    this.dropSocket();
    const resolve = this.closing;
    this.closing = undefined;
    resolve?.();
  }
}
