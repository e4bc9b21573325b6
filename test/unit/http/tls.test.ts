/**
 * HTTPS through volley's own HTTP/1.1 client: a certificate it cannot trust is a clear, counted
 * error (never a crash) that names the way past it; with `insecure` the requests go through, and
 * keep-alive holds over TLS as over TCP.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/protocols/http/index.js';
import { startTlsServer, type TlsServer } from '../../helpers/tls-server.js';
import { FakeRecorder } from './fake-recorder.js';

let server: TlsServer;
beforeAll(async () => {
  server = await startTlsServer((req, res) => res.end(`secure ${req.url ?? ''}`));
});
afterAll(() => server.close());

describe('HTTPS', () => {
  it('refuses a self-signed certificate by default, as a failed request naming --insecure', async () => {
    const recorder = new FakeRecorder();
    const http = new HttpClient({ baseUrl: server.url, recorder });
    const res = await http.get('/x');
    expect(res.status).toBe(0);
    expect(res.failed).toBe(true);
    expect(recorder.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/self-signed certificate.*not trusted.*--insecure/) as string,
    ]);
    await http.close();
  });

  it('with insecure, sends requests one after another over one TLS connection', async () => {
    const before = server.connections();
    const http = new HttpClient({ baseUrl: server.url, recorder: new FakeRecorder(), insecure: true });
    for (let i = 0; i < 5; i++) {
      const res = await http.get(`/n/${i}`);
      expect([res.status, res.text()]).toEqual([200, `secure /n/${i}`]);
    }
    expect(server.connections() - before).toBe(1);
    await http.close();
  });
});
