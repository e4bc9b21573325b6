/**
 * The coordinator's side of a distributed run: a WebSocket server that waits for the expected
 * number of workers, checks each one's protocol version and token, hands out assignments in the
 * order they joined, starts everyone together once all are ready, forwards their messages and
 * watches heartbeats. A worker that stops answering pings, or disconnects before saying it is
 * done, is reported lost.
 */

import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { VolleyError } from '../errors.js';
import { PROTOCOL_VERSION, type ToWorker, type WorkerAssignment } from './protocol.js';
import type { TransportHandlers, WorkerTransport } from './transport.js';
import { decodeFrame } from './wire.js';
import { fromWorkerSchema, helloHeaderSchema, MAX_FRAME_BYTES } from './wire-schema.js';

export interface CoordinatorOptions {
  host: string;
  port: number;
  expectWorkers: number;
  /** Workers must present this token; null accepts any. */
  token: string | null;
  /** Ping interval; a worker silent for two intervals is lost. Default 2 s. */
  heartbeatMs?: number;
  /** How long to wait for every worker to join. Default 2 minutes. */
  joinTimeoutMs?: number;
  /** How long a new connection has to say hello. Default 5 s. */
  helloTimeoutMs?: number;
  log?: (line: string) => void;
}

interface Member {
  socket: WebSocket;
  /** Its address and port, as the coordinator sees it: for log lines. */
  peer: string;
  worker: number;
  alive: boolean;
  done: boolean;
  host: string;
}

export class CoordinatorServer implements WorkerTransport {
  readonly size: number;
  private server: WebSocketServer | undefined;
  private readonly members: Member[] = [];
  private readonly closed: Promise<void>[] = [];
  /** Why each refused connection was refused, for the lost worker's report. */
  private readonly refusals = new WeakMap<WebSocket, string>();
  private heartbeat: NodeJS.Timeout | undefined;
  private joined: (() => void) | undefined;

  constructor(private readonly options: CoordinatorOptions) {
    this.size = options.expectWorkers;
  }

  /** Starts listening; resolves with the address workers connect to. */
  listen(): Promise<{ host: string; port: number }> {
    return new Promise((resolve, reject) => {
      const server = new WebSocketServer({
        host: this.options.host,
        port: this.options.port,
        maxPayload: MAX_FRAME_BYTES,
      });
      this.server = server;
      server.once('error', (error) =>
        reject(
          new VolleyError(
            'VOLLEY_E_USAGE',
            `--bind ${this.options.host}:${this.options.port}: ${error.message}`,
          ),
        ),
      );
      server.once('listening', () => {
        server.on('error', (error) => this.options.log?.(`Coordinator: ${error.message}`));
        const address = server.address() as AddressInfo;
        resolve({ host: address.address, port: address.port });
      });
      server.on('connection', (socket, request) => this.greet(socket, request));
    });
  }

  async launch(assignments: readonly WorkerAssignment[], handlers: TransportHandlers): Promise<void> {
    await this.allJoined();
    const ready = this.members.map(
      (member) =>
        new Promise<void>((resolve) => {
          member.socket.on('message', (data, isBinary) => {
            // Nothing more is taken from a peer once it is refused.
            if (member.socket.readyState !== member.socket.OPEN) return;
            const decoded = decodeFrame(fromWorkerSchema, data, isBinary);
            if (!decoded.ok) return this.refuse(member.socket, member.peer, `sent ${decoded.problem}`);
            const message = decoded.message;
            if (message.type === 'ready') resolve();
            if (message.type === 'done' || message.type === 'failed') member.done = true;
            try {
              handlers.message(member.worker, message);
            } catch (error) {
              // The run could not use what the worker sent (a histogram that does not decode).
              const why = error instanceof Error ? error.message : String(error);
              return this.refuse(member.socket, member.peer, `sent an unusable ${message.type} (${why})`);
            }
          });
          member.socket.on('pong', () => {
            member.alive = true;
          });
          this.closed.push(
            new Promise<void>((closed) => {
              const gone = (): void => {
                const refused = this.refusals.get(member.socket);
                const why = refused === undefined ? 'disconnected' : `refused: ${refused}`;
                if (!member.done) handlers.lost(member.worker, `worker on ${member.host} ${why}`);
                member.done = true;
                resolve();
                closed();
              };
              // A worker that left between joining and now is lost already.
              if (member.socket.readyState === member.socket.CLOSED) gone();
              else member.socket.once('close', gone);
            }),
          );
        }),
    );
    for (const member of this.members) {
      send(member.socket, { type: 'assign', assignment: assignments[member.worker] as WorkerAssignment });
    }
    await Promise.all(ready);
    this.startHeartbeat();
    this.broadcast({ type: 'start' });
    this.options.log?.(`All ${this.size} workers ready: started.`);
  }

  broadcast(message: ToWorker): void {
    for (const member of this.members) if (!member.done) send(member.socket, message);
  }

