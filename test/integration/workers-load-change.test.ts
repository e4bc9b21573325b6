/**
 * Changing a running load's users with worker threads (`--workers 2`): the run controller tells
 * the workers driver, which tells every worker the new count, and each ramps its own share of
 * it (execution segments, as at the start). The threads run the built worker (`npm run build`
 * first); the target is a loopback server; every wait polls with a generous limit.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FromWorker, WorkerAssignment } from '../../src/cluster/protocol.js';
import { ThreadPool } from '../../src/cluster/thread-pool.js';
import type { TransportHandlers, WorkerTransport } from '../../src/cluster/transport.js';
import { resolveRunOptions } from '../../src/config/resolve-options.js';
import { urlScenario } from '../../src/engine/url-scenario.js';
import type { LiveProgress } from '../../src/outputs/output.js';
import { startRun } from '../../src/runner/start-run.js';
import { type LoopbackServer, startServer } from '../helpers/loopback-server.js';

const WORKER_ENTRY = new URL('../../dist/cluster/worker-main.js', import.meta.url);

/** The worker threads, with each worker's users as its last snapshot said. */
class WatchedThreads implements WorkerTransport {
  readonly users = [0, 0];
  private readonly pool = new ThreadPool(WORKER_ENTRY, 2);
  readonly size = 2;

  launch(assignments: readonly WorkerAssignment[], handlers: TransportHandlers): Promise<void> {
    return this.pool.launch(assignments, {
      message: (worker: number, message: FromWorker) => {
        if (message.type === 'snapshot') this.users[worker] = message.snapshot.users;
        handlers.message(worker, message);
      },
      lost: (worker, reason) => handlers.lost(worker, reason),
    });
  }
  broadcast: WorkerTransport['broadcast'] = (message) => this.pool.broadcast(message);
  whenExited = (): Promise<void> => this.pool.whenExited();
  close = (): Promise<void> => this.pool.close();
}

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer((_req, res) => setTimeout(() => res.end('ok'), 5));
});
afterAll(() => server.close());

describe('changing users with --workers 2', () => {
  it('every worker ramps its share to the new count, up and down, and the Result says so', async () => {
    const source = { kind: 'url' as const, url: `${server.url}/`, method: 'GET', body: undefined, headers: [] };
    const { scenario, host } = urlScenario(source);
    const options = { ...resolveRunOptions([]), host, users: 2, spawnRate: 100, durationMs: 120_000, workers: 2 };
    const threads = new WatchedThreads();
    let progress: LiveProgress | undefined;
    const handle = startRun({
      scenario,
      file: null,
      source,
      options,
      explicit: new Set(['users', 'spawnRate', 'durationMs', 'workers']),
      outputs: [{ name: 'watch', onProgress: (p) => void (progress = p) }],
      transport: threads,
      tickMs: 200,
    });
    await until(() => threads.users.join() === '1,1' && progress?.users === 2, 'one user on each worker');
    handle.changeLoad({ users: 6, spawnRate: 100 }, 'from the test');
    await until(() => threads.users.join() === '3,3' && progress?.users === 6, 'three users on each worker');
    handle.changeLoad({ users: 2, spawnRate: 100 }, 'from the test');
    await until(() => threads.users.join() === '1,1' && progress?.users === 2, 'back to one user on each');
    handle.stop();
    const result = await handle.result;
    expect(result.load?.description).toMatch(/changed to 6 users at 100\/s at \d+s, changed to 2 users at 100\/s at \d+s$/);
    expect(result.warnings.filter((w) => w.startsWith('Users changed to'))).toHaveLength(2);
    expect(result.totals.requests).toBeGreaterThan(0);
  }, 90_000);
});
