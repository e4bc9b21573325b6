/**
 * Compression as browsers, k6 and Python's requests use it: volley asks for gzip, deflate and br
 * by default (in the cached request head), decodes a body only when the script reads it, and
 * counts wire bytes. A body it cannot decode, or one that inflates past maxBodySize, is a clear
 * error when read.
 */

import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient, type HttpClientOptions } from '../../src/protocols/http/index.js';
import { FakeRecorder } from '../unit/http/fake-recorder.js';
import { type HostileServer, startHostileServer } from './hostile-server.js';

const TEXT = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `item ${i}` })) });
const ENCODERS: Record<string, (input: Buffer) => Buffer> = {
  gzip: gzipSync,
  deflate: deflateSync,
  'deflate (raw)': deflateRawSync,
  br: brotliCompressSync,
};

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Answers `/<coding>` with TEXT encoded so, and `/plain` as is. */
async function target(): Promise<HostileServer> {
  const server = await startHostileServer((request) => {
    const name = decodeURIComponent(request.target.slice(1));
    const encode = ENCODERS[name];
    if (name === 'corrupt') return reply(Buffer.from('not gzip at all'), 'gzip');
    if (name === 'bomb') return reply(gzipSync(Buffer.alloc(64 * 1024 * 1024)), 'gzip');
    if (encode === undefined) return reply(Buffer.from(TEXT), undefined);
    return reply(encode(Buffer.from(TEXT)), name.startsWith('deflate') ? 'deflate' : name);
  });
  cleanups.push(() => server.close());
  return server;
}

function reply(body: Buffer, coding: string | undefined) {
  const head = `HTTP/1.1 200 OK\r\ncontent-length: ${body.length}\r\n${coding === undefined ? '' : `content-encoding: ${coding}\r\n`}\r\n`;
  return { kind: 'raw' as const, bytes: Buffer.concat([Buffer.from(head), body]) };
}

function client(url: string, options: Partial<HttpClientOptions> = {}): { http: HttpClient; recorder: FakeRecorder } {
  const recorder = new FakeRecorder();
  const http = new HttpClient({ baseUrl: url, recorder, timeoutMs: 5000, ...options });
  cleanups.push(() => http.destroy());
  return { http, recorder };
}

describe('accept-encoding and decoding', () => {
  it('asks for gzip, deflate and br by default, in every (cached) request head', async () => {
    const server = await target();
    const { http } = client(server.url);
    await http.get('/plain');
    await http.get('/plain');
    expect(server.requests.map((r) => r.headers['accept-encoding'])).toEqual(['gzip, deflate, br', 'gzip, deflate, br']);
  });

  it('sends the configured list, none when switched off, and a header the script set wins', async () => {
    const server = await target();
    await client(server.url, { acceptEncoding: 'gzip' }).http.get('/plain');
    await client(server.url, { acceptEncoding: false }).http.get('/plain');
    await client(server.url, { headers: { 'Accept-Encoding': 'br' } }).http.get('/plain');
    await client(server.url).http.get('/plain', { headers: { 'accept-encoding': 'identity' } });
    expect(server.requests.map((r) => r.headers['accept-encoding'])).toEqual(['gzip', undefined, 'br', 'identity']);
  });

  it.each(Object.keys(ENCODERS))('decodes a %s body when read, and counts wire bytes', async (coding) => {
    const server = await target();
    const { http, recorder } = client(server.url);
    const res = await http.get(`/${encodeURIComponent(coding)}`);
    expect(res.status).toBe(200);
    expect(res.bodySize).toBeLessThan(TEXT.length);
    expect(res.text()).toBe(TEXT);
    expect(res.json()).toEqual(JSON.parse(TEXT));
    expect(res.body.length).toBe(TEXT.length);
    expect(recorder.records[0]?.bytesIn).toBeLessThan(TEXT.length);
    // Decoded once, however often it is read, with both sizes for the run's totals.
    expect(recorder.decoded).toEqual([[res.bodySize, TEXT.length]]);
  });

  it('counts no decoding for a plain body, nor for a compressed body nobody read', async () => {
    const server = await target();
    const { http, recorder } = client(server.url);
    expect((await http.get('/plain')).text()).toBe(TEXT);
    await http.get('/gzip');
    expect(recorder.decoded).toEqual([]);
  });

  it('a body that cannot be decoded is a clear error when read, not a failed request', async () => {
    const server = await target();
    const { http, recorder } = client(server.url);
    const res = await http.get('/corrupt');
    expect(res.ok).toBe(true);
    expect(recorder.records[0]?.failed).toBe(false);
    expect(() => res.text()).toThrow(/response to GET \/corrupt \(HTTP 200\): cannot decode the gzip body/);
  });

  it('refuses to inflate a body past maxBodySize (a decompression bomb)', async () => {
    const server = await target();
    const { http } = client(server.url, { maxBodySize: 1024 * 1024 });
    const res = await http.get('/bomb');
    expect(res.bodySize).toBeLessThan(1024 * 1024);
    expect(() => res.body).toThrow(/decodes to more than maxBodySize \(1048576 bytes\)/);
  });
});
