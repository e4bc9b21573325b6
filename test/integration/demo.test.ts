/**
 * `volley demo` (what `npm run demo` runs): starts the demo service, runs the quickstart against
 * it, passes, and writes its reports.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { runCli, tempDir } from '../helpers/cli.js';

describe('volley demo', () => {
  it('runs the quickstart against the demo service and writes the summary, JSON and HTML', async () => {
    const dir = tempDir();
    const json = join(dir, 'demo.json');
    const html = join(dir, 'demo.html');
    const run = await runCli(['demo', '-t', '3s', '--headless', '-q', '--json', json, '--html', html]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Demo service on http://127.0.0.1:');
    expect(run.stdout).toContain('PASSED');
    expect(existsSync(html)).toBe(true);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.userClasses.map((c) => c.user).sort()).toEqual(['Seller', 'Shopper']);
    expect(result.totals.failures).toBe(0);
    expect(result.checks.every((c) => c.fails === 0)).toBe(true);
  });
});
