/**
 * The slowest requests through the real CLI: the server answers the 3rd and 7th request it gets
 * 250 ms late and every other at once, so those two (known by their URLs) are each row's slowest
 * in the JSON, in the terminal with `--slowest`, merged across two workers, and over HTTP/2 (h2c);
 * credentials in their headers and URL are redacted.
 */

import { readFileSync } from 'node:fs';
import { createServer as createH2cServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

const SLOW_MS = 250;
let server: LoopbackServer;
let arrivals = 0;
/** The paths (with query) the server answered late, in order. */
const slowed: string[] = [];

/** Answers the 3rd and 7th request it gets late, every other at once (HTTP/1.1 and h2c alike). */
function lateThirdAndSeventh(req: { url?: string }, res: { end(body: string): void }): void {
  arrivals++;
  if (arrivals === 3 || arrivals === 7) {
    slowed.push(req.url ?? '');
    setTimeout(() => res.end('late'), SLOW_MS);
  } else res.end('ok');
}

const h2c = createH2cServer((req: Http2ServerRequest, res: Http2ServerResponse) => lateThirdAndSeventh(req, res));
let h2cUrl = '';

beforeAll(async () => {
  server = await startServer(lateThirdAndSeventh);
  await new Promise<void>((resolve) => h2c.listen(0, '127.0.0.1', resolve));
  h2cUrl = `http://127.0.0.1:${(h2c.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server.close();
  await new Promise<void>((resolve) => h2c.close(() => resolve()));
});
beforeEach(() => {
  arrivals = 0;
  slowed.length = 0;
});

// Every request has a URL of its own (the worker and a count), one row (`/slow`), and credentials.
const SCENARIO = `import { defineScenario, defineUser } from 'volley';
let sent = 0;
const worker = Math.random().toString(36).slice(2, 8);
export const U = defineUser({ tasks: [{ run: ({ http }) => http.get('/slow', {
  name: '/slow',
  query: { id: worker + '-' + ++sent, token: 'T0KEN9' },
  headers: { authorization: 'Bearer S3CRET1', 'x-api-key': 'K3Y2', 'x-trace': 'keep-me' },
}) }] });
export default defineScenario({ users: [U] });`;

async function run(flags: string[], host = server.url): Promise<{ result: Result; stdout: string; json: string }> {
  const dir = tempDir();
  const file = writeScenario(dir, 'slow.ts', SCENARIO);
  const json = join(dir, 'result.json');
  const cli = await runCli(['run', file, '-H', host, '--iterations', '10', '--json', json, '-q', ...flags]);
  expect(cli.stderr).toBe('');
  expect(cli.code).toBe(0);
  const text = readFileSync(json, 'utf8');
  return { result: JSON.parse(text) as Result, stdout: cli.stdout, json: text };
}

function slowedUrls(host = server.url): string[] {
  return slowed.map((path) => `${host}${path.replace(/token=[^&]*/, 'token=[redacted]')}`);
}

describe('the slowest requests', () => {
  it('are the late ones in the JSON and, with --slowest, in the terminal, redacted', async () => {
    const { result, stdout, json } = await run(['-u', '1', '--slowest', '2']);
    expect(slowed).toHaveLength(2);
    const slowest = result.endpoints.find((row) => row.name === '/slow')?.slowest ?? [];
    expect(slowest.map((entry) => entry.url).sort()).toEqual(slowedUrls().sort());
    for (const entry of slowest) {
      expect(entry.latencyMs).toBeGreaterThanOrEqual(SLOW_MS);
      expect(entry).toMatchObject({ status: 200, failed: false, method: 'GET' });
      expect(entry.headers).toMatchObject({ authorization: '[redacted]', 'x-api-key': '[redacted]', 'x-trace': 'keep-me' });
      expect(Date.parse(entry.startedAt)).toBeGreaterThanOrEqual(Date.parse(result.startedAt));
    }
    expect(json).not.toMatch(/S3CRET1|K3Y2|T0KEN9/);
    const section = stdout.slice(stdout.indexOf('Slowest requests'));
    expect(stdout).toContain('Slowest requests');
    for (const url of slowedUrls()) expect(section).toContain(url);
    expect(stdout).not.toMatch(/S3CRET1|K3Y2|T0KEN9/);
  });

  it('are kept 5 per row by default, and listed in the terminal only with --slowest', async () => {
    const { result, stdout } = await run(['-u', '1']);
    const slowest = result.endpoints.find((row) => row.name === '/slow')?.slowest ?? [];
    expect(slowest).toHaveLength(5);
    expect(slowest.slice(0, 2).map((entry) => entry.url).sort()).toEqual(slowedUrls().sort());
    expect(stdout).not.toContain('Slowest requests');
  });

  it('merge across two workers into the top N of both', async () => {
    const { result } = await run(['-u', '2', '--workers', '2', '--slowest', '2']);
    expect(result.workers).toHaveLength(2);
    const slowest = result.endpoints.find((row) => row.name === '/slow')?.slowest ?? [];
    expect(slowest.map((entry) => entry.url).sort()).toEqual(slowedUrls().sort());
  });

  it('are the late ones over HTTP/2 too, in the h2 row', async () => {
    const { result, json } = await run(['-u', '1', '--slowest', '2', '--http2'], h2cUrl);
    const row = result.endpoints.find((candidate) => candidate.name === '/slow');
    expect(row?.protocol).toBe('h2');
    expect(row?.slowest?.map((entry) => entry.url).sort()).toEqual(slowedUrls(h2cUrl).sort());
    expect(row?.slowest?.[0]?.headers).toMatchObject({ authorization: '[redacted]', 'x-trace': 'keep-me' });
    expect(json).not.toMatch(/S3CRET1|K3Y2|T0KEN9/);
  });

  it('a bad --slowest names the flag and what it accepts', async () => {
    const cli = await runCli(['run', '--url', `${server.url}/a`, '--slowest', '0', '-q']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/--slowest/);
    expect(cli.stderr).toMatch(/1 to 100/);
  });
});
