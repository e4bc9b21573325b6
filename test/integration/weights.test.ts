/**
 * User-class weights and task weights, observed through the real CLI against a loopback server.
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
afterAll(() => server.close());

const SCENARIO = `
import { constantPacing, defineScenario, defineUser } from 'volley';

export const Reader = defineUser({
  weight: 3,
  wait: constantPacing('20ms'),
  tasks: [
    { name: 'often', weight: 4, run: ({ http }) => http.get('/reader/often') },
    { name: 'rarely', weight: 1, tags: ['rare'], run: ({ http }) => http.get('/reader/rarely') },
  ],
});

export const Writer = defineUser({
  weight: 1,
  wait: constantPacing('20ms'),
  tasks: { write: ({ http }) => http.post('/writer', { json: { a: 1 } }) },
});

export default defineScenario({ users: [Reader, Writer], load: { users: 40, spawnRate: 200 } });
`;

function readResult(path: string): Result {
  return JSON.parse(readFileSync(path, 'utf8')) as Result;
}

function requestsOf(result: Result, user: string): number {
  return result.userClasses.find((c) => c.user === user)?.requests ?? 0;
}

describe('weights', () => {
  it('shares users by class weight and requests by task weight', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'weights.ts', SCENARIO);
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '-H', server.url, '-t', '3s', '--json', json, '-q']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = readResult(json);
    const reader = requestsOf(result, 'Reader');
    const writer = requestsOf(result, 'Writer');
    // 30 Readers and 10 Writers pacing alike: three quarters of the requests are Readers'.
    expect(reader / (reader + writer)).toBeGreaterThan(0.7);
    expect(reader / (reader + writer)).toBeLessThan(0.8);
    const often = result.endpoints.find((e) => e.name === '/reader/often')?.requests ?? 0;
    const rarely = result.endpoints.find((e) => e.name === '/reader/rarely')?.requests ?? 0;
    expect(often / (often + rarely)).toBeGreaterThan(0.75);
    expect(often / (often + rarely)).toBeLessThan(0.85);
    expect(result.endpoints.find((e) => e.name === '/writer')?.method).toBe('POST');
    expect(result.timeSeries.at(-2)?.users).toBe(40);
  });

  it('runs exactly --iterations tasks, and --exclude-tags removes tagged tasks', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'iterations.ts', SCENARIO);
    const json = join(dir, 'result.json');
    const run = await runCli([
      'run',
      file,
      '-H',
      server.url,
      '--iterations',
      '37',
      '--exclude-tags',
      'rare',
      '--json',
      json,
    ]);
    expect(run.code).toBe(0);
    const result = readResult(json);
    expect(result.totals.requests).toBe(37);
    expect(result.totals.iterations).toBe(37);
    expect(result.endpoints.some((e) => e.name === '/reader/rarely')).toBe(false);
  });

  it('runs only the user classes named after the file, as Locust does', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'classes.ts',
      SCENARIO.replace(
        'load: { users: 40, spawnRate: 200 } }',
        "load: { users: 4, spawnRate: 200 }, thresholds: ['Reader:count>0', 'Writer:count>0', 'count>0'] }",
      ),
    );
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, 'Writer', '-H', server.url, '--iterations', '12', '--json', json, '-q']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = readResult(json);
    expect(requestsOf(result, 'Writer')).toBe(12);
    expect(requestsOf(result, 'Reader')).toBe(0);
    expect(result.thresholds.map((t) => t.expression)).toEqual(['Writer:count>0', 'count>0']);
    expect(result.warnings).toContain('Not judged, their user classes did not run: Reader:count>0.');

    // Locust's own spelling: -f file, then the classes.
    const locust = await runCli(['run', '-f', file, 'Reader', '-H', server.url, '--iterations', '5', '--json', json, '-q']);
    expect(locust.code).toBe(0);
    expect(requestsOf(readResult(json), 'Reader')).toBe(5);

    const typo = await runCli(['run', file, 'Writr', '-H', server.url]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(`user class 'Writr' not found in ${file} (its user classes: Reader, Writer)`);
  });

  it('reads VOLLEY_* options from --env-file, and flags override them', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'env.ts', SCENARIO);
    const envFile = join(dir, '.env.load');
    writeScenario(dir, '.env.load', `VOLLEY_HOST=${server.url}\nVOLLEY_ITERATIONS=12\nVOLLEY_USERS=3\n`);
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '--env-file', envFile, '--iterations', '9', '--json', json]);
    expect(run.code).toBe(0);
    const result = readResult(json);
    expect(result.totals.requests).toBe(9);
    expect(result.options.users).toBe(3);
  });
});
