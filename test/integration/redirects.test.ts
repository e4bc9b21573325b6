/**
 * Redirects through the real CLI: followed by default and recorded once under the requested
 * URL's row; `--max-redirects 0` returns the 3xx; a bad value names the flag.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/old') {
      res.writeHead(302, { location: '/new' });
      res.end('moved');
    } else res.end('here');
  });
});
afterAll(() => server.close());

async function run(flags: string[]): Promise<Result> {
  const json = join(tempDir(), 'result.json');
  const cli = await runCli(['run', '--url', `${server.url}/old`, '-u', '1', '--iterations', '3', '--json', json, '-q', ...flags]);
  expect(cli.code).toBe(0);
  return JSON.parse(readFileSync(json, 'utf8')) as Result;
}

describe('redirects', () => {
  it('follows them by default: one record per request, under the URL asked for', async () => {
    const result = await run([]);
    expect(result.endpoints.map((e) => [e.name, e.requests])).toEqual([['/old', 3]]);
    expect(result.totals.statusCodes).toEqual({ '200': 3 });
    expect(server.hits.get('/new')).toBeGreaterThanOrEqual(3);
  });

  it('--max-redirects 0 returns the 3xx as the response', async () => {
    const result = await run(['--max-redirects', '0']);
    expect(result.totals.statusCodes).toEqual({ '302': 3 });
    expect(result.totals.failures).toBe(0);
  });

  it('a bad --max-redirects names the flag and exits 2', async () => {
    const cli = await runCli(['run', '--url', `${server.url}/old`, '--max-redirects', 'many', '-q']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/--max-redirects/);
    expect(cli.stderr).not.toMatch(/ at .*\.js:\d+/);
  });
});
