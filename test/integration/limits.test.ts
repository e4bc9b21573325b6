/**
 * Careless input against the real CLI: loads the machine cannot hold are refused at start (exit 2),
 * a 700-hour run does not end after its first request, and distinct URLs or error messages
 * without end are recorded under capped rows and groups, every request still counted.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;

beforeAll(async () => {
  server = await startServer((_req, res) => res.end('ok'));
});

afterAll(async () => {
  await server.close();
});

describe('loads this machine cannot hold', () => {
  it('refuses a billion users at start, saying how many fit', async () => {
    const run = await runCli(['run', '--url', server.url, '-u', '1000000000', '-t', '5s']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/1,000,000,000 users cannot fit in memory here: .* holds about [\d,]+ users/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an arrival rate whose users cannot fit', async () => {
    const run = await runCli(['run', '--url', server.url, '--rate', '1000000000/s', '-t', '5s']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('users cannot fit in memory here');
  });
});

describe('a run longer than a Node timer holds', () => {
  it('runs -t 700h until stopped, not for one request', async () => {
    const json = join(tempDir(), 'long.json');
    const run = await runCli(['run', '--url', server.url, '-u', '1', '-t', '700h', '--workers', '1', '-q', '--json', json], {
      onSpawn: (child) => {
        setTimeout(() => child.kill('SIGINT'), 2500);
      },
    });
    expect(run.code).toBe(3);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.outcome).toBe('aborted');
    expect(result.totals.requests).toBeGreaterThan(1);
  });
});

describe('unbounded names and messages', () => {
  it('records URLs beyond 1,000 rows under one overflow row, with a warning naming the name option', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'ids.ts',
      `import { defineScenario, defineUser } from 'volley';
let n = 0;
export const Reader = defineUser({ tasks: [{ run: ({ http }) => http.get('/item/' + n++) }] });
export default defineScenario({ users: [Reader] });
`,
    );
    const json = join(dir, 'rows.json');
    const run = await runCli(['run', file, '-H', server.url, '-u', '2', '--iterations', '1300', '-t', '60s', '--workers', '1', '-q', '--json', json]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('More than 1,000 distinct request names');
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.totals.requests).toBe(1300);
    // 1,000 rows in all, a few of them the task's own (not shown without requests), then the overflow.
    const named = result.endpoints.filter((e) => e.name !== '(other URLs)');
    expect(named.length).toBeGreaterThan(990);
    expect(named.length).toBeLessThanOrEqual(1000);
    expect(result.endpoints.find((e) => e.name === '(other URLs)')?.requests).toBe(1300 - named.length);
    expect(result.warnings.join('\n')).toContain("name: '/users/:id'");
  });

  it('caps error groups per row, counting the rest as other', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'unique-errors.ts',
      `import { defineScenario, defineUser } from 'volley';
let n = 0;
export const Thrower = defineUser({ tasks: [{ name: 'work', run: () => { n++; throw new Error('case ' + String.fromCharCode(97 + (n % 26)) + 'z'.repeat(n)); } }] });
export default defineScenario({ users: [Thrower] });
`,
    );
    const json = join(dir, 'errors.json');
    const run = await runCli(['run', file, '-H', server.url, '-u', '30', '--iterations', '300', '-t', '60s', '--workers', '1', '-q', '--json', json]);
    expect(run.code).toBe(1);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.errors.length).toBe(51);
    expect(result.errors.reduce((sum, e) => sum + e.count, 0)).toBe(300);
    expect(result.errors.find((e) => e.message === '(other error messages)')?.count).toBe(250);
  });
});
