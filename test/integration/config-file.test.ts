/**
 * The config file: option defaults and profiles, found in the working directory.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer((_req, res) => res.end('ok'));
});
afterAll(() => server.close());

describe('config file', () => {
  it('supplies option defaults and user-defined profiles', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'volley.config.json'),
      JSON.stringify({
        options: { thresholds: ['count>5'] },
        profiles: { smoke: { users: 3, spawnRate: 3, duration: '1s' } },
      }),
    );
    const json = join(dir, 'result.json');
    const run = await runCli(['run', '--url', server.url, '--profile', 'smoke', '--json', json, '-q'], {
      cwd: dir,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.load.description).toBe('3 users at 3/s for 1s');
    expect(result.thresholds.map((t) => t.expression)).toEqual(['count>5']);
  });

  it("judges a profile's own thresholds only when that profile runs", async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'volley.config.json'),
      JSON.stringify({
        profiles: {
          smoke: { users: 2, spawnRate: 2, duration: '1s' },
          full: { users: 2, spawnRate: 2, duration: '1s', thresholds: ['rps>=100000/s', 'count>1'] },
        },
      }),
    );
    const smoke = await runCli(['run', '--url', server.url, '--profile', 'smoke', '-q'], { cwd: dir });
    expect(smoke.code).toBe(0);
    expect(smoke.stdout).not.toContain('rps>=100000/s');
    const json = join(dir, 'full.json');
    const full = await runCli(['run', '--url', server.url, '--profile', 'full', '-q', '--json', json], { cwd: dir });
    expect(full.code).toBe(1);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.thresholds.map((t) => [t.expression, t.ok])).toEqual([
      ['rps>=100000/s', false],
      ['count>1', true],
    ]);
  });

  it('names a bad threshold of a profile', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'volley.config.json'),
      JSON.stringify({ profiles: { full: { users: 1, spawnRate: 1, duration: '1s', thresholds: ['p95<fast'] } } }),
    );
    const run = await runCli(['run', '--url', server.url, '--profile', 'full'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("profile 'full': ");
    expect(run.stderr).toContain('p95<fast');
  });

  it('names the config file and the bad key', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'volley.config.json'), JSON.stringify({ options: { userz: 3 } }));
    const run = await runCli(['run', '--url', server.url], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('volley.config.json: options.userz: unknown option');
  });
});
