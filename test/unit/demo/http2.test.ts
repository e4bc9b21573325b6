/**
 * The demo target over HTTP/2: h2c with prior knowledge on its plain port (beside HTTP/1.1 on the
 * same port), and https:// with ALPN h2 and http/1.1 and the loopback test certificate, all
 * answering through the same router and counted alike. Reached with volley's own client.
 */

import { request as httpsRequest } from 'node:https';
import { describe, expect, it } from 'vitest';
import { startDemoServer } from '../../../src/demo/index.js';
import { HttpClient } from '../../../src/protocols/http/index.js';
import { FakeRecorder } from '../http/fake-recorder.js';

describe('the demo target over HTTP/2', () => {
  it('answers h2c and HTTP/1.1 on its port, and h2 and HTTP/1.1 over TLS', async () => {
    const demo = await startDemoServer();
    const recorder = new FakeRecorder();
    const h2c = new HttpClient({ recorder, baseUrl: demo.url, httpVersion: 2 });
    const h1 = new HttpClient({ recorder, baseUrl: demo.url });
    const tls = new HttpClient({ recorder, baseUrl: demo.tlsUrl, httpVersion: 2, insecure: true });
    try {
      expect(demo.tlsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const responses = await Promise.all([h2c.get('/health'), h2c.get('/health'), h1.get('/health'), tls.get('/health')]);
      expect(responses.map((r) => [r.status, r.failed])).toEqual(Array(4).fill([200, false]));
      expect(responses[0]?.headers['content-type']).toContain('application/json');
      // HTTP/1.1 over TLS: ALPN falls back for clients that do not offer h2.
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpsRequest(`${demo.tlsUrl}/health`, { rejectUnauthorized: false }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(demo.requests()).toBe(5);
    } finally {
      await Promise.all([h2c.close(), h1.close(), tls.close()]);
      await demo.close();
    }
  });
});