  whenExited(): Promise<void> {
    return Promise.all(this.closed).then(() => undefined);
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const member of this.members) member.socket.terminate();
    await new Promise<void>((resolve) =>
      this.server === undefined ? resolve() : this.server.close(() => resolve()),
    );
  }

  /**
   * The first message must be a hello of our protocol version, with the right token, within
   * the hello timeout. Anything else refuses the peer; nothing a peer sends can throw here.
   */
  private greet(socket: WebSocket, request: IncomingMessage): void {
    const peer = peerAddress(request);
    const helloMs = this.options.helloTimeoutMs ?? 5000;
    socket.on('error', (error) => this.dropped(peer, error));
    const timer = setTimeout(() => this.refuse(socket, peer, `sent no hello within ${helloMs / 1000} s`), helloMs);
    timer.unref();
    socket.once('message', (data, isBinary) => {
      clearTimeout(timer);
      const problem = this.admit(socket, peer, data, isBinary);
      if (problem !== null) this.refuse(socket, peer, problem);
    });
  }

  /** Takes a peer on as a worker: null, or why not. */
  private admit(socket: WebSocket, peer: string, data: RawData, isBinary: boolean): string | null {
    const header = decodeFrame(helloHeaderSchema, data, isBinary);
    if (!header.ok) return `expected a hello first, got ${header.problem}`;
    if (header.message.version !== PROTOCOL_VERSION) {
      return `protocol version ${header.message.version} is not supported: this coordinator speaks version ${PROTOCOL_VERSION} (run the same volley version on every machine)`;
    }
    const hello = decodeFrame(fromWorkerSchema, data, isBinary);
    if (!hello.ok) return `its hello is ${hello.problem}`;
    if (hello.message.type !== 'hello') return 'expected a hello message first';
    const { token, host } = hello.message;
    if (this.options.token !== null && token === undefined) return 'no worker token (this coordinator requires one)';
    if (!tokenMatches(this.options.token, token ?? '')) return 'wrong worker token';
    if (this.members.length >= this.size) return `the run already has its ${this.size} workers`;
    const member: Member = { socket, peer, worker: this.members.length, alive: true, done: false, host };
    this.members.push(member);
    this.options.log?.(`Worker ${member.worker} joined from ${host} at ${peer} (${this.members.length}/${this.size}).`);
    if (this.members.length === this.size) this.joined?.();
    return null;
  }

  /** Tells the peer why it is refused, logs it, and closes its connection. */
  private refuse(socket: WebSocket, peer: string, reason: string): void {
    if (socket.readyState !== socket.OPEN) return;
    this.refusals.set(socket, reason);
    this.options.log?.(`Refused the peer at ${peer}: ${reason}`);
    send(socket, { type: 'refused', reason });
    socket.close(4000, closeReason(reason));
    // A peer that does not answer the close handshake is not waited for.
    setTimeout(() => socket.terminate(), 1000).unref();
  }

  /** The connection failed at the WebSocket level (ws closes it): an oversized or invalid frame. */
  private dropped(peer: string, error: Error): void {
    const code = (error as Error & { code?: string }).code;
    const reason =
      code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
        ? `sent a frame larger than ${MAX_FRAME_BYTES / 1024 / 1024} MiB`
        : `broke the WebSocket protocol (${error.message})`;
    this.options.log?.(`Refused the peer at ${peer}: ${reason}`);
  }

  private allJoined(): Promise<void> {
    if (this.members.length >= this.size) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timeout = setTimeout(
        () =>
          reject(
            new VolleyError(
              'VOLLEY_E_USAGE',
              `only ${this.members.length} of ${this.size} workers joined within ${(this.options.joinTimeoutMs ?? 120_000) / 1000}s`,
            ),
          ),
        this.options.joinTimeoutMs ?? 120_000,
      );
      this.joined = () => {
        clearTimeout(timeout);
        resolve();
      };
    });
  }

  private startHeartbeat(): void {
    this.heartbeat = setInterval(() => {
      for (const member of this.members) {
        if (member.done) continue;
        if (!member.alive) {
          member.socket.terminate();
          continue;
        }
        member.alive = false;
        member.socket.ping();
      }
    }, this.options.heartbeatMs ?? 2000);
    this.heartbeat.unref();
  }
}

function send(socket: WebSocket, message: ToWorker): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/** A close frame's reason is at most 123 bytes of UTF-8. */
function closeReason(reason: string): string {
  let text = reason.slice(0, 120);
  while (Buffer.byteLength(text) > 123) text = text.slice(0, -1);
  return text;
}

function peerAddress(request: IncomingMessage): string {
  const { remoteAddress = 'unknown', remotePort } = request.socket;
  return `${remoteAddress.includes(':') ? `[${remoteAddress}]` : remoteAddress}:${remotePort ?? '?'}`;
}

/**
 * Compares digests, not the tokens, so the time taken says nothing about the expected token's
 * length or how much of it a guess got right.
 */
function tokenMatches(expected: string | null, given: string): boolean {
  if (expected === null) return true;
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}
