import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { PROMETHEUS_CONTENT_TYPE, PrometheusOutput } from '../../../../src/outputs/prometheus/index.js';
import { fixtureResult } from '../fixture-result.js';
import { parseExposition } from './exposition-grammar.js';
import { progress, row, startInfo } from './live-progress-fixture.js';

let output: PrometheusOutput | undefined;

afterEach(async () => {
  await output?.close();
  output = undefined;
});

async function scrape(url: string): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('PrometheusOutput', () => {
  it('serves the latest state on /metrics from 127.0.0.1, port 0', async () => {
    output = new PrometheusOutput({ host: '127.0.0.1', port: 0, scenario: 'checkout' });
    const url = await output.listen();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(url).not.toMatch(/:0\//);

    const before = await scrape(url);
    expect(before.status).toBe(200);
    expect(before.type).toBe(PROMETHEUS_CONTENT_TYPE);
    expect(before.text).toContain('\nvolley_users{run="checkout"} 0\n');
    expect(before.text).not.toContain('volley_requests_total');
    expect(() => parseExposition(before.text)).not.toThrow();

    output.onStart(startInfo());
    output.onProgress(progress({ endpoints: [row({ requests: 10 })] }));
    output.onProgress(progress({ endpoints: [row({ requests: 25 })], users: 7 }));
    const during = await scrape(url);
    // Only the latest progress counts.
    expect(during.text).toContain(
      '\nvolley_requests_total{run="checkout",user_class="Shopper",method="GET",name="/cart"} 25\n',
    );
    expect(during.text).toContain('\nvolley_users{run="checkout"} 7\n');
    expect(during.text).toContain('\nvolley_run_phase{run="checkout",phase="running"} 1\n');
    expect(during.text).toBe(output.render());

    output.onEnd(fixtureResult());
    const after = await scrape(`${url}?after=end`);
    expect(after.text).toContain(
      '\nvolley_requests_total{run="checkout",user_class="Shopper",method="GET",name="/cart"} 25\n',
    );
    expect(after.text).toContain('\nvolley_run_phase{run="checkout",phase="finished"} 1\n');
    expect(after.text).toContain('\nvolley_run_passed{run="checkout"} 0\n');
    expect(after.text).toContain('\nvolley_threshold_passed{run="checkout",threshold="p95<300ms"} 1\n');
    expect(() => parseExposition(after.text)).not.toThrow();

    await output.close();
    await expect(fetch(url)).rejects.toThrow();
  });

  it('answers 404 elsewhere and 405 to other methods on /metrics', async () => {
    output = new PrometheusOutput({ host: '127.0.0.1', port: 0, scenario: 'checkout' });
    const url = await output.listen();
    const origin = new URL(url).origin;
    for (const path of ['/', '/metric', '/metrics/', '/favicon.ico']) {
      expect((await fetch(`${origin}${path}`)).status, path).toBe(404);
    }
    const post = await fetch(url, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('on loopback, answers only a Host that names it (no DNS rebinding)', async () => {
    output = new PrometheusOutput({ host: '127.0.0.1', port: 0, scenario: 'checkout' });
    const { port } = new URL(await output.listen());
    const status = (host: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/metrics', headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect(await status(host), host).toBe(200);
    }
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.1:${Number(port) + 1}`]) {
      expect(await status(host), host).toBe(403);
    }
  });

  it('fails to listen on a port in use, and closes without having listened', async () => {
    output = new PrometheusOutput({ host: '127.0.0.1', port: 0, scenario: 'a' });
    const port = Number(new URL(await output.listen()).port);
    const second = new PrometheusOutput({ host: '127.0.0.1', port, scenario: 'b' });
    await expect(second.listen()).rejects.toThrow(/EADDRINUSE/);
    await expect(second.close()).resolves.toBeUndefined();
    await expect(new PrometheusOutput({ host: '127.0.0.1', port: 0, scenario: 'c' }).close()).resolves.toBeUndefined();
  });
});
