/**
 * `vu.ws`: one virtual user's WebSocket client. It opens sockets with the user's identity (the
 * scenario's default headers, the user's cookies for the origin, its TLS setting), records each
 * handshake as a `CONNECT` sample counted from when the iteration was due, and keeps every socket
 * it opened until it closes, so the user's end closes them all (and a killed run drops them).
 */

import { createRequire } from 'node:module';
import type WebSocket from 'ws';
import type { Clock } from '../../core/clock.js';
import { NOT_HTTP_STATUS, type MetricsRecorder } from '../../metrics/recorder.js';
import { takeStart, type UserScope } from '../user-scope.js';
import { type Swept, track, untrack } from '../timeout-sweep.js';
import { handshakeFailure } from './ws-failures.js';
import { WS_MESSAGES_RECEIVED, WS_MESSAGES_SENT } from './ws-metrics.js';
import { CONNECT, WsRows } from './ws-rows.js';
import type { WsSocketHost } from './ws-socket-host.js';
import { VolleySocket } from './ws-socket.js';
import { wsTimeoutMs } from './ws-timeout.js';
import { resolveWsUrl, type WsTarget } from './ws-url.js';
import type { WsApi, WsConnectOptions, WsSocket } from './types.js';

/**
 * The `ws` library, loaded on the first connect, so a run that opens no WebSocket never loads it
 * (a tenth of a second and megabytes of start-up in every process and worker thread). `ws` is
 * CommonJS, so it loads synchronously and the first handshake's timing starts after it.
 */
const requireCommonJs = createRequire(import.meta.url);
let loadedWebSocket: typeof WebSocket | undefined;

function webSocketClass(): typeof WebSocket {
  loadedWebSocket ??= requireCommonJs('ws') as typeof WebSocket;
  return loadedWebSocket;
}

/** The cookies of a user's jar for a handshake (the HTTP client's jar fits). */
export interface WsCookieSource {
  header(hostname: string, path: string, secure: boolean): string | undefined;
}

export interface WsClientOptions {
  recorder: MetricsRecorder;
  clock: Pick<Clock, 'now'>;
  /** The user's scope and due time (its HTTP client). */
  user: UserScope;
  /** The scenario host relative URLs go to. */
  baseUrl?: string | undefined;
  /** The scenario's default headers, sent with every handshake. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Accept any TLS certificate on wss. */
  insecure?: boolean | undefined;
  /** The default timeout of the handshake, `next()` and `request()`, in ms (0: none). */
  timeoutMs: number;
  /** The user's cookie jar, when it keeps one. */
  jar?: WsCookieSource | undefined;
  /** Marks an error already recorded as a failed sample (see WsSocketHost.recorded). */
  recorded?: (error: Error) => void;
}

/** How long closing the user's sockets may take before they are dropped. */
const CLOSE_GRACE_MS = 1000;

export class WsClient implements WsApi, WsSocketHost, Swept {
  readonly recorder: MetricsRecorder;
  readonly clock: Pick<Clock, 'now'>;
  readonly user: UserScope;
  readonly rows: WsRows;
  readonly sentMetric: number;
  readonly receivedMetric: number;
  readonly timeoutMs: number;
  private readonly sockets = new Set<VolleySocket>();
  /** Handshakes under way, dropped if the run is killed. */
  private readonly connecting = new Set<WebSocket>();
  private state: 'open' | 'closed' | 'destroyed' = 'open';

  constructor(private readonly options: WsClientOptions) {
    this.recorder = options.recorder;
    this.clock = options.clock;
    this.user = options.user;
    this.timeoutMs = options.timeoutMs;
    this.rows = new WsRows(options.recorder);
    this.sentMetric = options.recorder.customMetric(WS_MESSAGES_SENT);
    this.receivedMetric = options.recorder.customMetric(WS_MESSAGES_RECEIVED);
  }

