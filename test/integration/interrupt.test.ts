/**
 * Ctrl-C: the first SIGINT stops gracefully and the results gathered so far are still written,
 * and the exit code is 3 however volley's bin is started (directly, or through the symlink npm
 * installs in node_modules/.bin, with the terminal signalling the whole process group).
 */

import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/metrics/result.js';
import { CLI, runCli, tempDir } from '../helpers/cli.js';
import { delayed, type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer(delayed(5));
});
afterAll(() => server.close());

describe('interrupt', () => {
  it('writes the summary and the JSON on SIGINT, and exits 3 (stopped before its planned end)', async () => {
    const json = join(tempDir(), 'result.json');
    const started = Date.now();
    const run = await runCli(['run', '--url', server.url, '-u', '5', '-t', '60s', '--json', json], {
      // Interrupted once the server has seen 100 requests, not after a fixed time: a busy
      // machine can take seconds just to start the CLI.
      onSpawn: (child) => {
        const poll = setInterval(() => {
          if (child.exitCode !== null || child.signalCode !== null) clearInterval(poll);
          else if ((server.hits.get('/') ?? 0) >= 100) {
            clearInterval(poll);
            child.kill('SIGINT');
          }
        }, 10);
      },
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Stopping');
    expect(run.stdout).toContain('ABORTED');
    expect(existsSync(json)).toBe(true);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.outcome).toBe('aborted');
    // The 100 the server saw, less at most the 5 users' requests in flight.
    expect(result.totals.requests).toBeGreaterThanOrEqual(95);
    expect(result.durationMs).toBeLessThan(10_000);
  });

  it('exits 3 when started through the node_modules/.bin symlink and the whole group gets SIGINT', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    const bin = join(dir, 'node_modules', '.bin', 'volley');
    symlinkSync(CLI, bin);
    // npm makes the bin's target executable when it installs it; tsc does not.
    chmodSync(CLI, 0o755);
    const child = spawn(bin, ['run', '--url', server.url, '-u', '2', '-t', '60s', '-q', '--workers', '1'], {
      cwd: dir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.resume();
    // As a terminal's Ctrl-C does: the signal goes to every process of the foreground group.
    const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGINT'), 2000);
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    clearTimeout(timer);
    clearTimeout(killer);
    expect(code).toBe(3);
    expect(stdout).toContain('ABORTED: interrupted before its planned end');
  });
});
