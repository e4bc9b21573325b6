/**
 * HTTP/2 servers for the HTTP/2 client's tests: `node:http2` on 127.0.0.1 and port 0, h2c (prior
 * knowledge) or TLS with the self-signed test certificate in test/fixtures/tls. Each counts the
 * requests it answered and the streams open at once (its peak), and closes every session when
 * the test closes it.
 */

import { readFileSync } from 'node:fs';
import {
  createSecureServer,
  createServer,
  type Http2Server,
  type Http2ServerRequest,
  type Http2ServerResponse,
  type Http2Session,
  type ServerHttp2Stream,
  type Settings,
} from 'node:http2';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export type H2Handler = (req: Http2ServerRequest, res: Http2ServerResponse) => void;

export interface H2TestServer {
  url: string;
  /** Requests (streams) received so far. */
  requests(): number;
  /** The most streams open at once on any one session. */
  peakStreams(): number;
  /** Sessions accepted so far. */
  sessions(): number;
  /** The sessions open now (to kill one mid-request). */
  open(): Http2Session[];
  close(): Promise<void>;
}

const fixture = (name: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/tls/${name}`, import.meta.url)));

export async function startH2Server(
  handler: H2Handler,
  options: { tls?: boolean; settings?: Settings } = {},
): Promise<H2TestServer> {
  const server: Http2Server = options.tls
    ? createSecureServer({ key: fixture('key.pem'), cert: fixture('cert.pem'), settings: options.settings }, handler)
    : createServer({ settings: options.settings }, handler);
  let requests = 0;
  let peak = 0;
  let sessions = 0;
  const open = new Set<Http2Session>();
  const streamsOpen = new Map<Http2Session, number>();
  server.on('session', (session: Http2Session) => {
    sessions++;
    open.add(session);
    streamsOpen.set(session, 0);
    session.on('close', () => open.delete(session));
    session.on('error', () => undefined);
  });
  server.on('stream', (stream: ServerHttp2Stream) => {
    requests++;
    const session = stream.session as Http2Session;
    const now = (streamsOpen.get(session) ?? 0) + 1;
    streamsOpen.set(session, now);
    peak = Math.max(peak, now);
    stream.on('error', () => undefined);
    stream.on('close', () => streamsOpen.set(session, (streamsOpen.get(session) ?? 1) - 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests: () => requests,
    peakStreams: () => peak,
    sessions: () => sessions,
    open: () => [...open],
    close: () =>
      new Promise<void>((resolve) => {
        for (const session of open) session.destroy();
        server.close(() => resolve());
      }),
  };
}
