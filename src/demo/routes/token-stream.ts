/**
 * A Server-Sent Events route like an LLM's token stream, for SSE load tests:
 * `GET /stream/tokens?count=20&delay=25` sends `count` events (`event: token`, `id: 1`…, data
 * `{"index":1,"token":"The"}`), one every `delay` ms (the first too, so the time to the first event
 * is about `delay`), then ends. Optional `retry=<ms>` sends that reconnection delay first.
 *
 * It resumes as EventSource expects: a request with `Last-Event-ID: n` continues after event n,
 * and one past the last event gets 204 No Content, which tells a client the stream is over.
 */

import type { DemoRouter, RequestContext } from '../handler.js';
import { sendEmpty, sendError } from '../http-io.js';

export const MAX_STREAM_EVENTS = 10_000;
export const MAX_STREAM_DELAY_MS = 60_000;

const TOKENS = ['The', ' quick', ' load', ' test', ' sends', ' many', ' tokens', ' to', ' see', ' how', ' the', ' stream', ' holds', '.'];
const INTEGER = /^\d{1,9}$/;

export function registerTokenStreamRoutes(router: DemoRouter): void {
  router.add('GET', '/stream/tokens', tokenStream);
}

function tokenStream({ req, res, query }: RequestContext): void {
  const params = new URLSearchParams(query);
  const count = bounded(params.get('count') ?? '20', MAX_STREAM_EVENTS);
  const delay = bounded(params.get('delay') ?? '25', MAX_STREAM_DELAY_MS);
  const retry = params.has('retry') ? bounded(params.get('retry') ?? '', MAX_STREAM_DELAY_MS) : -1;
  if (count === undefined || delay === undefined || retry === undefined) {
    sendError(res, 400, `count (0 to ${MAX_STREAM_EVENTS}), delay and retry (0 to ${MAX_STREAM_DELAY_MS} ms) must be integers`);
    return;
  }
  const lastId = req.headers['last-event-id'];
  let index = typeof lastId === 'string' && INTEGER.test(lastId) ? Number(lastId) : 0;
  if (index >= count) {
    sendEmpty(res, 204);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(retry >= 0 ? `retry: ${retry}\n\n` : ':\n\n');
  const send = (): void => {
    index++;
    const token = TOKENS[(index - 1) % TOKENS.length] as string;
    res.write(`event: token\nid: ${index}\ndata: ${JSON.stringify({ index, token })}\n\n`);
    if (index >= count) res.end();
    else timer = setTimeout(send, delay);
  };
  let timer = setTimeout(send, delay);
  // A client that goes away (or a server closing) must not leave a timer writing to nothing.
  res.once('close', () => clearTimeout(timer));
}

/** A non-negative integer no larger than `max`, or undefined. */
function bounded(text: string, max: number): number | undefined {
  if (!INTEGER.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
}
