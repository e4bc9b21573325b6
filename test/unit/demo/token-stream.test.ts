import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../../src/demo/index.js';
import { HttpClient } from '../../../src/protocols/http/index.js';
import { SseRecorder } from '../sse/sse-recorder.js';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo.close());

/** The ids of the events in a whole stream's text. */
function ids(text: string): string[] {
  return [...text.matchAll(/^id: (\d+)$/gm)].map((m) => m[1] as string);
}

describe('demo token stream', () => {
  it('sends count token events, delay apart, then ends', async () => {
    const started = performance.now();
    const res = await fetch(`${demo.url}/stream/tokens?count=4&delay=10`);
    const text = await res.text();
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(ids(text)).toEqual(['1', '2', '3', '4']);
    expect(text).toContain('event: token\nid: 1\ndata: {"index":1,"token":"The"}\n\n');
  });

  it('resumes after Last-Event-ID, and answers 204 past the last event', async () => {
    const resumed = await fetch(`${demo.url}/stream/tokens?count=5&delay=0&retry=20`, { headers: { 'last-event-id': '3' } });
    const text = await resumed.text();
    expect(text.startsWith('retry: 20\n\n')).toBe(true);
    expect(ids(text)).toEqual(['4', '5']);
    const over = await fetch(`${demo.url}/stream/tokens?count=5`, { headers: { 'last-event-id': '5' } });
    expect(over.status).toBe(204);
  });

  it('refuses counts and delays out of range', async () => {
    expect((await fetch(`${demo.url}/stream/tokens?count=-1`)).status).toBe(400);
    expect((await fetch(`${demo.url}/stream/tokens?delay=99999999`)).status).toBe(400);
  });

  it("ends a default (reconnecting) vu.http.sse() loop at the server's 204", async () => {
    const recorder = new SseRecorder();
    const http = new HttpClient({ baseUrl: demo.url, recorder });
    const stream = http.sse('/stream/tokens', { query: { count: 3, delay: 5, retry: 10 } });
    const tokens: string[] = [];
    for await (const event of stream) tokens.push((JSON.parse(event.data) as { token: string }).token);
    expect(tokens).toEqual(['The', ' quick', ' load']);
    expect(stream.reconnects).toBe(1);
    expect(stream.failed).toBe(false);
    expect(recorder.records.map((r) => [r.status, r.failed])).toEqual([[200, false]]);
    await http.close();
  });
});