  connect(url: string, options?: WsConnectOptions): Promise<WsSocket> {
    const Socket = webSocketClass();
    const target = resolveWsUrl(url, this.options.baseUrl);
    const name = options?.name ?? target.name;
    const timeoutMs = wsTimeoutMs(options?.timeout, this.timeoutMs, 'ws.connect()');
    const headers = this.handshakeHeaders(target, options?.headers);
    const scope = this.user.scope;
    const row = this.rows.row(scope, CONNECT, name);
    const start = takeStart(this.user, this.clock.now());
    if (this.state !== 'open') return Promise.reject(new Error(`ws.connect(): the user's WebSockets are closed`));
    const socket = new Socket(target.url, protocolList(options?.protocols), {
      headers,
      handshakeTimeout: timeoutMs > 0 ? timeoutMs : undefined,
      rejectUnauthorized: this.options.insecure !== true,
    });
    this.connecting.add(socket);
    return new Promise((resolve, reject) => {
      const onOpen = (): void => {
        socket.off('error', onError);
        this.connecting.delete(socket);
        const now = this.clock.now();
        this.recorder.record(row, (now - start) * 1000, 0, NOT_HTTP_STATUS, 0, 0, false);
        const opened = new VolleySocket(this, socket, name, scope, now);
        this.sockets.add(opened);
        resolve(opened);
      };
      const onError = (error: Error): void => {
        socket.off('open', onOpen);
        this.connecting.delete(socket);
        reject(this.failConnect(row, start, name, error));
      };
      socket.once('open', onOpen);
      socket.once('error', onError);
    });
  }

  recorded(error: Error): void {
    this.options.recorded?.(error);
  }

  /** A socket waits with a long timeout: the shared sweep (`protocols/timeout-sweep.ts`) checks this client until it closes. */
  watch(): void {
    if (this.state === 'open') track(this);
  }

  /** Expires every wait of every open socket whose long timeout has passed. */
  sweep(): void {
    const now = this.clock.now();
    for (const socket of this.sockets) socket.sweep(now);
  }

  forget(socket: object): void {
    this.sockets.delete(socket as VolleySocket);
  }

  /** Closes every open socket (code 1000), dropping those that do not finish within a second. */
  async close(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'closed';
    untrack(this);
    for (const socket of this.connecting) socket.terminate();
    const open = [...this.sockets];
    if (open.length === 0) return;
    for (const socket of open) socket.close(1000, 'user done');
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CLOSE_GRACE_MS);
    });
    await Promise.race([Promise.all(open.map((s) => s.closed)), grace]);
    clearTimeout(timer);
    for (const socket of open) socket.terminate();
  }

  /** Drops every socket and handshake at once (the run is killed). */
  async destroy(): Promise<void> {
    if (this.state === 'destroyed') return;
    this.state = 'destroyed';
    untrack(this);
    for (const socket of this.connecting) socket.terminate();
    const open = [...this.sockets];
    for (const socket of open) socket.terminate();
    await Promise.all(open.map((s) => s.closed));
  }

  private failConnect(row: number, start: number, name: string, error: Error): Error {
    const message = this.state === 'destroyed' ? 'aborted: run stopped' : handshakeFailure(error);
    this.recorder.record(row, (this.clock.now() - start) * 1000, 0, NOT_HTTP_STATUS, 0, 0, true);
    this.recorder.error(row, 'request', message);
    const failure = new Error(`ws.connect() to ${name}: ${message}`, { cause: error });
    this.recorded(failure);
    return failure;
  }

  /** The default headers, then the connect's own (by name, case-insensitively), and the jar's cookies. */
  private handshakeHeaders(target: WsTarget, own: Readonly<Record<string, string>> | undefined): Record<string, string> {
    const headers: Record<string, string> = {};
    const put = (from: Readonly<Record<string, string>> | undefined): void => {
      if (from !== undefined) for (const [name, value] of Object.entries(from)) headers[name.toLowerCase()] = value;
    };
    put(this.options.headers);
    put(own);
    const cookies = this.options.jar?.header(target.hostname, target.path, target.secure);
    if (cookies !== undefined) headers.cookie = headers.cookie === undefined ? cookies : `${headers.cookie}; ${cookies}`;
    return headers;
  }
}


function protocolList(protocols: string | readonly string[] | undefined): string[] | undefined {
  if (protocols === undefined) return undefined;
  return typeof protocols === 'string' ? [protocols] : [...protocols];
}
