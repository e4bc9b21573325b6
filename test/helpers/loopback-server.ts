/**
 * Small HTTP servers for integration tests, always on 127.0.0.1 and port 0, closed by the test.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  url: string;
  port: number;
  /** Requests served, by path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<LoopbackServer> {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    handler(req, res);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound, then released. */
export async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Answers `ok` after `ms` milliseconds, like the peers' 20 ms server. */
export function delayed(ms: number): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    }, ms);
  };
}

/**
 * A server of fixed capacity: `lanes` requests in service at once, each for `serviceMs`, the rest
 * queued first come, first served. Finish times are booked on the clock, not chained from one
 * timer to the next, so a late timer (a busy machine) delays that one answer but never the
 * schedule: the server sustains exactly lanes × 1000 / serviceMs requests/s whatever CPU is left.
 */
export function fixedCapacity(
  lanes: number,
  serviceMs: number,
): (req: IncomingMessage, res: ServerResponse) => void {
  // When each lane is next free, on the performance.now() clock.
  const freeAt: number[] = new Array<number>(lanes).fill(0);
  return (_req, res) => {
    const now = performance.now();
    let lane = 0;
    for (let k = 1; k < lanes; k++) if ((freeAt[k] as number) < (freeAt[lane] as number)) lane = k;
    const finish = Math.max(now, freeAt[lane] as number) + serviceMs;
    freeAt[lane] = finish;
    setTimeout(() => res.end('ok'), finish - now);
  };
}
