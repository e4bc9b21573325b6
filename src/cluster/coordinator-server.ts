/**
 * The coordinator's side of a distributed run: a WebSocket server that waits for the expected
 * number of workers, checks each one's protocol version and token, hands out assignments in the
 * order they joined, starts everyone together once all are ready, forwards their messages and
 * watches heartbeats. A worker that stops answering pings, or disconnects before saying it is
 * done, is reported lost.
 */

import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { VolleyError } from '../errors.js';
import { type FromWorker, PROTOCOL_VERSION, type ToWorker, type WorkerAssignment } from './protocol.js';
import type { TransportHandlers, WorkerTransport } from './transport.js';

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
  log?: (line: string) => void;
}

interface Member {
  socket: WebSocket;
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
  private heartbeat: NodeJS.Timeout | undefined;
  private joined: (() => void) | undefined;

  constructor(private readonly options: CoordinatorOptions) {
    this.size = options.expectWorkers;
  }

  /** Starts listening; resolves with the address workers connect to. */
  listen(): Promise<{ host: string; port: number }> {
    return new Promise((resolve, reject) => {
      const server = new WebSocketServer({ host: this.options.host, port: this.options.port });
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
        const address = server.address() as AddressInfo;
        resolve({ host: address.address, port: address.port });
      });
      server.on('connection', (socket) => this.greet(socket));
    });
  }

  async launch(assignments: readonly WorkerAssignment[], handlers: TransportHandlers): Promise<void> {
    await this.allJoined();
    const ready = this.members.map(
      (member) =>
        new Promise<void>((resolve) => {
          member.socket.on('message', (data) => {
            const message = parse(data);
            if (message === null) return;
            if (message.type === 'ready') resolve();
            if (message.type === 'done' || message.type === 'failed') member.done = true;
            handlers.message(member.worker, message);
          });
          member.socket.on('pong', () => {
            member.alive = true;
          });
          this.closed.push(
            new Promise<void>((closed) =>
              member.socket.once('close', () => {
                if (!member.done) handlers.lost(member.worker, `worker on ${member.host} disconnected`);
                member.done = true;
                resolve();
                closed();
              }),
            ),
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

  /** The first message must be a hello of our protocol version, with the right token. */
  private greet(socket: WebSocket): void {
    const timer = setTimeout(() => refuse(socket, 'no hello within 5 s'), 5000);
    socket.once('message', (data) => {
      clearTimeout(timer);
      const hello = parse(data);
      if (hello === null || hello.type !== 'hello') return refuse(socket, 'expected a hello message first');
      if (hello.version !== PROTOCOL_VERSION) {
        return refuse(
          socket,
          `protocol version ${hello.version} is not supported: this coordinator speaks version ${PROTOCOL_VERSION} (run the same volley version on every machine)`,
        );
      }
      if (!tokenMatches(this.options.token, hello.token)) return refuse(socket, 'wrong worker token');
      if (this.members.length >= this.size)
        return refuse(socket, `the run already has its ${this.size} workers`);
      const member: Member = {
        socket,
        worker: this.members.length,
        alive: true,
        done: false,
        host: hello.host,
      };
      this.members.push(member);
      this.options.log?.(
        `Worker ${member.worker} joined from ${hello.host} (${this.members.length}/${this.size}).`,
      );
      if (this.members.length === this.size) this.joined?.();
    });
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

function refuse(socket: WebSocket, reason: string): void {
  send(socket, { type: 'refused', reason });
  socket.close(4000, reason.slice(0, 120));
}

function parse(data: unknown): FromWorker | null {
  try {
    const message = JSON.parse(String(data)) as FromWorker;
    return typeof message === 'object' && message !== null && typeof message.type === 'string'
      ? message
      : null;
  } catch {
    return null;
  }
}

function tokenMatches(expected: string | null, given: string): boolean {
  if (expected === null) return true;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
