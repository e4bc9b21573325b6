/**
 * One virtual user's HTTP/2 session to one origin: a `node:http2` client session, opened on first
 * use (TLS with ALPN `h2` for https://, h2c with prior knowledge for http://), carrying all of the
 * user's requests to that origin as multiplexed streams.
 *
 * It opens no stream before the server's SETTINGS arrived, and never more streams at once than
 * their `maxConcurrentStreams` (which may change during the session): requests beyond it queue
 * here, in order, and start as streams end. A session the server is done with (GOAWAY, closed)
 * is dropped; its streams in flight finish or fail on their own, and the next request opens a new
 * one. When the session cannot be opened (refused, TLS, the connect timeout), every request
 * waiting for it fails with that error and counts as one.
 */

import { type ClientHttp2Session, connect, type Settings } from 'node:http2';
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { ConnectionError, isRefused } from '../http/connection-error.js';
import { type ConnectionSettings, type ConnectionTarget, hostPort } from '../http/socket-connect.js';
import type { OriginInfo } from '../http/url.js';
import type { Http2Exchange, StreamSource } from './exchange.js';

/** Streams a session allows when its server's SETTINGS say nothing of it (RFC 9113: unlimited). */
const UNLIMITED = 0xffffffff;

export class Http2OriginSession implements StreamSource {
  private session: ClientHttp2Session | undefined = undefined;
  /** The server's SETTINGS arrived on the current session: streams may open. */
  private ready = false;
  /** Streams this user has open to the origin (on the current session, and any dropped one still finishing). */
  private active = 0;
  private limit = 1;
  private readonly queue: Http2Exchange[] = [];
  private closed = false;
  private closing: (() => void) | undefined = undefined;
  /** Sessions dropped after a GOAWAY whose streams are still finishing. */
  private readonly retiring = new Set<ClientHttp2Session>();
  private connectTimer: NodeJS.Timeout | undefined = undefined;

  constructor(
    private readonly origin: OriginInfo,
    private readonly settings: ConnectionSettings,
  ) {}

  send(exchange: Http2Exchange): void {
    if (this.closed) {
      exchange.onSessionFailed(new ConnectionError('client closed', 'VOLLEY_CLOSED'));
      return;
    }
    this.queue.push(exchange);
    this.pump();
  }

  release(): void {
    this.active--;
    this.pump();
  }

  /** Closes once the requests already given have completed. */
  close(): Promise<void> {
    this.closed = true;
    if (this.active === 0 && this.queue.length === 0) {
      this.drop()?.close();
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      this.closing = resolve;
    });
  }

  /** Fails every request now with `error` and closes. */
  destroy(error: Error): Promise<void> {
    this.closed = true;
    this.failQueued(error);
    // Node destroys a session's open streams with the session's error: each request in flight
    // resolves as failed with it, through its stream's 'error'.
    this.drop()?.destroy(error);
    for (const session of this.retiring) session.destroy(error);
    this.retiring.clear();
    this.finishClosing();
    return Promise.resolve();
  }

  /** Starts queued requests while the server allows more streams. */
  private pump(): void {
    if (this.queue.length === 0) {
      if (this.closing !== undefined && this.active === 0) {
        this.drop()?.close();
        this.finishClosing();
      }
      return;
    }
    const session = this.session ?? this.open();
    while (this.ready && this.active < this.limit && this.queue.length > 0) {
      const exchange = this.queue.shift() as Http2Exchange;
      if (exchange.done) continue; // timed out while queued
      this.active++;
      exchange.open(session);
    }
  }

  private open(): ClientHttp2Session {
    const { origin, settings } = this;
    const target = origin.target;
    const session = connect(origin.origin, { createConnection: () => openHttp2Socket(target, settings) });
    this.session = session;
    this.ready = false;
    let failure: Error | undefined;
    if (settings.connectTimeoutMs > 0) {
      this.connectTimer = setTimeout(() => {
        session.destroy(new ConnectionError('connect timeout', 'VOLLEY_CONNECT_TIMEOUT'));
      }, settings.connectTimeoutMs);
    }
    session.on('remoteSettings', (remote: Settings) => {
      if (session !== this.session) return;
      this.clearConnectTimer();
      this.ready = true;
      this.limit = Math.max(1, remote.maxConcurrentStreams ?? UNLIMITED);
      this.pump();
    });
    session.on('error', (error: Error) => {
      failure = error;
    });
    session.on('goaway', () => {
      if (session !== this.session) return;
      // Streams the server took go on; new ones need a new session.
      this.drop();
      this.retiring.add(session);
      session.close();
    });
    session.on('close', () => {
      this.retiring.delete(session);
      if (session !== this.session) return;
      const wasReady = this.ready;
      this.drop();
      if (!wasReady) this.failQueued(this.connectError(failure));
      else this.pump();
    });
    return session;
  }

  /** Forgets the current session (the caller closes or destroys it, or it is gone already). */
  private drop(): ClientHttp2Session | undefined {
    const session = this.session;
    this.session = undefined;
    this.ready = false;
    this.clearConnectTimer();
    return session;
  }

  private clearConnectTimer(): void {
    if (this.connectTimer === undefined) return;
    clearTimeout(this.connectTimer);
    this.connectTimer = undefined;
  }

  private connectError(error: Error | undefined): Error {
    if (isRefused(error)) {
      return new ConnectionError(`connection refused: nothing is listening on ${hostPort(this.origin.target)}`, 'VOLLEY_CONNECT_REFUSED');
    }
    return error ?? new Error('the HTTP/2 session closed while connecting');
  }

  private failQueued(error: Error): void {
    const waiting = this.queue.splice(0);
    for (const exchange of waiting) exchange.onSessionFailed(error);
    this.finishClosingIfIdle();
  }

  private finishClosingIfIdle(): void {
    if (this.closing !== undefined && this.active === 0 && this.queue.length === 0) this.finishClosing();
  }

  private finishClosing(): void {
    const resolve = this.closing;
    this.closing = undefined;
    resolve?.();
  }
}

/**
 * The session's socket: TLS offering only `h2` (a server without HTTP/2 fails the handshake, and
 * the requests with it), or TCP for h2c; Nagle off either way, as a request is one small write.
 */
function openHttp2Socket(target: ConnectionTarget, settings: ConnectionSettings): Socket {
  const socket = target.secure
    ? connectTls({
        host: target.host,
        port: target.port,
        servername: target.servername,
        ALPNProtocols: ['h2'],
        rejectUnauthorized: !settings.insecure,
      })
    : connectTcp({ host: target.host, port: target.port });
  socket.setNoDelay(true);
  return socket;
}
