/**
 * The demo's WebSocket endpoints through a plain `ws` client: /chat echoes after its delay,
 * /notifications pushes on its period, other paths are refused, and closing the demo drops
 * open sockets rather than wait for them.
 */

import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type DemoServer, startDemoServer } from '../../../src/demo/index.js';

let demo: DemoServer | undefined;
afterEach(async () => {
  await demo?.close();
  demo = undefined;
});

async function open(path: string): Promise<WebSocket> {
  demo ??= await startDemoServer({ port: 0 });
  const ws = new WebSocket(demo.url.replace('http', 'ws') + path);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return ws;
}

function nextMessage(ws: WebSocket): Promise<string> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(String(data))));
}

describe('demo WebSocket endpoints', () => {
  it('/chat echoes each message, its id with it, after the delay asked for', async () => {
    const ws = await open('/chat?delay=30');
    const started = performance.now();
    ws.send('{"id":5,"text":"hi"}');
    expect(JSON.parse(await nextMessage(ws))).toEqual({ id: 5, text: 'hi' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    ws.send(Buffer.from([9]));
    const binary = await new Promise<[unknown, boolean]>((resolve) => ws.once('message', (d, isBinary) => resolve([d, isBinary])));
    expect(binary).toEqual([Buffer.from([9]), true]);
  });

  it('/notifications pushes numbered messages every few ms', async () => {
    const ws = await open('/notifications?every=20');
    const first = JSON.parse(await nextMessage(ws)) as { seq: number; at: number };
    const second = JSON.parse(await nextMessage(ws)) as { seq: number };
    expect([first.seq, second.seq]).toEqual([1, 2]);
    expect(first.at).toBeGreaterThan(0);
  });

  it('refuses other paths with 404, and closing the demo drops open sockets', async () => {
    await expect(open('/nope')).rejects.toThrow('Unexpected server response: 404');
    const ws = await open('/chat');
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    await demo?.close();
    demo = undefined;
    expect(await closed).toBe(1006);
  });
});
