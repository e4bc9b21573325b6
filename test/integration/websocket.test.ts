/**
 * WebSocket virtual users end to end through the real CLI, against a loopback echo server this
 * test runs: round trips merged from 3 worker threads equal what the server saw, a threshold on
 * the round-trip trend fails the run (exit 1), and a server that drops every socket fails the
 * sessions without crashing the run.
 */

import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { EndpointStats, Result } from '../../src/metrics/result.js';
import { runCli, tempDir, writeScenario } from '../helpers/cli.js';

/** Echoes after `?delay=` ms; `/drop` terminates the socket on its first message. Counts what it read and wrote. */
class EchoServer {
  received = 0;
  sent = 0;
  url = '';
  private readonly server: Server = createServer((_req, res) => res.end());
  private readonly wss = new WebSocketServer({ noServer: true });

  async start(): Promise<void> {
    this.server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const delay = Number(url.searchParams.get('delay') ?? 0);
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on('message', (data) => {
          this.received++;
          if (url.pathname === '/drop') return ws.terminate();
          setTimeout(() => {
            this.sent++;
            ws.send(data);
          }, delay);
        });
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  reset(): void {
    this.received = 0;
    this.sent = 0;
  }

  close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const server = new EchoServer();
beforeAll(() => server.start());
afterAll(() => server.close());

/** Each user keeps one socket in its state across its iterations and round-trips once per iteration. */
function scenario(path: string, users: number, iterations: number): string {
  return `import { defineScenario, defineUser } from 'volley';
export const Chat = defineUser({
  tasks: [{ run: async (vu) => {
    vu.state.socket ??= await vu.ws.connect('${path}', { name: 'chat' });
    const id = vu.id * 1000 + vu.iteration;
    await vu.state.socket.request({ id }, (m) => JSON.parse(m).id === id, { timeout: '5s' });
  } }],
});
export default defineScenario({ users: [Chat], load: { users: ${users}, iterationsPerUser: ${iterations} } });`;
}

function read(path: string): Result {
  return JSON.parse(readFileSync(path, 'utf8')) as Result;
}

function row(result: Result, method: string): EndpointStats {
  const found = result.endpoints.find((e) => e.method === method && e.name === 'chat');
  if (found === undefined) throw new Error(`no ${method} chat row`);
  return found;
}

describe('WebSocket users through the CLI', () => {
  it('merges round trips from 3 workers into what the server saw, with the message counters', async () => {
    server.reset();
    const dir = tempDir();
    const file = writeScenario(dir, 'chat.ts', scenario('/chat', 6, 5));
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '-H', server.url, '--workers', '3', '--json', json]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('WebSocket');
    const result = read(json);
    expect(result.workers?.length).toBe(3);
    expect(server.received).toBe(30);
    expect(row(result, 'RTT')).toMatchObject({ protocol: 'ws', requests: server.received, failures: 0 });
    expect(row(result, 'CONNECT')).toMatchObject({ protocol: 'ws', requests: 6, failures: 0 });
    expect(row(result, 'SESSION')).toMatchObject({ protocol: 'ws', requests: 6, failures: 0 });
    const metrics = new Map((result.metrics ?? []).map((m) => [m.name, m]));
    expect(metrics.get('ws_messages_received')).toMatchObject({ kind: 'counter', sum: server.sent });
    expect(metrics.get('ws_messages_sent')).toMatchObject({ kind: 'counter', sum: server.received });
  });

  it('fails the run (exit 1) on a threshold over the round-trip trend; metric thresholds need no declaration', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'slow.ts', scenario('/chat?delay=30', 2, 3));
    const json = join(dir, 'result.json');
    const run = await runCli([
      'run', file, '-H', server.url, '--json', json, '-q',
      '--threshold', 'method=RTT,protocol=ws:p95<10ms',
      '--threshold', 'metric=ws_messages_received:count>=6',
      '--threshold', 'metric=ws_messages_sent:rate>1/s',
    ]);
    expect(run.code).toBe(1);
    const result = read(json);
    expect(result.thresholds.map((t) => [t.expression, t.ok])).toEqual([
      ['method=RTT,protocol=ws:p95<10ms', false],
      ['metric=ws_messages_received:count>=6', true],
      ['metric=ws_messages_sent:rate>1/s', true],
    ]);
    expect(result.thresholds[0]?.actual).toBeGreaterThanOrEqual(25);
  });

  it('fails the sessions a server drops (abnormal close 1006) and the round trips they cut, and the run goes on', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'drop.ts', scenario('/drop', 2, 2));
    const json = join(dir, 'result.json');
    const run = await runCli(['run', file, '-H', server.url, '--json', json, '-q']);
    // Failed requests and no thresholds: the run completes and fails, as for HTTP.
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/Unhandled|TypeError|at .*\.js/);
    const result = read(json);
    expect(row(result, 'SESSION')).toMatchObject({ requests: 2, failures: 2 });
    expect(row(result, 'RTT')).toMatchObject({ requests: 4, failures: 4 });
    const messages = result.errors.map((e) => [e.key.method, e.message]);
    expect(messages).toContainEqual(['SESSION', 'abnormal close 1006']);
    expect(messages).toContainEqual(['RTT', 'closed before the answer (1006)']);
    expect(result.errors.filter((e) => e.kind === 'task').map((e) => e.message)).not.toContainEqual(
      expect.stringContaining('closed before the answer'),
    );
  });
});
