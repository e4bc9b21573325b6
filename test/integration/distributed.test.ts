/**
 * Distributed runs on loopback: a coordinator and worker processes, a worker lost mid-run,
 * workers refused for a wrong token or protocol version, and peers that send bad frames (before
 * and after joining) refused while the coordinator lives on and finishes the run; a worker leaves
 * a coordinator that sends a malformed frame.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
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
  /** Resolves once the coordinator's stderr so far matches. */
  logged: (pattern: RegExp) => Promise<void>;
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
  const logged = async (pattern: RegExp): Promise<void> => {
    while (!pattern.test(stderr)) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  return { child, port, exit, logged };
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
    // Killed once running: a worker killed before it joins would leave the coordinator waiting.
    await coordinator.logged(/All 3 workers ready/);
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

  it('refuses peers that send bad frames, and still completes the run with a real worker', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'dist.ts', SCENARIO);
    const json = join(dir, 'result.json');
    const coordinator = await startCoordinator([
      file, '-H', server.url, '--expect-workers', '3', '--worker-token', 's3cret', '--json', json,
    ]);
    const { port } = coordinator;
    const silent = peer(port, []);
    const hello = (extra: object): string => JSON.stringify({ type: 'hello', version: 3, host: 'x', ...extra });
    const refusals = await Promise.all([
      peer(port, [hello({})]),
      peer(port, [hello({ token: 5 })]),
      peer(port, [JSON.stringify({ type: 'ready' })]),
      peer(port, ['{"type":']),
      peer(port, [Buffer.from([0xde, 0xad, 0xbe, 0xef])]),
      peer(port, [Buffer.from([0xff, 0xfe, 0x7b])], false),
      peer(port, ['x'.repeat(17 * 1024 * 1024)]),
    ]);
    expect(refusals.map((r) => r.code)).toEqual([4000, 4000, 4000, 4000, 4000, 1007, 1009]);
    expect(refusals.map((r) => r.reason).slice(0, 5)).toEqual([
      'no worker token (this coordinator requires one)',
      expect.stringMatching(/^its hello is a malformed message \(token: .*expected string/),
      'expected a hello first, got a malformed message (type: Invalid input: expected "hello")',
      'expected a hello first, got a frame that is not JSON',
      'expected a hello first, got a binary frame (messages are JSON text)',
    ]);
    // Two authenticated peers join, then each sends a snapshot the run cannot use.
    const token = hello({ token: 's3cret' });
    const badSnapshots = [
      { type: 'snapshot', loopDelayP99Ms: 1, snapshot: { version: 1, endpoints: 5 } },
      { type: 'snapshot', loopDelayP99Ms: 1, snapshot: garbledSnapshot() },
    ].map((snapshot) => peer(port, [token], true, JSON.stringify(snapshot)));
    // The real worker comes once the silent peer is refused, so the run cannot end first.
    expect((await silent).reason).toBe('sent no hello within 5 s');
    startWorker(port, ['--worker-token', 's3cret']);
    const members = await Promise.all(badSnapshots);
    expect(members.map((m) => m.code)).toEqual([4000, 4000]);
    expect(members[0]?.reason).toMatch(/^sent a malformed message \(snapshot\./);
    expect(members[1]?.reason).toMatch(/^sent an unusable snapshot/);
    const { code, stderr } = await coordinator.exit;
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/TypeError|at .*\.js:\d+/);
    expect(stderr.match(/Refused the peer at 127\.0\.0\.1:\d+: /g)).toHaveLength(10);
    const result = JSON.parse(readFileSync(json, 'utf8')) as Result;
    expect(result.workers?.filter((w) => w.lost !== null)).toHaveLength(2);
    expect(result.workers?.filter((w) => w.lost === null && w.requests > 0)).toHaveLength(1);
  });
});

describe('volley worker', () => {
  it('leaves, with a clear message, a coordinator that sends a malformed frame', async () => {
    const fake = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => fake.once('listening', resolve));
    fake.on('connection', (socket) => socket.once('message', () => socket.send('{"type":"assign","assignment":7}')));
    const { port } = fake.address() as AddressInfo;
    const worker = await runCli(['worker', '--connect', `127.0.0.1:${port}`], { timeoutMs: 20_000 });
    fake.close();
    expect(worker.code).toBe(1);
    expect(worker.stderr).toMatch(/leaving the run: the coordinator sent a malformed message \(assignment: /);
    expect(worker.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

interface PeerEnd {
  code: number;
  reason: string;
}

/**
 * A raw WebSocket peer: sends `frames`, and once assigned a share (when it got in) answers ready
 * and then sends `afterStart` when the run starts. Resolves with how the coordinator closed it.
 */
function peer(port: number, frames: (string | Buffer)[], binary = true, afterStart?: string): Promise<PeerEnd> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}`);
    socket.on('error', () => undefined);
    socket.on('open', () => {
      for (const frame of frames) socket.send(frame, { binary: typeof frame !== 'string' && binary });
    });
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string };
      if (message.type === 'assign') socket.send(JSON.stringify({ type: 'ready' }));
      if (message.type === 'start' && afterStart !== undefined) socket.send(afterStart);
    });
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) }));
  });
}

/** A snapshot of the right shape whose histogram is not one. */
function garbledSnapshot(): object {
  const key = { scenario: '', user: 'A', name: '/a', method: 'GET' };
  return {
    version: 1, worker: 7, fromMs: 0, toMs: 1000, users: 1, phase: null, iterations: 1, droppedIterations: 0,
    endpoints: [
      { key, tags: [], requests: 1, failures: 0, bytesIn: 2, bytesOut: 0, statusCodes: { '200': 1 }, latency: 'AAAA', ttfb: '' },
    ],
    errors: [],
    checks: [],
  };
}
