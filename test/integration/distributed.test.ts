/**
 * Distributed runs on loopback: a coordinator and worker processes, a worker lost mid-run, and
 * workers refused for a wrong token or protocol version.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Result } from '../../src/metrics/result.js';
import { CLI, runCli, tempDir, writeScenario } from '../helpers/cli.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer((_req, res) => res.end('ok'));
});
afterAll(() => server.close());

interface Coordinator {
  child: ChildProcess;
  port: number;
  exit: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Resolves once the coordinator's stderr contains `text`. */
  said(text: string): Promise<void>;
}

/** Starts `volley run … --coordinator` on a free port and waits until it listens. */
async function startCoordinator(args: string[]): Promise<Coordinator> {
  const child = spawn(
    process.execPath,
    [CLI, 'run', ...args, '--coordinator', '--bind', '127.0.0.1:0', '-q'],
    {
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d;
  });
  const said = (text: string): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (!stderr.includes(text)) return;
        child.stderr?.off('data', check);
        resolve();
      };
      child.stderr?.on('data', check);
      check();
    });
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d;
      const match = /listening on 127\.0\.0\.1:(\d+)/.exec(stderr);
      if (match !== null) resolve(Number(match[1]));
    });
    child.once('exit', () => reject(new Error(`coordinator exited early: ${stderr}`)));
  });
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stderr })),
  );
  setTimeout(() => child.kill('SIGKILL'), 60_000).unref();
  return { child, port, exit, said };
}

function startWorker(port: number, extra: string[] = []): ChildProcess {
  return spawn(process.execPath, [CLI, 'worker', '--connect', `127.0.0.1:${port}`, ...extra], {
    stdio: 'ignore',
  });
}

const SCENARIO = `import { constant, defineScenario, defineUser } from 'volley';
export const A = defineUser({ wait: constant('10ms'), tasks: [{ run: ({ http }) => http.get('/a') }] });
export default defineScenario({ users: [A], load: { users: 6, duration: '3s' } });`;

describe('distributed runs', () => {
  it('shares the load among 3 worker processes and merges their results', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'dist.ts', SCENARIO);
    const json = join(dir, 'result.json');
    const coordinator = await startCoordinator([
      file,
      '-H',
      server.url,
      '--expect-workers',
      '3',
      '--json',
      json,
    ]);
    for (let i = 0; i < 3; i++) startWorker(coordinator.port);
    const { code, stderr } = await coordinator.exit;
    expect(code).toBe(0);
    expect(stderr).toContain('All 3 workers ready');
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.workers).toHaveLength(3);
    expect(result.workers?.every((w) => w.requests > 0 && w.lost === null)).toBe(true);
    expect(result.workers?.reduce((sum, w) => sum + w.requests, 0)).toBe(result.totals.requests);
    expect(Math.max(...result.timeSeries.map((p) => p.users))).toBe(6);
  });

  it('finishes the run when a worker is killed, and reports the share that was lost', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'dist.ts', SCENARIO);
    const json = join(dir, 'result.json');
    const coordinator = await startCoordinator([
      file,
      '-H',
      server.url,
      '--expect-workers',
      '3',
      '--json',
      json,
    ]);
    const workers = [0, 1, 2].map(() => startWorker(coordinator.port));
    // Killed a second into the 3 s run, counted from when the run starts: worker processes can
    // take seconds to start on a busy machine, and one lost before the run is not this case.
    await coordinator.said('All 3 workers ready');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    workers[1]?.kill('SIGKILL');
    const { code } = await coordinator.exit;
    expect(code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.workers?.filter((w) => w.lost !== null)).toHaveLength(1);
    expect(result.warnings.join('\n')).toMatch(/Worker \d was lost .*1\/3/);
  });

  it('refuses a worker with a wrong token, and one of another protocol version', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'dist.ts', SCENARIO);
    const coordinator = await startCoordinator([
      file,
      '-H',
      server.url,
      '--expect-workers',
      '1',
      '--worker-token',
      's3cret',
    ]);
    const wrongToken = await runCli([
      'worker',
      '--connect',
      `127.0.0.1:${coordinator.port}`,
      '--worker-token',
      'nope',
    ]);
    expect(wrongToken.code).toBe(2);
    expect(wrongToken.stderr).toContain('refused this worker: wrong worker token');
    const reply = await new Promise<string>((resolve) => {
      const socket = new WebSocket(`ws://127.0.0.1:${coordinator.port}`);
      socket.on('open', () =>
        socket.send(JSON.stringify({ type: 'hello', version: 999, token: 's3cret', host: 'x' })),
      );
      socket.on('message', (data) => resolve(String(data)));
    });
    expect(reply).toContain('protocol version 999 is not supported');
    startWorker(coordinator.port, ['--worker-token', 's3cret']);
    expect((await coordinator.exit).code).toBe(0);
  });
});
