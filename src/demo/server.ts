/**
 * The demo target's server factory: a loopback HTTP/1.1 JSON service that volley's examples,
 * tests and `volley demo` run against. Its port also takes h2c and WebSocket upgrades, an
 * https:// listener serves the same routes over HTTP/2 and HTTP/1.1 (http2-listeners.ts), and the
 * gRPC ledger listens on a loopback port of its own (grpc-ledger.ts, `grpcTarget`).
 *
 * It shares the machine with the load generator measuring it, so the request path is kept
 * short: no URL object, one router lookup, one JSON write with an exact Content-Length, and
 * keep-alive held open longer than any client's idle timeout (65 s, headers 66 s) so a run
 * never pays for reconnects the client did not ask for. Injected latency and failures apply to
 * the API routes only; `/`, `/health`, `/ready`, `/live` and the probes answer as fast as Node
 * can (see request-shaper.ts, which also runs the degrade mode).
 */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Server as NetServer } from 'node:net';
import { VolleyError } from '../errors.js';
import { createDemoRouter } from './create-router.js';
import type { DemoRouter } from './handler.js';
import { sendError } from './http-io.js';
import { createDemoFront, startDemoTls } from './http2-listeners.js';
import { type DemoServerOptions, resolveDemoOptions } from './options.js';
import { seededRandom } from '../core/random.js';
import { RequestShaper } from './request-shaper.js';
import { attachDemoWebSockets } from './websocket-endpoints.js';
import { ledgerLatency, startGrpcLedger } from './grpc-ledger.js';

export interface DemoServer {
  /** `http://127.0.0.1:PORT` (the bound address, bracketed when IPv6). */
  url: string;
  port: number;
  /** The gRPC ledger (proto/ledger.proto) on a port of its own: `127.0.0.1:PORT`. */
  grpcTarget: string;
  /**
   * `https://127.0.0.1:PORT`: the same service over TLS (ALPN h2 and http/1.1) with a self-signed
   * test certificate (clients need `insecure`). The plain port also takes h2c with prior knowledge.
   */
  tlsUrl: string;
  /** Stops listening and closes every connection, idle keep-alive ones included. */
  close(): Promise<void>;
  /** Responses fully sent so far. */
  requests(): number;
}

export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
export const HEADERS_TIMEOUT_MS = 66_000;

export async function startDemoServer(options?: DemoServerOptions): Promise<DemoServer> {
  const resolved = resolveDemoOptions(options);
  const router = createDemoRouter(resolved);
  const shaper = new RequestShaper(resolved, seededRandom(resolved.seed));
  let served = 0;
  const countServed = (): void => {
    served++;
  };
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    res.once('finish', countServed);
    handleRequest(req, res, router, shaper);
  };
  const server = createServer({ noDelay: true }, handler);
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  const webSockets = attachDemoWebSockets(server);
  // The port's listener hands each connection to HTTP/1.1 or h2c; https:// listens apart.
  const front = createDemoFront(server, handler);
  await listen(front.server, resolved.port, resolved.host);
  const tls = await startDemoTls(handler, resolved.host);
  const latency = ledgerLatency(resolved.fixedMs, resolved.jitterMs, resolved.seed);
  const grpcLedger = await startGrpcLedger(resolved.host, latency).catch(async (error: unknown) => {
    await Promise.all([front.close(), tls.close()]);
    throw error;
  });

  const address = front.server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostPart}:${address.port}`,
    port: address.port,
    tlsUrl: tls.url,
    grpcTarget: grpcLedger.target,
    requests: () => served,
    close: () => {
      webSockets.close();
      closing ??= Promise.all([front.close(), tls.close(), grpcLedger.close()]).then(() => undefined);
      return closing;
    },
  };
}

function listen(server: NetServer, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const reason = error.code ?? error.message;
      const message = `demo server could not listen on ${host}:${port}: ${reason}`;
      reject(new VolleyError('VOLLEY_E_CONFIG', message, { cause: error }));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  router: DemoRouter,
  shaper: RequestShaper,
): void {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? '' : url.slice(q + 1);
  if (!shaper.active) {
    route(req, res, router, path, query);
    return;
  }
  const { fail, delayMs } = shaper.shape(path);
  const proceed = fail
    ? () => sendError(res, 500, 'injected failure')
    : () => route(req, res, router, path, query);
  if (delayMs <= 0) {
    proceed();
    return;
  }
  const timer = setTimeout(proceed, delayMs);
  res.once('close', () => clearTimeout(timer));
}

function route(
  req: IncomingMessage,
  res: ServerResponse,
  router: DemoRouter,
  path: string,
  query: string,
): void {
  const method = req.method ?? 'GET';
  const match = router.match(method, path);
  switch (match.kind) {
    case 'found': {
      let result: void | Promise<void>;
      try {
        result = match.handler({ req, res, params: match.params, query });
      } catch {
        internalError(res);
        return;
      }
      if (result !== undefined) result.catch(() => internalError(res));
      return;
    }
    case 'method-not-allowed':
      sendError(res, 405, `method ${method} is not allowed on ${path}`, undefined, {
        allow: match.allow.join(', '),
      });
      return;
    case 'not-found':
      sendError(res, 404, `no route for ${method} ${path}`);
      return;
    default: {
      const unreachable: never = match;
      throw new Error(`unhandled route match ${String(unreachable)}`);
    }
  }
}

/** A handler threw: answer 500 if nothing was sent yet, else cut the half-sent response. */
function internalError(res: ServerResponse): void {
  if (res.headersSent) res.destroy();
  else sendError(res, 500, 'internal error');
}
