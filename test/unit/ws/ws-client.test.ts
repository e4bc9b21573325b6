/**
 * The WebSocket client against real loopback servers: a handshake, messages and round trips
 * recorded as CONNECT, RTT and SESSION rows of protocol ws; refused, non-101 and silent
 * handshakes; timeouts of next() and request(); a server that drops the socket; a socket kept
 * across tasks; the user's identity (headers, cookies, subprotocols) in the handshake.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { realClock } from '../../../src/core/clock.js';
import type { UserScope } from '../../../src/protocols/user-scope.js';
import { WsClient, type WsClientOptions } from '../../../src/protocols/ws/index.js';
import { deadPort } from '../../helpers/loopback-server.js';
import { WsRecorder } from './ws-recorder.js';
import { startWsServer, type UpgradeHandler, type WsTestServer } from './ws-test-server.js';

let server: WsTestServer | undefined;
const clients: WsClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.destroy();
  await server?.close();
  server = undefined;
});

async function setUp(onUpgrade?: UpgradeHandler, options: Partial<WsClientOptions> = {}) {
  server = await startWsServer(onUpgrade);
  const recorder = new WsRecorder();
  const user: UserScope = { scope: 0, dueAt: Number.NaN };
  const recorded: Error[] = [];
  const ws = new WsClient({
    recorder,
    clock: realClock,
    user,
    baseUrl: server.url,
    timeoutMs: 2000,
    recorded: (error) => recorded.push(error),
    ...options,
  });
  clients.push(ws);
  return { recorder, user, ws, recorded, server };
}

const byId = (id: number) => (message: string | Buffer) => typeof message === 'string' && (JSON.parse(message) as { id: number }).id === id;

describe('WsClient', () => {
  it('connects, sends, reads and round-trips, recording CONNECT, RTT and SESSION rows of protocol ws', async () => {
    const { recorder, ws } = await setUp();
    const socket = await ws.connect('/chat?room=1');
    expect(socket.name).toBe('/chat');
    socket.send('hello');
    expect(await socket.next()).toBe('hello');
    socket.send(Buffer.from([1, 2, 3]));
    expect(await socket.next()).toEqual(Buffer.from([1, 2, 3]));
    const answer = await socket.request({ id: 7, text: 'ping' }, byId(7));
    expect(JSON.parse(answer as string)).toEqual({ id: 7, text: 'ping' });
    socket.close();
    expect(await socket.closed).toEqual({ code: 1000, reason: '' });

    expect(recorder.samples('CONNECT', '/chat')).toMatchObject([{ failed: false, status: -1 }]);
    expect(recorder.samples('RTT', '/chat')).toMatchObject([{ failed: false }]);
    const session = recorder.samples('SESSION', '/chat');
    const jsonBytes = Buffer.byteLength('{"id":7,"text":"ping"}');
    expect(session).toMatchObject([{ failed: false, bytesOut: 5 + 3 + jsonBytes, bytesIn: 5 + 3 + jsonBytes }]);
    expect(recorder.protocols.every((p) => p === 'ws')).toBe(true);
    expect(recorder.metricSums.get('ws_messages_sent')).toBe(3);
    expect(recorder.metricSums.get('ws_messages_received')).toBe(3);
    expect(recorder.errors).toEqual([]);
  });

  it('delivers a message to listeners, to the request it answers, and otherwise to next() in order', async () => {
    const { ws } = await setUp();
    const socket = await ws.connect('/chat', { name: 'chat' });
    const heard: unknown[] = [];
    const listener = (m: string | Buffer) => heard.push(m);
    socket.on('message', listener);
    socket.send('{"id":1}');
    socket.send('{"id":2}');
    expect(await socket.request('{"id":3}', byId(3))).toBe('{"id":3}');
    expect(await socket.next()).toBe('{"id":1}');
    expect(await socket.next()).toBe('{"id":2}');
    socket.off('message', listener);
    socket.send('x');
    expect(await socket.next()).toBe('x');
    expect(heard).toEqual(['{"id":1}', '{"id":2}', '{"id":3}']);
  });

  it('sends the default headers, its own, the jar cookies for the origin and the subprotocols', async () => {
    const jar = { header: (host: string, path: string, secure: boolean) => (host === '127.0.0.1' && path === '/chat' && !secure ? 'sid=42' : undefined) };
    const { ws, server: s } = await setUp(undefined, { headers: { 'X-Team': 'load', 'user-agent': 'volley' }, jar });
    const socket = await ws.connect('/chat?x=1', { headers: { 'x-team': 'own' }, protocols: ['chat.v2', 'chat.v1'] });
    expect(socket.protocol).toBe('chat.v2');
    const headers = s.handshakes[0]?.headers;
    expect(headers).toMatchObject({ 'x-team': 'own', 'user-agent': 'volley', cookie: 'sid=42', 'sec-websocket-protocol': 'chat.v2,chat.v1' });
  });

  it('counts the handshake from when the iteration was due, and uses the due time up', async () => {
    const { recorder, user, ws } = await setUp();
    user.dueAt = realClock.now() - 80;
    await ws.connect('/chat');
    expect(user.dueAt).toBeNaN();
    expect(recorder.samples('CONNECT', '/chat')[0]?.durationUs).toBeGreaterThanOrEqual(80_000);
  });

  it('fails the CONNECT sample on a refused connection, a non-101 answer and a silent server', async () => {
    const { recorder, ws, recorded } = await setUp((req, socket, accept) => {
      if (req.url === '/forbidden') socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      else if (req.url === '/silent') return;
      else accept(() => undefined);
    });
    const port = await deadPort();
    await expect(ws.connect(`ws://127.0.0.1:${port}/x`, { name: 'dead' })).rejects.toThrow('ECONNREFUSED');
    await expect(ws.connect('/forbidden')).rejects.toThrow('ws.connect() to /forbidden: unexpected status 403');
    await expect(ws.connect('/silent', { timeout: '150ms' })).rejects.toThrow('connect timeout');
    expect(recorder.samples('CONNECT', 'dead')).toMatchObject([{ failed: true }]);
    expect(recorder.samples('CONNECT', '/forbidden')).toMatchObject([{ failed: true }]);
    const silent = recorder.samples('CONNECT', '/silent');
    expect(silent).toMatchObject([{ failed: true }]);
    expect(silent[0]?.durationUs).toBeGreaterThanOrEqual(140_000);
    expect(recorder.errorsOf('CONNECT')).toEqual(['ECONNREFUSED', 'unexpected status 403', 'connect timeout']);
    expect(recorded).toHaveLength(3);
  });

  it('rejects next() on its timeout, and fails the RTT sample of a request() that times out', async () => {
    const { recorder, ws, recorded } = await setUp((_req, _socket, accept) => accept(() => undefined));
    const socket = await ws.connect('/quiet');
    await expect(socket.next({ timeout: 0.1 })).rejects.toThrow('ws.next(): no message on /quiet within 100ms');
    await expect(socket.request('ping', () => true, { timeout: '100ms', name: 'ping' })).rejects.toThrow('ws.request() on /quiet: response timeout');
    expect(recorder.samples('RTT', 'ping')).toMatchObject([{ failed: true }]);
    expect(recorder.samples('RTT', 'ping')[0]?.durationUs).toBeGreaterThanOrEqual(95_000);
    expect(recorder.errorsOf('RTT')).toEqual(['response timeout']);
    expect(recorded).toHaveLength(1);
    expect(socket.open).toBe(true);
  });

  it('expires long timeouts (10 s and more) by its sweep rather than a timer each', async () => {
    let offset = 0;
    const clock = { now: () => realClock.now() + offset };
    const { recorder, ws } = await setUp((_req, _socket, accept) => accept(() => undefined), { clock, timeoutMs: 60_000 });
    const socket = await ws.connect('/quiet');
    const waiting = socket.next();
    const answer = socket.request('ping', () => true, { timeout: 10 });
    const short = socket.next({ timeout: '9s' });
    offset = 10_001;
    ws.sweep();
    await expect(answer).rejects.toThrow('response timeout');
    offset = 60_001;
    ws.sweep();
    await expect(waiting).rejects.toThrow('no message on /quiet within 1m');
    expect(recorder.samples('RTT', '/quiet')).toMatchObject([{ failed: true }]);
    // A short timeout has its own timer: the sweep leaves it be.
    socket.close();
    await expect(short).rejects.toThrow('closed (1000)');
  });

  it('fails the session with abnormal close 1006 when the server drops the socket, rejecting what waits', async () => {
    const { recorder, ws } = await setUp((_req, _socket, accept) => accept((s) => s.on('message', () => s.terminate())));
    const socket = await ws.connect('/chat');
    const waiting = socket.next();
    const answer = socket.request('drop me', () => true);
    await expect(waiting).rejects.toThrow('ws.next(): the socket /chat closed (1006) before a message arrived');
    await expect(answer).rejects.toThrow('closed before the answer (1006)');
    expect(await socket.closed).toEqual({ code: 1006, reason: '' });
    await expect(socket.next()).rejects.toThrow('closed (1006)');
    expect(() => socket.send('late')).toThrow('ws.send(): the socket /chat is closed');
    await expect(socket.request('late', () => true)).rejects.toThrow('socket closed');
    expect(recorder.samples('SESSION', '/chat')).toMatchObject([{ failed: true }]);
    expect(recorder.errorsOf('SESSION')).toEqual(['abnormal close 1006']);
    expect(recorder.samples('RTT', '/chat')).toMatchObject([{ failed: true }, { failed: true }]);
  });

  it('fails a session the server closes with an unasked code, not one the user asked for', async () => {
    const { recorder, ws } = await setUp((req, _socket, accept) =>
      accept((s) => (req.url === '/kick' ? s.close(4001, 'kicked') : s.on('close', () => undefined))),
    );
    const kicked = await ws.connect('/kick');
    expect(await kicked.closed).toEqual({ code: 4001, reason: 'kicked' });
    const own = await ws.connect('/own');
    own.close(4002, 'bye');
    expect((await own.closed).code).toBe(4002);
    expect(recorder.samples('SESSION', '/kick')).toMatchObject([{ failed: true }]);
    expect(recorder.samples('SESSION', '/own')).toMatchObject([{ failed: false }]);
    expect(recorder.errorsOf('SESSION')).toEqual(['abnormal close 4001']);
  });

  it('keeps a socket across tasks: each round trip records in the scope current when it starts', async () => {
    const { recorder, user, ws } = await setUp();
    user.scope = 1;
    const socket = await ws.connect('/chat');
    await socket.request('{"id":1}', byId(1));
    user.scope = 2;
    await socket.request('{"id":2}', byId(2));
    await socket.request('{"id":3}', byId(3), { name: 'three' });
    await ws.close();
    const rtt = recorder.records.filter((r) => recorder.rowOf(r).method === 'RTT').map((r) => recorder.rowOf(r));
    expect(rtt).toEqual([
      { scope: 1, method: 'RTT', name: '/chat' },
      { scope: 2, method: 'RTT', name: '/chat' },
      { scope: 2, method: 'RTT', name: 'three' },
    ]);
    const session = recorder.records.filter((r) => recorder.rowOf(r).method === 'SESSION');
    expect(session.map((r) => [recorder.rowOf(r).scope, r.failed])).toEqual([[1, false]]);
  });

  it('closes every open socket when the user ends, and drops them when the run is killed', async () => {
    const { recorder, ws, server: s } = await setUp();
    const a = await ws.connect('/a');
    const b = await ws.connect('/b');
    await ws.close();
    expect([(await a.closed).code, (await b.closed).code]).toEqual([1000, 1000]);
    await expect(ws.connect('/c')).rejects.toThrow('closed');
    expect(recorder.samples('SESSION', '/a')).toMatchObject([{ failed: false }]);
    expect(s.sockets).toHaveLength(2);

    const { ws: other } = await setUp();
    const c = await other.connect('/c');
    await other.destroy();
    expect((await c.closed).code).toBe(1006);
  });
});
