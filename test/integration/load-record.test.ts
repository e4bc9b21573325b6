/**
 * The result records the load that ran (the scenario's own `load`, not the -u default), and every
 * report reads it; a result of the previous schema still loads.
 */

import { readFileSync, writeFileSync } from 'node:fs';
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

describe('the load a result records', () => {
  it('is the scenario file load, in the JSON, the summary, Markdown and JUnit', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'shop.ts',
      `import { constant, defineScenario, defineUser } from 'volley';
export const Shopper = defineUser({ wait: constant('100ms'), tasks: [{ run: ({ http }) => http.get('/') }] });
export default defineScenario({ users: [Shopper], load: { users: 6, spawnRate: 3, duration: '2s' } });`,
    );
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '-H', server.url, '-q', '--json', json]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('load 6 users at 3/s for 2s');
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.schema).toBe(2);
    expect(result.options).toMatchObject({ users: 6, spawnRate: 3, durationMs: 2000 });
    expect(result.load).toMatchObject({
      users: 6,
      scenarios: [{ scenario: '', executor: 'ramping-users', users: 6, spawnRate: 3, durationMs: 2000 }],
    });

    const md = join(dir, 'report.md');
    const junit = join(dir, 'report.xml');
    const report = await runCli(['report', json, '--md', md, '--junit', junit]);
    expect(report.code).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain('· 6 users at 3/s for 2s ·');
    expect(readFileSync(junit, 'utf8')).toContain('<property name="users" value="6"/>');
  });

  it('reads a schema 1 result, whose options.users was the -u default', async () => {
    const dir = tempDir();
    const json = join(dir, 'result.json');
    const run = await runCli(['run', '--url', server.url, '-u', '2', '-t', '1s', '-q', '--json', json]);
    expect(run.code).toBe(0);
    const old = JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown> & Result;
    old.schema = 1;
    old.options = { ...old.options, users: 1 };
    old.load = { executor: old.load.executor, description: old.load.description };
    writeFileSync(json, JSON.stringify(old));
    const md = join(dir, 'report.md');
    const report = await runCli(['report', json, '--md', md]);
    expect(report.code).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain('· 2 users at 2/s for 1s ·');
  });
});
