/**
 * The demo's WebSocket endpoints, on the demo's own HTTP server (its `upgrade` event):
 *
 * - `/chat?delay=20` echoes each message back, as it came (text or binary), after `delay` ms
 *   (default 0). A JSON message's `id` comes back with it, so `ws.request()` can match answers.
 * - `/notifications?every=100` pushes `{"seq":n,"at":epochMs}` every `every` ms (default 1000,
 *   at least 10).
 *
 * Any other path is answered 404 and closed. Closing the demo drops every socket at once.
 */

import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';

export interface DemoWebSockets {
  /** Drops every open socket and stops the pushes. */
  close(): void;
}

const MAX_DELAY_MS = 60_000;
const MIN_EVERY_MS = 10;

export function attachDemoWebSockets(server: Server): DemoWebSockets {
  const wss = new WebSocketServer({ noServer: true });
  const timers = new Set<NodeJS.Timeout>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://demo');
    if (url.pathname !== '/chat' && url.pathname !== '/notifications') {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (url.pathname === '/chat') echo(ws, queryMs(url, 'delay', 0, 0));
      else notify(ws, queryMs(url, 'every', 1000, MIN_EVERY_MS), timers);
    });
  });
  return {
    close: () => {
      for (const timer of timers) clearInterval(timer);
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

function echo(ws: WebSocket, delayMs: number): void {
  ws.on('message', (data, isBinary) => {
    if (delayMs === 0) ws.send(data, { binary: isBinary });
    else
      setTimeout(() => {
        if (ws.readyState === WebSocket.OPEN) ws.send(data, { binary: isBinary });
      }, delayMs);
  });
}

function notify(ws: WebSocket, everyMs: number, timers: Set<NodeJS.Timeout>): void {
  let seq = 0;
  const timer = setInterval(() => ws.send(`{"seq":${++seq},"at":${Date.now()}}`), everyMs);
  timers.add(timer);
  ws.on('close', () => {
    clearInterval(timer);
    timers.delete(timer);
  });
}

/** A whole number of ms from the query, within [min, 60 s]; `fallback` when absent or not a number. */
function queryMs(url: URL, key: string, fallback: number, min: number): number {
  const value = Number(url.searchParams.get(key) ?? Number.NaN);
  if (!Number.isFinite(value)) return fallback;
  return Math.min(MAX_DELAY_MS, Math.max(min, Math.round(value)));
}
