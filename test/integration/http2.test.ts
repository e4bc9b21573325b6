/**
 * HTTP/2 through the real CLI: a scenario's `http.version: 2` over 3 worker threads against an h2c
 * server (merged counts equal what the server answered, every row HTTP/2), `--http2` in URL mode,
 * and `run --demo` reaching the demo's TLS listener through VOLLEY_DEMO_TLS_URL.
 */

import { readFileSync } from 'node:fs';
import { createServer, type Http2Server } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';

let server: Http2Server;
let url = '';
let answered = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    answered++;
    res.end(`v=${req.httpVersion}`);
  });
  server.on('session', (session) => session.on('error', () => undefined));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function read(path: string): Result {
  return JSON.parse(readFileSync(path, 'utf8')) as Result;
}

describe('HTTP/2 runs', () => {
  it('merges 3 workers over h2c into what the server answered, in HTTP/2 rows', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'h2.ts',
      `import { defineScenario, defineUser } from 'volley';
export const U = defineUser({ tasks: [{ run: async ({ http }) => {
  const [a, b] = await Promise.all([http.get('/a'), http.get('/b')]);
  if (a.text() !== 'v=2.0' || b.text() !== 'v=2.0') a.fail('not HTTP/2');
} }] });
export default defineScenario({ users: [U], http: { version: 2 }, load: { users: 6, iterations: 31 } });`,
    );
    const json = join(dir, 'result.json');
    answered = 0;
    const run = await runCli(['run', file, '-H', url, '--workers', '3', '--json', json]);
    expect(run.code, run.stderr).toBe(0);
    const result = read(json);
    expect(result.totals.requests).toBe(62);
    expect(result.totals.failures).toBe(0);
    expect(answered).toBe(62);
    expect(result.workers?.reduce((sum, w) => sum + w.requests, 0)).toBe(62);
    expect(result.endpoints.map((e) => [e.name, e.protocol, e.requests])).toEqual([
      ['/a', 'h2', 31],
      ['/b', 'h2', 31],
    ]);
    expect(run.stdout).toContain('HTTP/2');
  });

  it('--http2 sends URL mode over HTTP/2', async () => {
    answered = 0;
    const run = await runCli(['run', '--url', `${url}/x`, '--http2', '--iterations', '5']);
    expect(run.code, run.stderr).toBe(0);
    expect(answered).toBe(5);
    expect(run.stdout).toContain('HTTP/2');
  });

  it('run --demo reaches the demo over h2c and over TLS (VOLLEY_DEMO_TLS_URL)', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'demo-h2.ts',
      `import { defineScenario, defineUser } from 'volley';
const tls = process.env.VOLLEY_DEMO_TLS_URL;
if (tls === undefined || process.env.VOLLEY_DEMO_URL === undefined) throw new Error('no demo urls');
export const U = defineUser({ tasks: [{ run: async ({ http }) => {
  await http.get('/health');
  await http.get(tls + '/health', { httpVersion: 2, name: 'tls' });
} }] });
export default defineScenario({ users: [U], http: { version: 2, insecure: true }, load: { users: 2, iterations: 6 } });`,
    );
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '--demo', '--json', json, '-q']);
    expect(run.code, run.stderr).toBe(0);
    const result = read(json);
    expect(result.endpoints.map((e) => [e.name, e.protocol, e.requests, e.failures])).toEqual([
      ['/health', 'h2', 6, 0],
      ['tls', 'h2', 6, 0],
    ]);
  });
});
