/**
 * A loopback WebSocket server for the client tests, on 127.0.0.1 and port 0: an HTTP server
 * whose `upgrade` event the test decides (accept and handle the socket, answer a status, or say
 * nothing), closed by the test.
 */

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

export interface WsTestServer {
  url: string;
  /** Handshake requests seen, with their headers. */
  handshakes: IncomingMessage[];
  /** Sockets accepted so far. */
  sockets: WebSocket[];
  close(): Promise<void>;
}

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, accept: (onSocket: (ws: WebSocket) => void) => void) => void;

/** Echoes every message back at once. */
export const echo: UpgradeHandler = (_req, _socket, accept) =>
  accept((ws) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })));

export async function startWsServer(onUpgrade: UpgradeHandler = echo): Promise<WsTestServer> {
  const server: Server = createServer((_req, res) => res.end('not a websocket'));
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => protocols.values().next().value ?? false });
  const handshakes: IncomingMessage[] = [];
  const sockets: WebSocket[] = [];
  const raw = new Set<Duplex>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    handshakes.push(req);
    raw.add(socket);
    socket.on('error', () => undefined);
    onUpgrade(req, socket, (onSocket) =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        sockets.push(ws);
        onSocket(ws);
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    handshakes,
    sockets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of raw) socket.destroy();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
