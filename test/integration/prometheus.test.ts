/**
 * `volley run --prometheus`: a scraper reads the run's live counters from /metrics while it runs;
 * a bad address names the flag.
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

  it('a bad address names the flag and exits 2', async () => {
    const cli = await runCli(['run', '--url', `${target.url}/`, '--prometheus', 'nowhere', '-q']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/--prometheus/);
  });
});
