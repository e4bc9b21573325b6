/**
 * Bad input gets a clear message and exit code 2, never a stack trace: the message names the flag
 * and what it accepts, or the scenario file and line.
 */

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli, tempDir, writeScenario } from '../helpers/cli.js';

describe('bad input', () => {
  it('names an unknown flag', async () => {
    const run = await runCli(['run', '--url', 'http://127.0.0.1:9/', '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--bogus'");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a flag with a bad value and what it accepts', async () => {
    const run = await runCli(['run', '--url', 'http://127.0.0.1:9/', '-u', 'many', '-t', 'soon']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("-u/--users: expected a number of users (a whole number >= 1), got 'many'");
    expect(run.stderr).toContain('-t/--run-time: expected a duration like 30s, 5m');
  });

  it('names the file, line and column of a syntax error', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'broken.ts',
      `import { defineScenario, defineUser } from 'volley';\nexport const U = defineUser({ tasks: [ }) ;\nexport default defineScenario({ users: [U] });\n`,
    );
    const run = await runCli(['run', file, '-H', 'http://127.0.0.1:9']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:2:`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says what is missing when the file has no default scenario', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'nodefault.ts', `export const x = 1;\n`);
    const run = await runCli(['run', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('export default defineScenario');
  });

  it('points at the line that threw while the scenario loaded', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'throws.ts',
      `import { defineScenario } from 'volley';\nconst config: { host?: string } = {};\nif (!config.host) throw new Error('API_HOST is not set');\nexport default defineScenario({ users: [] });\n`,
    );
    const run = await runCli(['run', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:3:`);
    expect(run.stderr).toContain('API_HOST is not set');
  });

  it('names a bad threshold expression', async () => {
    const run = await runCli(['run', '--url', 'http://127.0.0.1:9/', '--threshold', 'p95<fast']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('p95<fast');
  });

  it('lists every problem of a scenario at once', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'invalid.ts',
      `import { defineScenario, defineUser } from 'volley';
export const A = defineUser({ weight: -1, tasks: [{ run: 'nope' }] } as never);
export const B = defineUser({ tasks: [] });
export default defineScenario({ users: [A, B] });`,
    );
    const run = await runCli(['run', file, '-H', 'http://127.0.0.1:9']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('user A: weight must be a number >= 0');
    expect(run.stderr).toContain('user A: tasks[0] needs a run function');
    expect(run.stderr).toContain('user B: tasks must be a non-empty list');
  });

  it('refuses a report path that names a folder before the run, not after it', async () => {
    const dir = tempDir();
    const started = Date.now();
    const run = await runCli(['run', '--url', 'http://127.0.0.1:9/', '-t', '60s', '--html', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--html ${dir}: is a folder`);
    expect(run.stdout).not.toContain('Requests');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('refuses a report path under a file', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'plain.txt', 'not a folder\n');
    const run = await runCli(['run', '--url', 'http://127.0.0.1:9/', '-t', '60s', '--json', join(file, 'r.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file} is a file, not a folder`);
  });

  it("names a missing --env-file in volley's words, exit 2 (the command's first line keeps Node from reading the flag)", () => {
    expect(readFileSync(CLI, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env -S node --');
    // What that first line runs: node -- main.js <args>.
    const run = spawnSync(
      process.execPath,
      ['--', CLI, 'run', '--url', 'http://127.0.0.1:9/', '--env-file', '/nonexistent/volley.env'],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--env-file: cannot read '/nonexistent/volley.env'");
  });

  it('names a broken feed file, its line, when the scenario loads, before any iteration', async () => {
    const dir = tempDir();
    writeScenario(dir, 'users.csv', 'email,password\na@example.com,one\n"b@example.com,two\nc@example.com,three\n');
    writeScenario(dir, 'items.json', '[{"id": 1}, {"id": 2},\n{"id": 3');
    const scenario = (feedFile: string): string =>
      writeScenario(
        dir,
        `uses-${feedFile}.ts`,
        `import { defineScenario, defineUser, feed } from 'volley';
const rows = feed('${feedFile}');
export const U = defineUser({ tasks: [{ run: (vu) => { rows.next(vu); } }] });
export default defineScenario({ users: [U] });
`,
      );
    const csv = await runCli(['run', scenario('users.csv'), '-H', 'http://127.0.0.1:9', '-t', '30s'], { cwd: dir });
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('feed users.csv line 3: a quoted field is never closed');
    expect(csv.stdout).not.toContain('Requests');
    const json = await runCli(['run', scenario('items.json'), '-H', 'http://127.0.0.1:9', '-t', '30s'], { cwd: dir });
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/feed items\.json line \d+:/);
  });
});
