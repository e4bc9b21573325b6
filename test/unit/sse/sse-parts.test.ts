/**
 * The pure parts of a stream: where its URL points and what its row is named, which answers are no
 * event stream, and how network errors read; and a stream over TLS, refused or let through.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/protocols/http/index.js';
import { errorText, refusalOf } from '../../../src/protocols/sse/sse-connection.js';
import { streamUrl } from '../../../src/protocols/sse/stream-url.js';
import { startTlsServer, type TlsServer } from '../../helpers/tls-server.js';
import { SseRecorder } from './sse-recorder.js';

describe('streamUrl', () => {
  const base = new URL('http://127.0.0.1:8000/api/');

  it('joins a path to the base path and appends the query, naming the row by the path', () => {
    const { url, name } = streamUrl('/stream?x=1#frag', base, { count: 3, tag: ['a b', 'c'], skip: undefined, none: null });
    expect(url.href).toBe('http://127.0.0.1:8000/api/stream?x=1&count=3&tag=a%20b&tag=c');
    expect(name).toBe('/api/stream');
  });

  it('names a stream on another origin with that origin', () => {
    expect(streamUrl('https://events.test/feed', base, undefined).name).toBe('https://events.test/feed');
    expect(streamUrl('HTTP://127.0.0.1:8000/x', base, undefined).name).toBe('/x');
  });

  it('refuses a relative URL without a host, and anything but a path or http(s) URL', () => {
    expect(() => streamUrl('/x', undefined, undefined)).toThrow(/needs a base URL/);
    expect(() => streamUrl('ws://h/x', base, undefined)).toThrow(/must be a path/);
  });
});

describe('refusalOf and errorText', () => {
  it('takes 2xx text/event-stream answers, with or without parameters, in any case', () => {
    expect(refusalOf(200, 'text/event-stream')).toBeUndefined();
    expect(refusalOf(201, 'Text/Event-Stream; charset=utf-8')).toBeUndefined();
  });

  it('names the status or the media type of anything else, without its parameters', () => {
    expect(refusalOf(503, 'text/event-stream')).toBe('unexpected status 503');
    expect(refusalOf(302, undefined)).toBe('unexpected status 302');
    expect(refusalOf(200, 'text/html; charset=utf-8')).toBe('not an event stream (content-type text/html)');
    expect(refusalOf(200, undefined)).toBe('not an event stream (content-type none)');
  });

  it('reads a network error by its code, never its address', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(errorText(refused)).toBe('ECONNREFUSED');
    expect(errorText(new Error('socket hang up'))).toBe('socket hang up');
  });
});

describe('over TLS', () => {
  let server: TlsServer;
  beforeAll(async () => {
    server = await startTlsServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('data: secure\n\n');
    });
  });
  afterAll(() => server.close());

  it('refuses a self-signed certificate by default, naming --insecure, and reads the stream with insecure', async () => {
    const strict = new HttpClient({ baseUrl: server.url, recorder: new SseRecorder() });
    const refused = strict.sse('/events', { reconnect: false });
    for await (const _ of refused) throw new Error('no event expected');
    expect(refused.error).toMatch(/^DEPTH_ZERO_SELF_SIGNED_CERT: .*not trusted.*--insecure/);
    const insecure = new HttpClient({ baseUrl: server.url, recorder: new SseRecorder(), insecure: true });
    const data: string[] = [];
    for await (const event of insecure.sse('/events', { reconnect: false })) data.push(event.data);
    expect(data).toEqual(['secure']);
  });
});
