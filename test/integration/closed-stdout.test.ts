/**
 * `volley run … | head`: the reader of stdout goes away while the run goes on. The run finishes,
 * writes its reports and exits with its verdict's code, with no stack trace.
 */

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, tempDir } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer((_req, res) => res.end('ok'));
});
afterAll(() => server.close());

describe('a closed stdout', () => {
  it('ends the run as usual, reports written, no stack trace', async () => {
    const json = join(tempDir(), 'result.json');
    const child = spawn(process.execPath, [CLI, 'run', '--url', server.url, '-t', '1s', '-q', '--json', json], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reader is gone before the summary is printed, as with `| head -0`.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(code).toBe(0);
    expect(existsSync(json)).toBe(true);
  }, 30_000);
});
