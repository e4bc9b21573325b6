/**
 * `volley run --prometheus`: a scraper reads the run's live counters from /metrics while it runs;
 * a bad address names the flag. After the run, `--prometheus-linger` keeps the final figures
 * (the verdict) served a while, and `--prometheus-push` PUTs them to a Pushgateway-compatible URL.
 */

import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let target: LoopbackServer;
beforeAll(async () => {
  target = await startServer((_req, res) => setTimeout(() => res.end('ok'), 2));
});
afterAll(() => target.close());

const SCENARIO = `
import { constant, defineScenario, defineUser } from 'volley';
export const Reader = defineUser({ wait: constant('10ms'), tasks: { read: ({ http }) => http.get('/items') } });
export default defineScenario({ name: 'scraped', users: [Reader], load: { users: 2, duration: '4s' } });
`;

describe('volley run --prometheus', () => {
  it('serves the live counters on /metrics during the run', async () => {
    const file = writeScenario(tempDir(), 'load.ts', SCENARIO);
    let resolveUrl: (url: string) => void = () => undefined;
    const url = new Promise<string>((resolve) => {
      resolveUrl = resolve;
    });
    const exit = runCli(['run', file, '-H', target.url, '--prometheus', '0', '-q'], {
      onSpawn: (child: ChildProcess) => {
        let stderr = '';
        child.stderr?.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const found = /Prometheus metrics: (http:\/\/\S+\/metrics)/.exec(stderr);
          if (found?.[1] !== undefined) resolveUrl(found[1]);
        });
      },
    });
    const metrics = await url;
    // Scrape as Prometheus would, until the run has counted some requests (however long a busy
    // machine takes to start it).
    const row = /^volley_requests_total\{run="scraped",user_class="Reader",method="GET",name="\/items"\} (\d+)$/m;
    let text = '';
    for (let attempt = 0; attempt < 30 && !(Number(row.exec(text)?.[1]) > 10); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const scrape = await fetch(metrics);
      expect(scrape.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      text = await scrape.text();
    }
    expect(Number(row.exec(text)?.[1])).toBeGreaterThan(10);
    expect(text).toMatch(/^volley_users\{run="scraped"\} 2$/m);
    expect((await exit).code).toBe(0);
  });

  it('--prometheus-linger keeps the verdict served after the run, until the linger ends', async () => {
    const file = writeScenario(tempDir(), 'short.ts', SCENARIO.replace("duration: '4s'", "duration: '1s'"));
    let stdout = '';
    let metrics = '';
    let scraped = '';
    const exit = runCli(['run', file, '-H', target.url, '--prometheus', '0', '--prometheus-linger', '20s', '-q'], {
      onSpawn: (child: ChildProcess) => {
        child.stderr?.on('data', (chunk: Buffer) => {
          metrics ||= /Prometheus metrics: (http:\/\/\S+\/metrics)/.exec(chunk.toString())?.[1] ?? '';
          // The summary is printed and the run is over: scrape once, then end the linger early.
          if (/stay up for 20s/.test(chunk.toString()))
            void fetch(metrics)
              .then((r) => r.text())
              .then((text) => {
                scraped = text;
                child.kill('SIGINT');
              });
        });
        child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      },
    });
    const cli = await exit;
    expect(cli.code).toBe(0);
    expect(stdout).toMatch(/passed|PASSED/);
    expect(scraped).toMatch(/^volley_run_passed\{run="scraped"\} 1$/m);
    expect(scraped).toMatch(/^volley_run_phase\{run="scraped",phase="finished"\} 1$/m);
  });

  it('--prometheus-push PUTs the final metrics to the gateway, grouped by job and run', async () => {
    const pushes: { method: string; url: string; type: string; body: string }[] = [];
    const gateway = await startServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        pushes.push({ method: req.method ?? '', url: req.url ?? '', type: String(req.headers['content-type']), body });
        res.end();
      });
    });
    try {
      const file = writeScenario(tempDir(), 'pushed.ts', SCENARIO.replace("duration: '4s'", "duration: '1s'"));
      const cli = await runCli(['run', file, '-H', target.url, '--prometheus-push', gateway.url, '-q']);
      expect(cli.code).toBe(0);
      expect(pushes).toHaveLength(1);
      expect(pushes[0]).toMatchObject({ method: 'PUT', url: '/metrics/job/volley/run/scraped' });
      expect(pushes[0]?.type).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(pushes[0]?.body).toMatch(/^volley_run_passed\{run="scraped"\} 1$/m);
      expect(pushes[0]?.body).toMatch(/^volley_requests_total\{run="scraped",user_class="Reader",method="GET",name="\/items"\} \d+$/m);
    } finally {
      await gateway.close();
    }
  });

  it('a gateway that is down is a warning, not a failed run', async () => {
    const file = writeScenario(tempDir(), 'unpushed.ts', SCENARIO.replace("duration: '4s'", "duration: '1s'"));
    // A port that was free a moment ago: nothing listens on it.
    const gone = await startServer((_req, res) => res.end());
    await gone.close();
    const cli = await runCli(['run', file, '-H', target.url, '--prometheus-push', gone.url, '-q']);
    expect(cli.code).toBe(0);
    expect(cli.stderr).toMatch(/warning: --prometheus-push: .* refused the metrics: ECONNREFUSED/);
  });

  it('bad linger and push flags name the flag and exit 2', async () => {
    const url = `${target.url}/`;
    const linger = await runCli(['run', '--url', url, '--prometheus', '0', '--prometheus-linger', 'soon', '-q']);
    expect(linger.code).toBe(2);
    expect(linger.stderr).toMatch(/--prometheus-linger: expected a duration such as 30s/);
    const alone = await runCli(['run', '--url', url, '--prometheus-linger', '30s', '-q']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--prometheus-linger: only with --prometheus/);
    const push = await runCli(['run', '--url', url, '--prometheus-push', 'gateway:9091', '-q']);
    expect(push.code).toBe(2);
    expect(push.stderr).toMatch(/--prometheus-push: expected an http/);
  });

  it('a bad address names the flag and exits 2', async () => {
    const cli = await runCli(['run', '--url', `${target.url}/`, '--prometheus', 'nowhere', '-q']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/--prometheus/);
  });
});
