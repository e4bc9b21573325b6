/**
 * One open WebSocket of a virtual user, over the `ws` library's socket: sending, reading
 * messages in order (`next()`), request/response round trips (`request()`, the `RTT` row), and
 * the `SESSION` row when it closes.
 *
 * Per message, only numbers are recorded (bytes, a counter sample) and the message goes to whoever
 * waits for it: a `request()` whose match accepts it, else the oldest `next()`, else the queue.
 * Timers get the socket and the waiter as arguments, so waiting makes no closure; the rows are
 * resolved once per scope (see ws-rows.ts). A socket may outlive the task that opened it: each
 * round trip records under the scope current when it starts, the session under the one it
 * connected in.
 */

import type WebSocket from 'ws';
import { formatDuration } from '../../core/units/duration.js';
import { NOT_HTTP_STATUS } from '../../metrics/recorder.js';
import { takeStart } from '../user-scope.js';
import { SWEPT_TIMEOUT_MS } from '../timeout-sweep.js';
import { abnormalCloseMessage, isAbnormalClose } from './ws-failures.js';
import { RTT, SESSION } from './ws-rows.js';
import type { WsSocketHost } from './ws-socket-host.js';
import { wsTimeoutMs } from './ws-timeout.js';
import type { WsCloseInfo, WsData, WsMessage, WsRequestOptions, WsSocket, WsWaitOptions } from './types.js';

/** Unread messages a socket keeps for `next()`; older ones are dropped beyond it. */
export const MAX_QUEUED_MESSAGES = 1024;


type Listener = (message: WsMessage) => void;

/** A `next()` call waiting for a message. */
interface Waiter {
  resolve: (message: WsMessage) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout | undefined;
  /** When the client's sweep expires it (clock ms); Infinity when a timer does, or never. */
  deadline: number;
  timeoutMs: number;
}

/** A `request()` waiting for its answer. */
interface PendingRequest {
  match: (message: WsMessage) => boolean;
  resolve: (message: WsMessage) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout | undefined;
  /** As for a Waiter. */
  deadline: number;
  row: number;
  start: number;
}

