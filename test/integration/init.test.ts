/**
 * `volley init`: the project it scaffolds runs as generated. The scenario type-checks and runs
 * against the demo service, the benchmark passes, and every volley command of the GitHub Actions
 * workflow runs as written (`--demo` starts the demo itself); existing files are kept.
 */

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../src/demo/index.js';
import { runCli, tempDir } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});
afterAll(() => demo.close());

/** The workflow's `run: npx volley …` steps, as the shell would run them here. */
function workflowCommands(dir: string, summary: string): string[][] {
  const workflow = readFileSync(join(dir, '.github/workflows/load-test.yml'), 'utf8');
  return [...workflow.matchAll(/^\s+- run: npx volley (.+)$/gm)].map((match) =>
    (match[1] ?? '').replace('"$GITHUB_STEP_SUMMARY"', summary).split(' '),
  );
}

describe('volley init', () => {
  it('scaffolds a demo project whose scenario, benchmark and workflow commands run as generated', async () => {
    const dir = join(tempDir(), 'shop');
    const init = await runCli(['init', dir]);
    expect(init.code).toBe(0);
    for (const file of ['load/smoke.ts', 'volley.config.json', 'bench/example.bench.ts', '.github/workflows/load-test.yml', 'package.json', 'tsconfig.json'])
      expect(existsSync(join(dir, file)), file).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toMatchObject({ name: 'shop-load-tests', type: 'module' });

    // It type-checks against the installed package, as it would in the user's project.
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'volley'), 'dir');
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { stdio: 'pipe' });

    const summary = join(dir, 'summary.md');
    const commands = workflowCommands(dir, summary);
    expect(commands.map((args) => args.slice(0, 2).join(' '))).toEqual(['run load/smoke.ts', 'bench bench/example.bench.ts']);
    for (const args of commands) {
      const cli = await runCli(args, { cwd: dir, timeoutMs: 45_000 });
      expect(cli.code, `volley ${args.join(' ')}\n${cli.stderr}`).toBe(0);
    }
    expect(readFileSync(summary, 'utf8')).toContain('smoke');
    expect(existsSync(join(dir, 'results/junit.xml'))).toBe(true);
    expect(existsSync(join(dir, 'results/bench.json'))).toBe(true);
  });

  it('scaffolds for a URL: its origin is the host, its path the first request', async () => {
    const dir = tempDir();
    const init = await runCli(['init', dir, '--url', `${demo.url}/api/items?limit=5`]);
    expect(init.code).toBe(0);
    const scenario = readFileSync(join(dir, 'load/smoke.ts'), 'utf8');
    expect(scenario).toContain(`host: '${demo.url}'`);
    expect(scenario).toContain("http.get('/api/items?limit=5')");
    const run = await runCli(['run', 'load/smoke.ts', '--profile', 'ci', '-t', '1s', '-q'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/GET\s+\/api\/items\s/);
  });

  it('keeps existing files unless --force, and never replaces package.json', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), '{"name":"mine"}\n');
    writeFileSync(join(dir, 'volley.config.json'), '{}\n');
    const first = await runCli(['init', dir]);
    expect(first.stdout).toMatch(/kept {4}volley\.config\.json \(exists; --force replaces it\)/);
    expect(readFileSync(join(dir, 'volley.config.json'), 'utf8')).toBe('{}\n');
    await runCli(['init', dir, '--force']);
    expect(readFileSync(join(dir, 'volley.config.json'), 'utf8')).toContain('"profiles"');
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe('{"name":"mine"}\n');
  });

  it('a bad --url names the flag and exits 2', async () => {
    const cli = await runCli(['init', tempDir(), '--url', 'ftp://example']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain("--url: expected an http:// or https:// URL, got 'ftp://example'");
  });
});
