/**
 * `vu.ws` through a real virtual user, recorder and demo server: a socket kept in `vu.state`
 * across tasks keeps working, rows land in the scope of the task each round trip ran in, a failed
 * round trip is not counted again as a task error, and every socket is closed when the user ends,
 * in the closed model (`run()`) and the open one (`iterate()`, then `finish()`).
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constant } from '../../../src/api/wait-time.js';
import { realClock } from '../../../src/core/clock.js';
import { type DemoServer, startDemoServer } from '../../../src/demo/index.js';
import { compileClass } from '../../../src/engine/compiled-class.js';
import type { UserClassSpec } from '../../../src/engine/user-class.js';
import { VirtualUser } from '../../../src/engine/virtual-user.js';
import type { TaskFunction } from '../../../src/engine/vu-context.js';
import { IntervalRecorder } from '../../../src/metrics/interval-recorder.js';
import { HttpClient } from '../../../src/protocols/http/index.js';
import type { WsSocket } from '../../../src/protocols/ws/index.js';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});
afterAll(() => demo.close());

function setup(...tasks: TaskFunction<{ socket?: WsSocket }, unknown>[]) {
  const recorder = new IntervalRecorder({ now: () => 0 });
  const spec: UserClassSpec = {
    name: 'Chat',
    weight: 1,
    wait: constant(0),
    sequential: true,
    tasks: tasks.map((run, i) => ({ name: `task${i}`, weight: 1, tags: [`t${i}`], run: run as TaskFunction<object, unknown> })),
  };
  const compiled = compileClass(spec, '', recorder);
  const http = new HttpClient({ recorder, baseUrl: demo.url });
  const never = new AbortController().signal;
  const env = { recorder, clock: realClock, data: undefined, stopSignal: never, killSignal: never, budget: null, seed: 1 };
  return { recorder, user: new VirtualUser(0, compiled, http, env) };
}

const keep: TaskFunction<{ socket?: WsSocket }, unknown> = async (vu) => {
  vu.state.socket ??= await vu.ws.connect('/chat?delay=1', { name: 'chat' });
  await vu.state.socket.request(`{"id":${vu.iteration}}`, (m) => m === `{"id":${vu.iteration}}`);
};

describe('vu.ws', () => {
  it('keeps a socket across tasks and closes it when the user ends (closed model)', async () => {
    let socket: WsSocket | undefined;
    const { recorder, user } = setup(keep, async (vu) => {
      await keep(vu);
      socket = vu.state.socket;
    });
    await user.run(new AbortController().signal, 4);
    expect(await socket?.closed).toEqual({ code: 1000, reason: 'user done' });
    const snapshot = recorder.flush(1);
    const rows = snapshot.endpoints.map((e) => [e.key.method, e.key.name, e.key.protocol, e.tags, e.requests, e.failures]);
    // Both tasks' round trips (one row, tagged by each task), the session in the task it connected in.
    expect(rows).toEqual([
      ['CONNECT', 'chat', 'ws', ['t0'], 1, 0],
      ['RTT', 'chat', 'ws', ['t0', 't1'], 4, 0],
      ['SESSION', 'chat', 'ws', ['t0'], 1, 0],
    ]);
    expect(snapshot.metrics?.map((m) => [m.name, m.sum])).toEqual([
      ['ws_messages_sent', 4],
      ['ws_messages_received', 4],
    ]);
  });

  it('drops the sockets of a killed user, ending what waits on them, without failing the session', async () => {
    let socket: WsSocket | undefined;
    const { recorder, user } = setup(async (vu) => {
      socket = await vu.ws.connect('/notifications?every=60000', { name: 'quiet' });
      await socket.next();
    });
    const running = user.iterate();
    while (socket === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
    await user.kill();
    expect(await running).toBe(false);
    expect((await socket.closed).code).toBe(1006);
    const session = recorder.flush(1).endpoints.find((e) => e.key.method === 'SESSION');
    expect([session?.requests, session?.failures]).toEqual([1, 0]);
  });

  it('closes the sockets of an open-model user when it is retired, and counts a failed round trip once', async () => {
    let socket: WsSocket | undefined;
    const { recorder, user } = setup(async (vu) => {
      socket = await vu.ws.connect('/notifications?every=1000');
      await socket.request('no answer comes', () => false, { timeout: '50ms' });
    });
    expect(await user.start()).toBe(true);
    expect(await user.iterate()).toBe(false);
    expect(socket?.open).toBe(true);
    await user.finish();
    expect((await socket?.closed)?.code).toBe(1000);
    const snapshot = recorder.flush(1);
    expect(snapshot.errors.map((e) => [e.key.method, e.message, e.count])).toEqual([['RTT', 'response timeout', 1]]);
  });
});
