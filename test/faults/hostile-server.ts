/**
 * A hostile HTTP/1.1 target on 127.0.0.1 (port 0) for the fault tests and the soak: a raw
 * `node:net` server that reads request heads (and content-length bodies) and then misbehaves as
 * told, per request: it answers with raw bytes of the test's choosing, resets or closes after
 * reading, stalls, drip-feeds, or sends a huge or endless body. It counts every request it read
 * in full and every connection it accepted, so a test can hold the client's records against what
 * the server really received.
 */

import { type AddressInfo, createServer, type Socket } from 'node:net';

/** A request as the server read it. */
export interface ReadRequest {
  readonly method: string;
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** Which accepted connection it came on (0 for the first), and its place on that connection. */
  readonly connection: number;
  readonly onConnection: number;
}

/** What the server does with a request it read. */
export type Fault =
  /** Write these bytes; then close the connection when `close` is set. */
  | { kind: 'raw'; bytes: string | Buffer; close?: boolean }
  /** Close (FIN) without answering. */
  | { kind: 'close' }
  /** Reset (RST) without answering. */
  | { kind: 'reset' }
  /** Never answer. */
  | { kind: 'stall' }
  /** A 200 with this many body bytes, sent in 64 KiB writes as fast as the socket drains. */
  | { kind: 'huge'; bytes: number; chunked?: boolean }
  /** A 200 whose chunked body never ends (until the client goes away). */
  | { kind: 'endless' }
  /** These bytes, `every` ms apart, `size` bytes at a time. */
  | { kind: 'drip'; bytes: string; size: number; every: number };

export type FaultPlan = (request: ReadRequest) => Fault;

export interface HostileServer {
  readonly url: string;
  readonly port: number;
  /** Every request read in full, in order. */
  readonly requests: ReadRequest[];
  /** Connections accepted. */
  accepted(): number;
  /** Body bytes written by `huge` and `endless` answers. */
  bodyBytesSent(): number;
  close(): Promise<void>;
}

const FILL = Buffer.alloc(64 * 1024, 0x61);

export async function startHostileServer(plan: FaultPlan): Promise<HostileServer> {
  const requests: ReadRequest[] = [];
  const sockets = new Set<Socket>();
  let accepted = 0;
  let sent = 0;
  const server = createServer((socket) => {
    const connection = accepted++;
    let onConnection = 0;
    let pending: Buffer = Buffer.alloc(0);
    sockets.add(socket);
    socket.on('error', () => {}); // resets and writes after the client left are the point here
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      for (;;) {
        const request = takeRequest(pending, connection, onConnection);
        if (request === undefined) return;
        pending = pending.subarray(request.size);
        onConnection++;
        requests.push(request.read);
        if (socket.destroyed) return;
        act(socket, plan(request.read), (n) => {
          sent += n;
        });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    accepted: () => accepted,
    bodyBytesSent: () => sent,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The first complete request in `pending`, with its size in bytes; undefined until one is whole. */
function takeRequest(
  pending: Buffer,
  connection: number,
  onConnection: number,
): { read: ReadRequest; size: number } | undefined {
  const headEnd = pending.indexOf('\r\n\r\n');
  if (headEnd === -1) return undefined;
  const lines = pending.toString('latin1', 0, headEnd).split('\r\n');
  const [method = '', target = ''] = (lines[0] ?? '').split(' ');
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const size = headEnd + 4 + Number(headers['content-length'] ?? '0');
  if (pending.length < size) return undefined;
  const body = Buffer.from(pending.subarray(headEnd + 4, size));
  return { read: { method, target, headers, body, connection, onConnection }, size };
}

function act(socket: Socket, fault: Fault, count: (bytes: number) => void): void {
  switch (fault.kind) {
    case 'raw':
      socket.write(fault.bytes);
      if (fault.close === true) socket.end();
      return;
    case 'close':
      socket.end();
      return;
    case 'reset':
      socket.resetAndDestroy();
      return;
    case 'stall':
      return;
    case 'huge':
      socket.write(
        fault.chunked === true
          ? 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n'
          : `HTTP/1.1 200 OK\r\ncontent-length: ${fault.bytes}\r\n\r\n`,
      );
      pump(socket, fault.bytes, fault.chunked === true, count);
      return;
    case 'endless':
      socket.write('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n');
      pump(socket, Number.POSITIVE_INFINITY, true, count);
      return;
    case 'drip': {
      let at = 0;
      const timer = setInterval(() => {
        if (socket.destroyed || at >= fault.bytes.length) {
          clearInterval(timer);
          return;
        }
        socket.write(fault.bytes.slice(at, at + fault.size), 'latin1');
        at += fault.size;
      }, fault.every);
      socket.on('close', () => clearInterval(timer));
      return;
    }
  }
}

/** Writes `total` filler bytes (raw or chunked), pausing while the socket's buffer is full. */
function pump(socket: Socket, total: number, chunked: boolean, count: (bytes: number) => void): void {
  let left = total;
  const more = (): void => {
    while (left > 0 && !socket.destroyed) {
      const piece = left >= FILL.length ? FILL : FILL.subarray(0, left);
      left -= piece.length;
      count(piece.length);
      let ok: boolean;
      if (chunked) {
        socket.write(`${piece.length.toString(16)}\r\n`);
        socket.write(piece);
        ok = socket.write('\r\n');
      } else {
        ok = socket.write(piece);
      }
      if (!ok) {
        socket.once('drain', more);
        return;
      }
    }
    if (left === 0 && chunked && !socket.destroyed) socket.write('0\r\n\r\n');
  };
  more();
}
