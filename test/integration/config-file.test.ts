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

  it('names the config file and the bad key', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'volley.config.json'), JSON.stringify({ options: { userz: 3 } }));
    const run = await runCli(['run', '--url', server.url], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('volley.config.json: options.userz: unknown option');
  });
});
