/**
 * wss:// through the WebSocket client: a relative URL on an https host goes over TLS, a
 * self-signed certificate fails the handshake with its code unless the scenario is `insecure`.
 */

import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { realClock } from '../../../src/core/clock.js';
import { WsClient } from '../../../src/protocols/ws/index.js';
import { WsRecorder } from './ws-recorder.js';

const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../../fixtures/tls/${name}`, import.meta.url)));

let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer({ key: fixture('key.pem'), cert: fixture('cert.pem') });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => ws.on('message', (data) => ws.send(String(data))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

function client(insecure: boolean): { ws: WsClient; recorder: WsRecorder } {
  const recorder = new WsRecorder();
  const ws = new WsClient({ recorder, clock: realClock, user: { scope: 0, dueAt: Number.NaN }, baseUrl: url, insecure, timeoutMs: 2000 });
  return { ws, recorder };
}

describe('wss', () => {
  it('refuses a self-signed certificate by default, naming its code', async () => {
    const { ws, recorder } = client(false);
    await expect(ws.connect('/secure')).rejects.toThrow('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(recorder.errorsOf('CONNECT')).toEqual(["DEPTH_ZERO_SELF_SIGNED_CERT: the target's TLS certificate is not trusted (--insecure accepts it on a test system)"]);
  });

  it('with insecure, round-trips over TLS', async () => {
    const { ws } = client(true);
    const socket = await ws.connect('/secure');
    expect(await socket.request('hi', (m) => m === 'hi')).toBe('hi');
    await ws.close();
  });
});