export class VolleySocket implements WsSocket {
  readonly closed: Promise<WsCloseInfo>;
  bytesIn = 0;
  bytesOut = 0;
  private state: 'open' | 'closing' | 'closed' = 'open';
  /** The code the user closed with (1006 for a terminate), or -1: what is not abnormal then. */
  private requested = -1;
  private closeInfo: WsCloseInfo | undefined;
  private resolveClosed!: (info: WsCloseInfo) => void;
  private readonly queue: WsMessage[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly requests: PendingRequest[] = [];
  private readonly listeners: Listener[] = [];
  /** The RTT row of this socket's own name, for the scope it was last resolved in. */
  private rttScope = -1;
  private rttRow = -1;

  constructor(
    private readonly host: WsSocketHost,
    private readonly socket: WebSocket,
    readonly name: string,
    /** The scope the socket connected in: its SESSION row's. */
    private readonly scope: number,
    /** When the handshake completed (clock ms). */
    private readonly openedAt: number,
  ) {
    this.closed = new Promise((resolve) => {
      this.resolveClosed = resolve;
    });
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('close', (code, reason) => this.onClose(code, reason));
    // A network error is followed by 'close' (1006), which records it.
    socket.on('error', ignore);
  }

  get protocol(): string {
    return this.socket.protocol;
  }

  get open(): boolean {
    return this.state === 'open';
  }

  send(data: WsData): void {
    if (this.state !== 'open') throw new Error(`ws.send(): the socket ${this.name} is ${this.state}`);
    this.socket.send(data);
    this.bytesOut += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    this.host.recorder.metricSample(this.host.sentMetric, 1);
  }

  next(options?: WsWaitOptions): Promise<WsMessage> {
    const timeoutMs = wsTimeoutMs(options?.timeout, this.host.timeoutMs, 'ws.next()');
    if (this.queue.length > 0) return Promise.resolve(this.queue.shift() as WsMessage);
    if (this.closeInfo !== undefined) return Promise.reject(closedWhileWaiting(this.name, this.closeInfo.code));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, timer: undefined, deadline: Infinity, timeoutMs };
      if (timeoutMs >= SWEPT_TIMEOUT_MS) waiter.deadline = this.sweptDeadline(timeoutMs);
      else if (timeoutMs > 0) waiter.timer = setTimeout(nextTimedOut, timeoutMs, this, waiter);
      this.waiters.push(waiter);
    });
  }

  on(_event: 'message', listener: Listener): this {
    if (typeof listener !== 'function') throw new TypeError('ws.on(): expected a function');
    this.listeners.push(listener);
    return this;
  }

  off(_event: 'message', listener: Listener): this {
    const at = this.listeners.indexOf(listener);
    if (at !== -1) this.listeners.splice(at, 1);
    return this;
  }

  request(message: WsData | object, match: (message: WsMessage) => boolean, options?: WsRequestOptions): Promise<WsMessage> {
    if (typeof match !== 'function') throw new TypeError('ws.request(): expected a match function');
    const timeoutMs = wsTimeoutMs(options?.timeout, this.host.timeoutMs, 'ws.request()');
    const row = this.rttRowFor(options?.name);
    const start = takeStart(this.host.user, this.host.clock.now());
    if (this.state !== 'open') return Promise.reject(this.failRequest(row, start, `socket ${this.state}`));
    this.send(isWsData(message) ? message : JSON.stringify(message));
    return new Promise((resolve, reject) => {
      const pending: PendingRequest = { match, resolve, reject, timer: undefined, deadline: Infinity, row, start };
      if (timeoutMs >= SWEPT_TIMEOUT_MS) pending.deadline = this.sweptDeadline(timeoutMs);
      else if (timeoutMs > 0) pending.timer = setTimeout(requestTimedOut, timeoutMs, this, pending);
      this.requests.push(pending);
    });
  }

  close(code = 1000, reason = ''): void {
    if (this.state !== 'open') return;
    this.requested = code;
    this.state = 'closing';
    this.socket.close(code, reason);
  }

  /**
   * Drops the connection at once (the run is killed, or a close took too long when the user
   * ended): the session still records, and its 1006 is volley's doing, not an abnormal close.
   */
  terminate(): void {
    if (this.state === 'closed') return;
    this.requested = 1006;
    this.state = 'closing';
    this.socket.terminate();
  }

  /** Expires the waits whose deadline has passed (the client's sweep, for long timeouts). */
  sweep(now: number): void {
    for (let i = 0; i < this.waiters.length; i++) {
      const waiter = this.waiters[i] as Waiter;
      if (waiter.deadline <= now) {
        this.expireWaiter(waiter);
        i--;
      }
    }
    for (let i = 0; i < this.requests.length; i++) {
      const pending = this.requests[i] as PendingRequest;
      if (pending.deadline <= now) {
        this.expireRequest(pending);
        i--;
      }
    }
  }

  /** A timed-out `next()` (the timer's callback). */
  expireWaiter(waiter: Waiter): void {
    const at = this.waiters.indexOf(waiter);
    if (at === -1) return;
    this.waiters.splice(at, 1);
    waiter.reject(new Error(`ws.next(): no message on ${this.name} within ${formatDuration(waiter.timeoutMs, 'timeout')}`));
  }

  /** A timed-out `request()` (the timer's callback): a failed RTT sample. */
  expireRequest(pending: PendingRequest): void {
    const at = this.requests.indexOf(pending);
    if (at === -1) return;
    this.requests.splice(at, 1);
    pending.reject(this.failRequest(pending.row, pending.start, 'response timeout'));
  }

  private receive(data: WebSocket.RawData, isBinary: boolean): void {
    const bytes = bytesOf(data);
    const message: WsMessage = isBinary ? bytes : bytes.toString();
    this.bytesIn += bytes.length;
    this.host.recorder.metricSample(this.host.receivedMetric, 1);
    for (let i = 0; i < this.listeners.length; i++) (this.listeners[i] as Listener)(message);
    if (this.requests.length > 0 && this.answer(message)) return;
    const waiter = this.waiters.shift();
    if (waiter !== undefined) {
      if (waiter.timer !== undefined) clearTimeout(waiter.timer);
      waiter.resolve(message);
      return;
    }
    if (this.queue.push(message) > MAX_QUEUED_MESSAGES) this.queue.shift();
  }

  /** Hands `message` to the first request it answers; false when none takes it. */
  private answer(message: WsMessage): boolean {
    for (let i = 0; i < this.requests.length; i++) {
      const pending = this.requests[i] as PendingRequest;
      let accepted: boolean;
      try {
        accepted = Boolean(pending.match(message));
      } catch (error) {
        this.requests.splice(i--, 1);
        if (pending.timer !== undefined) clearTimeout(pending.timer);
        pending.reject(this.failRequest(pending.row, pending.start, 'match threw', error));
        continue;
      }
      if (!accepted) continue;
      this.requests.splice(i, 1);
      if (pending.timer !== undefined) clearTimeout(pending.timer);
      const durationUs = (this.host.clock.now() - pending.start) * 1000;
      this.host.recorder.record(pending.row, durationUs, 0, NOT_HTTP_STATUS, 0, 0, false);
      pending.resolve(message);
      return true;
    }
    return false;
  }

  private onClose(code: number, reasonBytes: Buffer): void {
    this.state = 'closed';
    const info: WsCloseInfo = { code, reason: reasonBytes.toString() };
    this.closeInfo = info;
    const { recorder, clock, rows } = this.host;
    const row = rows.row(this.scope, SESSION, this.name);
    const failed = isAbnormalClose(code, this.requested);
    recorder.record(row, (clock.now() - this.openedAt) * 1000, 0, NOT_HTTP_STATUS, this.bytesIn, this.bytesOut, failed);
    if (failed) recorder.error(row, 'request', abnormalCloseMessage(code));
    for (const waiter of this.waiters.splice(0)) {
      if (waiter.timer !== undefined) clearTimeout(waiter.timer);
      waiter.reject(closedWhileWaiting(this.name, code));
    }
    for (const pending of this.requests.splice(0)) {
      if (pending.timer !== undefined) clearTimeout(pending.timer);
      pending.reject(this.failRequest(pending.row, pending.start, `closed before the answer (${code})`));
    }
    this.host.forget(this);
    this.resolveClosed(info);
  }

  /** Records a failed round trip and returns the error its promise rejects with (marked as recorded). */
  private failRequest(row: number, start: number, message: string, cause?: unknown): Error {
    const { recorder, clock } = this.host;
    recorder.record(row, (clock.now() - start) * 1000, 0, NOT_HTTP_STATUS, 0, 0, true);
    recorder.error(row, 'request', message);
    const error = new Error(`ws.request() on ${this.name}: ${message}`, cause === undefined ? undefined : { cause });
    this.host.recorded(error);
    return error;
  }

  /** The deadline of a long timeout starting now; the client sweeps for it. */
  private sweptDeadline(timeoutMs: number): number {
    this.host.watch();
    return this.host.clock.now() + timeoutMs;
  }

  private rttRowFor(name: string | undefined): number {
    const scope = this.host.user.scope;
    if (name !== undefined && name !== this.name) return this.host.rows.row(scope, RTT, name);
    if (scope !== this.rttScope) {
      this.rttRow = this.host.rows.row(scope, RTT, this.name);
      this.rttScope = scope;
    }
    return this.rttRow;
  }
}

function ignore(): void {}

function nextTimedOut(socket: VolleySocket, waiter: Waiter): void {
  socket.expireWaiter(waiter);
}

function requestTimedOut(socket: VolleySocket, pending: PendingRequest): void {
  socket.expireRequest(pending);
}

function closedWhileWaiting(name: string, code: number): Error {
  return new Error(`ws.next(): the socket ${name} closed (${code}) before a message arrived`);
}

function isWsData(value: unknown): value is WsData {
  return typeof value === 'string' || value instanceof Uint8Array;
}

/** A message's bytes as one Buffer (the library hands a Buffer for `nodebuffer` sockets). */
function bytesOf(data: WebSocket.RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
