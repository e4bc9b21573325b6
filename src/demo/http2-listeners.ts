/**
 * The demo target speaks HTTP/2 too, through the same router as HTTP/1.1:
 *
 * - its plain port takes h2c with prior knowledge: a front `net.Server` reads the first bytes of
 *   each connection, and hands one that opens with the HTTP/2 client preface to an h2c server,
 *   any other to the HTTP/1.1 server (the bytes read go back on the socket first). An HTTP/1.1
 *   connection pays this once, at its first read, and nothing per request;
 * - a TLS listener (https://, on a port of its own) offers ALPN `h2` and `http/1.1`, with the
 *   loopback-only test certificate in test-certificate.ts.
 *
 * Both answer with the HTTP/1.1 handler itself, through `node:http2`'s compatibility API.
 */

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createSecureServer, createServer as createH2cServer, type Http2Session } from 'node:http2';
import { type AddressInfo, createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { DEMO_TLS_CERTIFICATE, DEMO_TLS_KEY } from './test-certificate.js';

export type DemoHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** The connection preface every HTTP/2 client sends first (RFC 9113 §3.4). */
const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

/** The plain port: HTTP/1.1 by `http1`, or h2c when a connection opens with the preface. */
export interface DemoFront {
  readonly server: NetServer;
  /** Stops listening and closes every connection of either version. */
  close(): Promise<void>;
}

/** The h2c and TLS listeners' handler: the compatibility API's request and response stand in for HTTP/1.1's. */
function http2Handler(handler: DemoHandler): (req: unknown, res: unknown) => void {
  return (req, res) => handler(req as IncomingMessage, res as ServerResponse);
}

/** Tracks a server's HTTP/2 sessions, to close them with it. */
function trackSessions(server: NodeJS.EventEmitter): Set<Http2Session> {
  const sessions = new Set<Http2Session>();
  server.on('session', (session: Http2Session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    session.on('error', () => undefined);
  });
  return sessions;
}

export function createDemoFront(http1: Server, handler: DemoHandler): DemoFront {
  const h2c = createH2cServer(http2Handler(handler));
  const sessions = trackSessions(h2c);
  const route = (socket: Socket, head: Buffer, http2: boolean): void => {
    socket.unshift(head);
    if (http2) {
      // The session reads what the socket holds (the preface) before taking its handle.
      h2c.emit('connection', socket);
    } else {
      http1.emit('connection', socket);
      socket.resume();
    }
  };
  // The HTTP/1.1 server never listens itself, so it tracks no connections: they are kept here.
  const sockets = new Set<Socket>();
  const server = createNetServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    let head: Buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      const seen = Math.min(head.length, PREFACE.length);
      const matches = head.subarray(0, seen).equals(PREFACE.subarray(0, seen));
      if (matches && seen < PREFACE.length) return; // a preface cut short: wait for the rest
      socket.off('data', onData);
      socket.pause();
      route(socket, head, matches);
    };
    socket.on('data', onData);
    socket.on('error', () => undefined);
  });
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const session of sessions) session.destroy();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** The https:// listener: TLS with ALPN h2 and http/1.1, on `host` and a free port. */
export interface DemoTlsListener {
  /** `https://HOST:PORT`. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startDemoTls(handler: DemoHandler, host: string): Promise<DemoTlsListener> {
  const server = createSecureServer(
    { cert: DEMO_TLS_CERTIFICATE, key: DEMO_TLS_KEY, allowHTTP1: true },
    http2Handler(handler),
  );
  const sessions = trackSessions(server);
  const http1Sockets = new Set<Socket>();
  server.on('secureConnection', (socket: Socket) => {
    http1Sockets.add(socket);
    socket.on('close', () => http1Sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `https://${hostPart}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const session of sessions) session.destroy();
        for (const socket of http1Sockets) socket.destroy();
      }),
  };
}
