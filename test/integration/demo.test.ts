/**
 * `volley demo` (what `npm run demo` runs): starts the demo service, runs the Platform API example
 * against it, passes, and writes its reports. `volley run --demo`: any scenario against a demo
 * service volley starts and stops itself.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir } from '../helpers/cli.js';

const QUICKSTART = fileURLToPath(new URL('../../examples/quickstart.ts', import.meta.url));

describe('volley demo', () => {
  it('runs the Platform API example against the demo service and writes the summary, JSON and HTML', async () => {
    const dir = tempDir();
    const json = join(dir, 'demo.json');
    const html = join(dir, 'demo.html');
    const run = await runCli(['demo', '-t', '4s', '-r', '30', '--headless', '-q', '--json', json, '--html', html]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Demo service on http://127.0.0.1:');
    expect(run.stdout).toContain('PASSED');
    expect(existsSync(html)).toBe(true);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.userClasses.map((c) => c.user).sort()).toEqual(['AuthUser', 'GenerationUser', 'PaymentUser']);
    expect(result.totals.failures).toBe(0);
    expect(result.checks.every((c) => c.fails === 0)).toBe(true);
  });

  it('run --demo runs any scenario against a demo service it stops afterwards', async () => {
    const json = join(tempDir(), 'result.json');
    const run = await runCli(
      ['run', QUICKSTART, '--demo', '-u', '5', '-t', '2s', '--headless', '-q', '--json', json],
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('PASSED');
    const url = /Demo service on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.stderr)?.[1];
    expect(url).toBeDefined();
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.totals.requests).toBeGreaterThan(10);
    expect(result.totals.failures).toBe(0);
    // The service left with the run: nothing answers on its port any more.
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('run --demo refuses a second target', async () => {
    const run = await runCli(['run', QUICKSTART, '--demo', '-H', 'http://127.0.0.1:1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--demo is the target: drop -H/--host and --url');
    const monitor = await runCli(['run', QUICKSTART, '-H', 'http://127.0.0.1:1', '--monitor-pid', 'demo']);
    expect(monitor.code).toBe(2);
    expect(monitor.stderr).toContain('--monitor-pid demo: needs --demo (it watches the demo service volley starts)');
  });
});
