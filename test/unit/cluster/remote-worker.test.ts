/** A remote worker's socket loop against a coordinator stand-in: hello first, then how it ended. */

import { afterEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { joinCoordinator } from '../../../src/cluster/remote-worker.js';

let server: WebSocketServer | undefined;

afterEach(async () => {
  // A refused worker leaves its socket for the process exit to close; end it here.
  for (const client of server?.clients ?? []) client.terminate();
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  server = undefined;
});

async function coordinator(onHello: (socket: WebSocket, hello: unknown) => void): Promise<string> {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server?.once('listening', () => resolve()));
  server.on('connection', (socket) => socket.once('message', (data) => onHello(socket, JSON.parse(String(data)))));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return `ws://127.0.0.1:${address.port}`;
}

const quiet = { token: 'secret', connectTimeoutMs: 1000, volleyEntry: '/nonexistent/index.js' };

describe('joinCoordinator', () => {
  it('says hello with its token and ends refused when the coordinator refuses it', async () => {
    let hello: unknown;
    const url = await coordinator((socket, message) => {
      hello = message;
      socket.send(JSON.stringify({ type: 'refused', reason: 'wrong token' }));
    });
    const write = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(await joinCoordinator({ url, ...quiet })).toBe('refused');
    } finally {
      process.stderr.write = write;
    }
    expect(hello).toMatchObject({ type: 'hello', token: 'secret' });
  });

  it('leaves the run, failed, on a message it cannot decode', async () => {
    const url = await coordinator((socket) => socket.send('{"type":"nonsense"}'));
    const write = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(await joinCoordinator({ url, ...quiet })).toBe('failed');
    } finally {
      process.stderr.write = write;
    }
  });
});
