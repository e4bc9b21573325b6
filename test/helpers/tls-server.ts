/**
 * An HTTPS server on 127.0.0.1 and port 0 with the self-signed test certificate in
 * test/fixtures/tls (CN localhost, SAN 127.0.0.1 and localhost, valid for a century), counting
 * its TLS connections. For tests of volley's TLS client; closed by the test.
 */

import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const fixture = (name: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`../fixtures/tls/${name}`, import.meta.url)));

export interface TlsServer {
  url: string;
  /** TLS connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

export async function startTlsServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TlsServer> {
  const server = createServer({ key: fixture('key.pem'), cert: fixture('cert.pem') }, handler);
  let connections = 0;
  server.on('secureConnection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
